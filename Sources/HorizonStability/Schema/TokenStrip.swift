/// One trace's first tokens with their entropies, for the report's token strip.
public struct TokenStrip: Codable, Sendable, Equatable {
    public var problemID: String
    public var sample: Int
    /// The tokens' texts (invalid UTF-8 as U+FFFD), at most ``maximumTokens``.
    public var tokens: [String]
    /// Each token's entropy, nats.
    public var entropies: [Double]
    /// The thinking and answer token ranges `[start, end)` within the strip, when measured.
    public var thinking: [Int]?
    public var answer: [Int]?
    /// The trace's full length, tokens (more than `tokens.count` when the strip is cut).
    public var traceTokens: Int

    /// The longest strip kept.
    public static let maximumTokens = 1000

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", sample, tokens, entropies, thinking, answer, traceTokens = "trace_tokens"
    }

    public init(problemID: String, sample: Int, tokens: [String], entropies: [Double], thinking: [Int]? = nil,
                answer: [Int]? = nil, traceTokens: Int) {
        self.problemID = problemID
        self.sample = sample
        self.tokens = tokens
        self.entropies = entropies
        self.thinking = thinking
        self.answer = answer
        self.traceTokens = traceTokens
    }
}
