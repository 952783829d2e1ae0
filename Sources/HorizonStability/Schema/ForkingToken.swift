/// One high-entropy token of a trace, with a few tokens of context either side and the
/// probabilities the server returned at that step.
public struct ForkingToken: Codable, Sendable, Equatable {
    public var problemID: String
    public var sample: Int
    /// Which span the token lies in (`thinking`, `answer`, or `overall` for a trace measured whole).
    public var segment: String
    /// The token's position in the output, from 0.
    public var position: Int
    /// Entropy of the rebuilt distribution, nats.
    public var entropy: Double
    /// The sampled token's text.
    public var token: String
    /// The text of up to ``ForkingToken/contextTokens`` tokens before and after it.
    public var before: String
    public var after: String
    /// The sampled token's probability as the server returned it.
    public var sampledProbability: Double
    /// The returned candidates' probabilities, largest first (equal ones in the server's
    /// order), at most ``alternativeCount``.
    public var alternatives: [Double]
    /// The texts of those candidates, in the same order (invalid UTF-8 read as U+FFFD, as the
    /// token's own text); `nil` when the reader did not keep them (analyses before schema
    /// version 4, traces not read from a file).
    public var alternativeTokens: [String]?

    /// Tokens of context kept either side.
    public static let contextTokens = 6
    /// Candidate probabilities kept.
    public static let alternativeCount = 5

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", sample, segment, position, entropy, token, before, after
        case sampledProbability = "sampled_probability", alternatives
        case alternativeTokens = "alternative_tokens"
    }

    public init(problemID: String, sample: Int, segment: String, position: Int, entropy: Double, token: String,
                before: String, after: String, sampledProbability: Double, alternatives: [Double],
                alternativeTokens: [String]? = nil) {
        self.problemID = problemID
        self.sample = sample
        self.segment = segment
        self.position = position
        self.entropy = entropy
        self.token = token
        self.before = before
        self.after = after
        self.sampledProbability = sampledProbability
        self.alternatives = alternatives
        self.alternativeTokens = alternativeTokens
    }

    /// The order of the top-token lists: higher entropy first, then problem, sample and
    /// position, so that the lists do not depend on the order traces arrive in.
    public static func ranksBefore(_ a: ForkingToken, _ b: ForkingToken) -> Bool {
        if a.entropy != b.entropy { return a.entropy > b.entropy }
        if a.problemID != b.problemID { return a.problemID < b.problemID }
        if a.sample != b.sample { return a.sample < b.sample }
        return a.position < b.position
    }
}
