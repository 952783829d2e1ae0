import HorizonStability

/// The per-problem numbers a baseline keeps, so `horizon check` can say which problems got
/// less stable. The same shape is read from the current analysis for the comparison.
public struct BaselineProblem: Codable, Sendable, Equatable {
    public var problemID: String
    public var samples: Int
    /// Branching Factor of the whole output (`null` without log-probs).
    public var bf: Double?
    /// Share of samples in the modal answer cluster.
    public var agreement: Double?
    public var accuracy: Double?
    /// Entropy of the answer distribution over clusters, nats.
    public var answerEntropy: Double?

    enum CodingKeys: String, CodingKey {
        case problemID = "problem_id", samples, bf, agreement, accuracy, answerEntropy = "answer_entropy"
    }

    public init(problemID: String, samples: Int, bf: Double? = nil, agreement: Double? = nil,
                accuracy: Double? = nil, answerEntropy: Double? = nil) {
        self.problemID = problemID
        self.samples = samples
        self.bf = bf
        self.agreement = agreement
        self.accuracy = accuracy
        self.answerEntropy = answerEntropy
    }

    /// The kept numbers of one analysed problem.
    public init(_ problem: ProblemAnalysis) {
        self.init(problemID: problem.problemID, samples: problem.samples, bf: problem.bf.overall,
                  agreement: problem.agreement, accuracy: problem.accuracy, answerEntropy: problem.answerEntropy)
    }
}
