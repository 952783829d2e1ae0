public struct ProbeSummary: Codable, Sendable, Equatable {
    public var truncation: [TruncationPoint] = []
    public var resample: [ResamplePoint] = []
    /// Tokens to first correct, from the truncation probes (`nil` without gold answers).
    public var firstCorrect: FirstCorrectSummary?
    /// The consistency stop rule, from the truncation probes of traces the analysis holds.
    public var consistencyStop: ConsistencyStopSummary?
    /// Budget forcing, one row per number of waits (`nil` without budget-forcing lines).
    public var budgetForcing: [BudgetForcingPoint]?

    enum CodingKeys: String, CodingKey {
        case truncation, resample, firstCorrect = "first_correct", consistencyStop = "consistency_stop"
        case budgetForcing = "budget_forcing"
    }

    public init(truncation: [TruncationPoint] = [], resample: [ResamplePoint] = [],
                firstCorrect: FirstCorrectSummary? = nil, consistencyStop: ConsistencyStopSummary? = nil,
                budgetForcing: [BudgetForcingPoint]? = nil) {
        self.truncation = truncation
        self.resample = resample
        self.firstCorrect = firstCorrect
        self.consistencyStop = consistencyStop
        self.budgetForcing = budgetForcing
    }
}
