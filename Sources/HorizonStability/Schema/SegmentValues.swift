/// A value per segment (a share, a mean) with its interval; `null` where the segment has no
/// tokens or no trace measured it.
public struct SegmentValues: Codable, Sendable, Equatable {
    public var overall: Double?
    public var overallCI: ConfidenceInterval?
    public var thinking: Double?
    public var thinkingCI: ConfidenceInterval?
    public var answer: Double?
    public var answerCI: ConfidenceInterval?

    enum CodingKeys: String, CodingKey {
        case overall, overallCI = "overall_ci", thinking, thinkingCI = "thinking_ci", answer, answerCI = "answer_ci"
    }

    public init(overall: Double? = nil, thinking: Double? = nil, answer: Double? = nil) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}
