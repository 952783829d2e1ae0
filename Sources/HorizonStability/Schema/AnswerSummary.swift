/// Set-level answer metrics beyond accuracy and agreement.
public struct AnswerSummary: Codable, Sendable, Equatable {
    /// Mean answer entropy over clusters, nats.
    public var answerEntropy: Double?
    public var answerEntropyCI: ConfidenceInterval?
    public var majAtK: [MetricAtK] = []
    public var passAtK: [MetricAtK] = []
    /// G-Pass@k at threshold `gPassTau`.
    public var gPassAtK: [MetricAtK] = []
    public var gPassTau: Double = 0.5
    public var mGPassAtK: [MetricAtK] = []
    /// The paper's answer variability: std (in percentage points) of maj@K accuracy over bootstrap
    /// resamples of each problem's samples.
    public var majVariability: [MetricAtK] = []
    /// Problems that had a gold answer.
    public var gradedProblems: Int = 0
    /// Samples where no final answer could be extracted.
    public var unextracted: Int = 0
    /// How maj@k breaks ties, in words.
    public var tieRule: String = ""

    enum CodingKeys: String, CodingKey {
        case answerEntropy = "answer_entropy", answerEntropyCI = "answer_entropy_ci"
        case majAtK = "maj_at_k", passAtK = "pass_at_k", gPassAtK = "g_pass_at_k", gPassTau = "g_pass_tau"
        case mGPassAtK = "mg_pass_at_k", majVariability = "maj_variability"
        case gradedProblems = "graded_problems", unextracted, tieRule = "tie_rule"
    }

    public init() {}
}
