public struct EstimatorGapSummary: Codable, Sendable, Equatable {
    public var overall: EstimatorGap?
    public var thinking: EstimatorGap?
    public var answer: EstimatorGap?
    public init(overall: EstimatorGap? = nil, thinking: EstimatorGap? = nil, answer: EstimatorGap? = nil) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}
