/// One answer cluster of a problem: samples whose answers the grader judged equivalent.
public struct ClusterSummary: Codable, Sendable, Equatable {
    /// The representative answer text (the first extracted member); `null` for the samples with
    /// no extractable answer.
    public var answer: String?
    public var count: Int
    public var sampleIndices: [Int]
    /// Whether the cluster matches the gold answer (`null` without gold).
    public var correct: Bool?

    enum CodingKeys: String, CodingKey {
        case answer, count, sampleIndices = "sample_indices", correct
    }

    public init(answer: String?, count: Int, sampleIndices: [Int], correct: Bool? = nil) {
        self.answer = answer
        self.count = count
        self.sampleIndices = sampleIndices
        self.correct = correct
    }
}
