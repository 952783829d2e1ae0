/// Forking tokens per segment.
public struct SegmentTokens: Codable, Sendable, Equatable {
    public var overall: [ForkingToken] = []
    public var thinking: [ForkingToken] = []
    public var answer: [ForkingToken] = []

    public init(overall: [ForkingToken] = [], thinking: [ForkingToken] = [], answer: [ForkingToken] = []) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}
