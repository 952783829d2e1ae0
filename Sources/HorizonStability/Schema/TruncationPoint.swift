/// Results at one truncation length of the thinking span.
public struct TruncationPoint: Codable, Sendable, Equatable {
    /// The requested length: tokens, or a fraction of each trace's thinking length.
    public var length: Double
    /// `tokens` or `fraction`.
    public var lengthUnit: String
    /// Mean thinking tokens actually kept.
    public var keptTokens: Double
    public var samples: Int
    public var problems: Int
    public var agreement: Double?
    public var agreementCI: ConfidenceInterval?
    public var accuracy: Double?
    public var accuracyCI: ConfidenceInterval?
    public var answerBF: Double?
    public var answerBFCI: ConfidenceInterval?
    /// Mean tokens generated per forced answer.
    public var tokensSpent: Double

    enum CodingKeys: String, CodingKey {
        case length, lengthUnit = "length_unit", keptTokens = "kept_tokens", samples, problems
        case agreement, agreementCI = "agreement_ci", accuracy, accuracyCI = "accuracy_ci"
        case answerBF = "answer_bf", answerBFCI = "answer_bf_ci", tokensSpent = "tokens_spent"
    }

    public init(length: Double, lengthUnit: String, keptTokens: Double, samples: Int, problems: Int,
                agreement: Double? = nil, agreementCI: ConfidenceInterval? = nil, accuracy: Double? = nil,
                accuracyCI: ConfidenceInterval? = nil, answerBF: Double? = nil,
                answerBFCI: ConfidenceInterval? = nil, tokensSpent: Double = 0) {
        self.length = length
        self.lengthUnit = lengthUnit
        self.keptTokens = keptTokens
        self.samples = samples
        self.problems = problems
        self.agreement = agreement
        self.agreementCI = agreementCI
        self.accuracy = accuracy
        self.accuracyCI = accuracyCI
        self.answerBF = answerBF
        self.answerBFCI = answerBFCI
        self.tokensSpent = tokensSpent
    }
}
