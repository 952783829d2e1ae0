/// Branching Factor per segment. Each value is a number (or `null` when unavailable) with its
/// bootstrap interval beside it.
public struct BranchingFactorSummary: Codable, Sendable, Equatable {
    public var overall: Double?
    public var overallCI: ConfidenceInterval?
    public var thinking: Double?
    public var thinkingCI: ConfidenceInterval?
    public var answer: Double?
    public var answerCI: ConfidenceInterval?
    /// The estimator the numbers came from after resolving `auto` (`entropy`, `nll`, or `mixed`
    /// when `auto` chose differently per problem).
    public var estimatorUsed: String?
    /// BF of the first output token (BF@1), the paper's Table 2 column, when available.
    public var first: Double?
    public var firstCI: ConfidenceInterval?

    enum CodingKeys: String, CodingKey {
        case overall, overallCI = "overall_ci", thinking, thinkingCI = "thinking_ci"
        case answer, answerCI = "answer_ci", estimatorUsed = "estimator_used"
        case first, firstCI = "first_ci"
    }

    public init(
        overall: Double? = nil, overallCI: ConfidenceInterval? = nil, thinking: Double? = nil,
        thinkingCI: ConfidenceInterval? = nil, answer: Double? = nil, answerCI: ConfidenceInterval? = nil,
        estimatorUsed: String? = nil, first: Double? = nil, firstCI: ConfidenceInterval? = nil
    ) {
        self.overall = overall
        self.overallCI = overallCI
        self.thinking = thinking
        self.thinkingCI = thinkingCI
        self.answer = answer
        self.answerCI = answerCI
        self.estimatorUsed = estimatorUsed
        self.first = first
        self.firstCI = firstCI
    }
}
