public struct MissingMassSummary: Codable, Sendable, Equatable {
    public var overall: MissingMass?
    public var thinking: MissingMass?
    public var answer: MissingMass?
    public init(overall: MissingMass? = nil, thinking: MissingMass? = nil, answer: MissingMass? = nil) {
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}
