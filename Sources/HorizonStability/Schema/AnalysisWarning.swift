/// Something a reader of the numbers should know (too-small top-k, truncated thinking, ...).
public struct AnalysisWarning: Codable, Sendable, Equatable {
    /// A stable identifier: `missing_tail_mass`, `low_coverage`, `truncated_thinking`,
    /// `no_logprobs`, `invalid_lines`, `few_samples`, ...
    public var kind: String
    public var message: String
    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}
