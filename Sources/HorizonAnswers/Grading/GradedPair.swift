/// One graded pair: the pair, what was extracted from each side, and the verdict.
///
/// Its JSON is the verdict line `horizon grade --pairs` writes, flat so that `jq` reads it:
/// `index`, `id`, `gold`, `pred`, `expected`, `equivalent`, `reason`, `gold_answer`, `gold_rule`,
/// `pred_answer`, `rule` (the candidate's extraction rule); absent values are left out.
public struct GradedPair: Sendable, Hashable, Codable {
    /// The pair's position in its batch (0-based).
    public var index: Int
    public var pair: AnswerPair
    /// The reference answer found in the pair's reference (``AnswerExtractor/referenceAnswer(fromGold:)``).
    public var referenceAnswer: ExtractedAnswer?
    /// The answer extracted from the candidate (``AnswerExtractor/extract(from:)``).
    public var candidateAnswer: ExtractedAnswer?
    public var verdict: EquivalenceVerdict

    public var id: String? { pair.id }
    /// Whether the verdict matches the pair's `expected` label; `nil` when it has none.
    public var agreesWithLabel: Bool? { pair.expected.map { $0 == verdict.equivalent } }

    public init(index: Int, pair: AnswerPair, referenceAnswer: ExtractedAnswer?, candidateAnswer: ExtractedAnswer?,
                verdict: EquivalenceVerdict) {
        self.index = index
        self.pair = pair
        self.referenceAnswer = referenceAnswer
        self.candidateAnswer = candidateAnswer
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case index, id, gold, pred, expected, equivalent, reason
        case goldAnswer = "gold_answer", goldRule = "gold_rule", predAnswer = "pred_answer", rule
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        pair = AnswerPair(
            reference: try container.decode(String.self, forKey: .gold),
            candidate: try container.decode(String.self, forKey: .pred),
            id: try container.decodeIfPresent(String.self, forKey: .id),
            expected: try container.decodeIfPresent(Bool.self, forKey: .expected))
        func answer(_ text: CodingKeys, _ rule: CodingKeys) throws -> ExtractedAnswer? {
            guard let text = try container.decodeIfPresent(String.self, forKey: text),
                  let rule = try container.decodeIfPresent(ExtractionRule.self, forKey: rule) else { return nil }
            return ExtractedAnswer(text: text, rule: rule)
        }
        referenceAnswer = try answer(.goldAnswer, .goldRule)
        candidateAnswer = try answer(.predAnswer, .rule)
        let reason = try container.decode(EquivalenceVerdict.Reason.self, forKey: .reason)
        verdict = EquivalenceVerdict(reason)
        verdict.equivalent = try container.decode(Bool.self, forKey: .equivalent)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encodeIfPresent(pair.id, forKey: .id)
        try container.encode(pair.reference, forKey: .gold)
        try container.encode(pair.candidate, forKey: .pred)
        try container.encodeIfPresent(pair.expected, forKey: .expected)
        try container.encode(verdict.equivalent, forKey: .equivalent)
        try container.encode(verdict.reason, forKey: .reason)
        try container.encodeIfPresent(referenceAnswer?.text, forKey: .goldAnswer)
        try container.encodeIfPresent(referenceAnswer?.rule, forKey: .goldRule)
        try container.encodeIfPresent(candidateAnswer?.text, forKey: .predAnswer)
        try container.encodeIfPresent(candidateAnswer?.rule, forKey: .rule)
    }
}
