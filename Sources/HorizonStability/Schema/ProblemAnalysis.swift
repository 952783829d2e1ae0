/// One row per problem.
public struct ProblemAnalysis: Codable, Sendable, Equatable {
    public var problemID: String
    public var samples: Int
    public var samplesWithLogProbs: Int
    public var bf: BranchingFactorSummary
    public var lengths: SpanLengths
    /// Samples whose thinking never closed.
    public var truncated: Int
    public var gold: String?
    public var accuracy: Double?
    public var agreement: Double?
    /// Entropy of the answer distribution over clusters, nats.
    public var answerEntropy: Double?
    public var majorityAnswer: String?
    public var clusters: [ClusterSummary]

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", samples, samplesWithLogProbs = "samples_with_logprobs", bf, lengths
        case truncated, gold, accuracy, agreement, answerEntropy = "answer_entropy"
        case majorityAnswer = "majority_answer", clusters
    }

    public init(
        problemID: String, samples: Int, samplesWithLogProbs: Int = 0,
        bf: BranchingFactorSummary = BranchingFactorSummary(), lengths: SpanLengths = SpanLengths(),
        truncated: Int = 0, gold: String? = nil, accuracy: Double? = nil, agreement: Double? = nil,
        answerEntropy: Double? = nil, majorityAnswer: String? = nil, clusters: [ClusterSummary] = []
    ) {
        self.problemID = problemID
        self.samples = samples
        self.samplesWithLogProbs = samplesWithLogProbs
        self.bf = bf
        self.lengths = lengths
        self.truncated = truncated
        self.gold = gold
        self.accuracy = accuracy
        self.agreement = agreement
        self.answerEntropy = answerEntropy
        self.majorityAnswer = majorityAnswer
        self.clusters = clusters
    }
}
