/// Tokens to first correct (evalscope ThinkBench's view of truncation probes): how much of its
/// thinking a sample needed before the forced answer became right and stayed right.
///
/// Per probed trace with a gold answer: the shortest kept length from which the forced answer
/// (the modal answer of the probe's K samples) is correct at every longer probe; its token
/// efficiency is that length over the trace's whole thinking length. Set-level values are means
/// over problems of means over their traces, with two-level bootstrap intervals.
public struct FirstCorrectSummary: Codable, Sendable, Equatable {
    /// Probed traces with a gold answer.
    public var samples: Int
    public var problems: Int
    /// Traces whose forced answers are correct from some probe on.
    public var reached: Int
    /// Traces whose longest probe's forced answer is wrong: they never get there.
    public var never: Int
    /// Mean over problems of the share of traces that get there.
    public var reachedShare: Double?
    public var reachedShareCI: ConfidenceInterval?
    /// Thinking tokens kept at the first correct probe, over the traces that get there.
    public var tokens: Double?
    public var tokensCI: ConfidenceInterval?
    /// Those tokens over the trace's thinking length (0…1), over the traces that get there and
    /// think at least one token.
    public var efficiency: Double?
    public var efficiencyCI: ConfidenceInterval?
    /// Mean whole thinking length of the traces that get there, for scale.
    public var thinkingTokens: Double?

    enum CodingKeys: String, CodingKey {
        case samples, problems, reached, never, reachedShare = "reached_share", reachedShareCI = "reached_share_ci"
        case tokens, tokensCI = "tokens_ci", efficiency, efficiencyCI = "efficiency_ci", thinkingTokens = "thinking_tokens"
    }

    public init(samples: Int, problems: Int, reached: Int, never: Int, reachedShare: Double? = nil,
                reachedShareCI: ConfidenceInterval? = nil, tokens: Double? = nil, tokensCI: ConfidenceInterval? = nil,
                efficiency: Double? = nil, efficiencyCI: ConfidenceInterval? = nil, thinkingTokens: Double? = nil) {
        self.samples = samples
        self.problems = problems
        self.reached = reached
        self.never = never
        self.reachedShare = reachedShare
        self.reachedShareCI = reachedShareCI
        self.tokens = tokens
        self.tokensCI = tokensCI
        self.efficiency = efficiency
        self.efficiencyCI = efficiencyCI
        self.thinkingTokens = thinkingTokens
    }
}
