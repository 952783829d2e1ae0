/// Mean token counts per span (over samples, then problems).
public struct SpanLengths: Codable, Sendable, Equatable {
    /// `tokens`, or `characters` when no trace had tokens.
    public var unit: String = "tokens"
    public var overall: Double?
    public var thinking: Double?
    public var answer: Double?
    public init(unit: String = "tokens", overall: Double? = nil, thinking: Double? = nil, answer: Double? = nil) {
        self.unit = unit
        self.overall = overall
        self.thinking = thinking
        self.answer = answer
    }
}
