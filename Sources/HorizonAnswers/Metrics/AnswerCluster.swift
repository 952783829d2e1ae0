/// A group of samples whose answers are equivalent, or the group of samples with no answer.
public struct AnswerCluster: Sendable, Hashable, Codable {
    /// The answer of the cluster's first member; `nil` for the "no answer" group.
    public var representative: ExtractedAnswer?
    /// The member samples' indices, ascending.
    public var members: [Int]

    public init(representative: ExtractedAnswer?, members: [Int]) {
        self.representative = representative
        self.members = members
    }

    /// Whether this is the group of samples from which no answer was extracted.
    public var isNoAnswer: Bool { representative == nil }
    /// How many samples the cluster holds.
    public var count: Int { members.count }
}
