import HorizonEntropy

/// Which truncation the rebuild applied, as `settings.truncation` names it.
public enum TruncationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case topP = "top_p"
    case minP = "min_p"

    /// The kind of a truncation, with its parameter.
    public static func of(_ truncation: DecodingTruncation) -> (kind: TruncationKind, value: Double) {
        switch truncation {
        case .topP(let p): (.topP, p)
        case .minP(let p): (.minP, p)
        }
    }

    /// The truncation of this kind with parameter `value`.
    public func truncation(_ value: Double) -> DecodingTruncation {
        switch self {
        case .topP: .topP(value)
        case .minP: .minP(value)
        }
    }

    /// The `analyze` flag that sets it: `--top-p` or `--min-p`.
    public var flag: String {
        switch self {
        case .topP: "--top-p"
        case .minP: "--min-p"
        }
    }

    /// As people write it: `top-p` or `min-p`.
    public var displayName: String { String(flag.dropFirst(2)) }
}
