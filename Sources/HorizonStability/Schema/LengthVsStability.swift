/// Thinking length (per sample) against correctness, agreement with the modal answer, and
/// answer-span BF.
public struct LengthVsStability: Codable, Sendable, Equatable {
    /// `tokens` or `characters`.
    public var unit: String
    public var bins: [LengthBin]
    public var correctness: RankCorrelation?
    public var agreement: RankCorrelation?
    public var answerBF: RankCorrelation?

    enum CodingKeys: String, CodingKey {
        case unit, bins, correctness, agreement, answerBF = "answer_bf"
    }

    public init(unit: String, bins: [LengthBin] = [], correctness: RankCorrelation? = nil,
                agreement: RankCorrelation? = nil, answerBF: RankCorrelation? = nil) {
        self.unit = unit
        self.bins = bins
        self.correctness = correctness
        self.agreement = agreement
        self.answerBF = answerBF
    }
}
