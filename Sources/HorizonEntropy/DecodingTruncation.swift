/// The truncation rule decoding applied before sampling each token, used to rebuild the
/// distribution the sampler actually drew from.
///
/// Branching Factor is measured on the truncated, renormalised distribution, not on the raw
/// softmax (Yang & Holtzman 2025, §3). Both rules follow the reference implementation
/// (github.com/yangalan123/LLMBranchingFactor, `loglik_computation.py`):
///
/// - ``topP(_:)``: sort the candidates by probability, drop those below ``probabilityFloor``,
///   keep them until the running sum reaches the threshold (the crossing candidate is kept). A sum
///   within 1e-6 of the threshold counts as reaching it, since servers send 32-bit log-probabilities
///   (0.4 + 0.3 + 0.2 arrives as 0.8999999).
/// - ``minP(_:)``: keep every candidate whose probability is at least the threshold. The threshold
///   is **absolute** (`p >= minP`), as in the reference; it is *not* scaled by the top
///   probability the way vLLM's and llama.cpp's min-p samplers do.
///
/// Under either rule the sampled token is always kept (added back when the rule cut it), and
/// candidates below ``probabilityFloor`` never enter the kept set.
///
/// ```swift
/// let rule = DecodingTruncation.topP(0.9)
/// try rule.validate()
/// ```
public enum DecodingTruncation: Sendable, Hashable {
    /// Nucleus truncation: keep the most probable candidates until their cumulative probability
    /// reaches the value, in (0, 1]. `1` keeps every returned candidate.
    case topP(Double)
    /// Absolute min-p truncation: keep candidates with probability >= the value, in [0, 1].
    case minP(Double)

    /// The reference's sampling setting: top-p 0.9.
    public static let `default` = DecodingTruncation.topP(0.9)

    /// Candidates with a probability below this (1e-12, the reference's `tolerance_inf`; tested
    /// as log-probability < ln 1e-12) are ignored everywhere, in the kept set, the returned mass
    /// and the entropy bound: they add nothing measurable and are mostly `-inf` placeholders.
    public static let probabilityFloor = 1e-12

    /// Checks the threshold's domain.
    ///
    /// Unvalidated values still give defined results: a top-p above 1 keeps every candidate and
    /// one at or below 0 keeps only the most probable one; a min-p above 1 keeps only the sampled
    /// token and one below 0 keeps every candidate above ``probabilityFloor``.
    ///
    /// - Throws: ``EntropyError`` with ``EntropyError/Reason/topPOutOfRange(_:)`` or
    ///   ``EntropyError/Reason/minPOutOfRange(_:)``.
    public func validate() throws(EntropyError) {
        switch self {
        case .topP(let value):
            guard value > 0, value <= 1 else { throw EntropyError(.topPOutOfRange(value)) }
        case .minP(let value):
            guard value >= 0, value <= 1 else { throw EntropyError(.minPOutOfRange(value)) }
        }
    }
}

extension DecodingTruncation: CustomStringConvertible {
    /// `top-p 0.9` or `min-p 0.05`, for reports and messages.
    public var description: String {
        switch self {
        case .topP(let value): "top-p \(value)"
        case .minP(let value): "min-p \(value)"
        }
    }
}

extension DecodingTruncation: Codable {
    /// Encoded as `{"rule": "top-p", "threshold": 0.9}`, readable in an analysis file.
    private enum CodingKeys: String, CodingKey {
        case rule
        case threshold
    }

    private enum Rule: String, Codable {
        case topP = "top-p"
        case minP = "min-p"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let threshold = try container.decode(Double.self, forKey: .threshold)
        switch try container.decode(Rule.self, forKey: .rule) {
        case .topP: self = .topP(threshold)
        case .minP: self = .minP(threshold)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .topP(let value):
            try container.encode(Rule.topP, forKey: .rule)
            try container.encode(value, forKey: .threshold)
        case .minP(let value):
            try container.encode(Rule.minP, forKey: .rule)
            try container.encode(value, forKey: .threshold)
        }
    }
}
