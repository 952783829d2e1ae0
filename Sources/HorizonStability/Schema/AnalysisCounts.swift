public struct AnalysisCounts: Codable, Sendable, Equatable {
    public var lines: Int = 0
    public var traces: Int = 0
    public var problems: Int = 0
    public var tracesWithLogProbs: Int = 0
    public var invalidLines: Int = 0
    public var duplicates: Int = 0
    /// Traces whose thinking never closed (no end marker): answer span empty.
    public var truncated: Int = 0
    public var openingMarkerMissing: Int = 0
    public var emptyTopLists: Int = 0
    public var sampledNotInTop: Int = 0
    /// Tokens whose returned top-k mass was below top-p, so the truncation set was not knowable.
    public var lowCoverageTokens: Int = 0
    public var tokens: Int = 0

    enum CodingKeys: String, CodingKey {
        case lines, traces, problems, tracesWithLogProbs = "traces_with_logprobs"
        case invalidLines = "invalid_lines", duplicates, truncated
        case openingMarkerMissing = "opening_marker_missing", emptyTopLists = "empty_top_lists"
        case sampledNotInTop = "sampled_not_in_top", lowCoverageTokens = "low_coverage_tokens", tokens
    }

    public init() {}
}
