/// One problem's move on one per-problem metric between baseline and current run.
public struct ProblemChange: Codable, Sendable, Equatable {
    public var problemID: String
    public var baseline: Double
    public var current: Double
    /// `current − baseline`.
    public var change: Double
    /// `change / |baseline|`; `nil` when the baseline is 0.
    public var relativeChange: Double?

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", baseline, current, change, relativeChange = "relative_change"
    }

    public init(problemID: String, baseline: Double, current: Double) {
        self.problemID = problemID
        self.baseline = baseline
        self.current = current
        change = current - baseline
        relativeChange = baseline == 0 ? nil : (current - baseline) / abs(baseline)
    }
}
