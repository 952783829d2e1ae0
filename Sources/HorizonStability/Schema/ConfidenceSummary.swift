/// DeepConf's trace confidence (``TraceConfidence``), each measure the mean over problems of
/// the mean over a problem's samples with log-probabilities, with its two-level bootstrap
/// interval (problems, then samples within them) at set level.
public struct ConfidenceSummary: Codable, Sendable, Equatable {
    /// The group size W, tokens (`--confidence-window`).
    public var window: Int
    /// Traces measured (those with log-probabilities).
    public var traces: Int
    public var tokenMean: Double
    public var tokenMeanCI: ConfidenceInterval?
    public var lowestGroupMean: Double
    public var lowestGroupMeanCI: ConfidenceInterval?
    public var tailMean: Double
    public var tailMeanCI: ConfidenceInterval?
    public var bottom10Mean: Double
    public var bottom10MeanCI: ConfidenceInterval?
    /// The offline DeepConf experiment (set level only; `nil` without gold answers).
    public var voting: ConfidenceVoting?

    enum CodingKeys: String, CodingKey {
        case window, traces, tokenMean = "token_mean", tokenMeanCI = "token_mean_ci"
        case lowestGroupMean = "lowest_group_mean", lowestGroupMeanCI = "lowest_group_mean_ci"
        case tailMean = "tail_mean", tailMeanCI = "tail_mean_ci", bottom10Mean = "bottom10_mean"
        case bottom10MeanCI = "bottom10_mean_ci", voting
    }

    public init(window: Int, traces: Int, tokenMean: Double, lowestGroupMean: Double, tailMean: Double, bottom10Mean: Double) {
        self.window = window
        self.traces = traces
        self.tokenMean = tokenMean
        self.lowestGroupMean = lowestGroupMean
        self.tailMean = tailMean
        self.bottom10Mean = bottom10Mean
    }
}
