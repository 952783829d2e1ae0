/// One quantile bin of thinking length.
public struct LengthBin: Codable, Sendable, Equatable {
    public var lowerLength: Double
    public var upperLength: Double
    public var samples: Int
    public var accuracy: Double?
    /// Share of the bin's samples whose answer is in their problem's modal cluster.
    public var agreement: Double?
    public var answerBF: Double?

    enum CodingKeys: String, CodingKey {
        case lowerLength = "lower_length", upperLength = "upper_length", samples, accuracy, agreement
        case answerBF = "answer_bf"
    }

    public init(lowerLength: Double, upperLength: Double, samples: Int, accuracy: Double? = nil,
                agreement: Double? = nil, answerBF: Double? = nil) {
        self.lowerLength = lowerLength
        self.upperLength = upperLength
        self.samples = samples
        self.accuracy = accuracy
        self.agreement = agreement
        self.answerBF = answerBF
    }
}
