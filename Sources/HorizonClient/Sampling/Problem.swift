/// One question to sample answers for.
public struct Problem: Sendable, Equatable, Hashable, Codable {
    /// Unique within its problem set; becomes the trace's `problem_id`.
    public var id: String
    /// The question text, substituted for `{question}` in the prompt template.
    public var question: String
    /// The reference answer, when known; copied to each trace as `gold`.
    public var gold: String?

    public init(id: String, question: String, gold: String? = nil) {
        self.id = id
        self.question = question
        self.gold = gold
    }
}
