/// The outcome of a majority vote over clustered answers (maj@k).
public struct MajorityVote: Sendable, Hashable, Codable {
    /// The winning cluster, or `nil` when no sample had an answer.
    public var winner: AnswerCluster?
    /// How many answer clusters shared the winning vote count (1: no tie).
    public var tiedClusterCount: Int
    /// Whether the winner is equivalent to the reference.
    public var isCorrect: Bool

    public init(winner: AnswerCluster?, tiedClusterCount: Int, isCorrect: Bool) {
        self.winner = winner
        self.tiedClusterCount = tiedClusterCount
        self.isCorrect = isCorrect
    }

    /// Whether the vote was decided by the tie rule.
    public var wasTied: Bool { tiedClusterCount > 1 }
}
