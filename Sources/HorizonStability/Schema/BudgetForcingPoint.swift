/// Budget forcing after `waits` extensions of the thinking (s1's "Wait"), over the chains of
/// every probed trace (`probes.budget_forcing[]`).
public struct BudgetForcingPoint: Codable, Sendable, Equatable {
    /// Wait strings appended so far; 0 is the answer forced at the whole original thinking.
    public var waits: Int
    /// Chains with an answer after `waits` extensions.
    public var samples: Int
    public var problems: Int
    /// Share of those answers that are correct (graded problems only).
    public var accuracy: Double?
    public var accuracyCI: ConfidenceInterval?
    /// Mean thinking tokens the extensions added before this answer (0 at `waits` 0).
    public var extensionTokens: Double
    /// BF of the `waits`-th extension's tokens (mean over traces of exp(mean log BF) over its
    /// chains); `nil` at `waits` 0 and when no extension has log-probs.
    public var extensionBF: Double?
    public var extensionBFCI: ConfidenceInterval?
    /// `waits`-th extensions that added no token (the model wrote the end marker at once).
    public var emptyExtensions: Int
    /// `waits`-th extensions that hit the token limit before the end marker.
    public var lengthCapped: Int
    /// Chains whose answer was right at `waits` 0 and is wrong now, and the reverse.
    public var rightToWrong: Int
    public var wrongToRight: Int

    enum CodingKeys: String, CodingKey {
        case waits, samples, problems, accuracy, accuracyCI = "accuracy_ci", extensionTokens = "extension_tokens"
        case extensionBF = "extension_bf", extensionBFCI = "extension_bf_ci", emptyExtensions = "empty_extensions"
        case lengthCapped = "length_capped", rightToWrong = "right_to_wrong", wrongToRight = "wrong_to_right"
    }

    public init(waits: Int, samples: Int, problems: Int, accuracy: Double? = nil, accuracyCI: ConfidenceInterval? = nil,
                extensionTokens: Double = 0, extensionBF: Double? = nil, extensionBFCI: ConfidenceInterval? = nil,
                emptyExtensions: Int = 0, lengthCapped: Int = 0, rightToWrong: Int = 0, wrongToRight: Int = 0) {
        self.waits = waits
        self.samples = samples
        self.problems = problems
        self.accuracy = accuracy
        self.accuracyCI = accuracyCI
        self.extensionTokens = extensionTokens
        self.extensionBF = extensionBF
        self.extensionBFCI = extensionBFCI
        self.emptyExtensions = emptyExtensions
        self.lengthCapped = lengthCapped
        self.rightToWrong = rightToWrong
        self.wrongToRight = wrongToRight
    }
}
