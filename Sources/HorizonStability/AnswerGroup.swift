import HorizonAnswers

/// Samples of one problem whose answers the grader judged equivalent.
public struct AnswerGroup: Sendable, Equatable {
    /// The first member's answer; `nil` for the group of samples with no extractable answer.
    public var representative: ExtractedAnswer?
    /// Positions of the members in the input order of the answers.
    public var members: [Int]
    /// The members' sample indices.
    public var sampleIndices: [Int]
    /// Whether the group matches the gold answer; `nil` until graded or without gold.
    public var correct: Bool?

    /// Clusters answers by the equivalence check, comparing each answer with the
    /// representative of every existing group (the first member is the reference side).
    ///
    /// Groups come largest first, ties in order of first appearance; the no-answer group is
    /// ordered by the same rule.
    ///
    /// ```swift
    /// let groups = AnswerGroup.cluster([half, "0.5", "1/2", nil, "2"].map { ... })
    /// // [{1/2: 3 members}, {nil: 1}, {2: 1}]
    /// ```
    /// - Complexity: O(n × g) comparisons for n answers in g groups.
    public static func cluster(_ answers: [ExtractedAnswer?], sampleIndices: [Int]? = nil) -> [AnswerGroup] {
        let indices = sampleIndices ?? Array(answers.indices)
        var groups: [AnswerGroup] = []
        var noAnswer: AnswerGroup?
        for (position, answer) in answers.enumerated() {
            guard let answer else {
                noAnswer = noAnswer ?? AnswerGroup(representative: nil, members: [], sampleIndices: [])
                noAnswer!.members.append(position)
                noAnswer!.sampleIndices.append(indices[position])
                continue
            }
            if let match = groups.firstIndex(where: {
                AnswerEquivalence.compare(reference: $0.representative, candidate: answer).equivalent
            }) {
                groups[match].members.append(position)
                groups[match].sampleIndices.append(indices[position])
            } else {
                groups.append(AnswerGroup(representative: answer, members: [position], sampleIndices: [indices[position]]))
            }
        }
        if let noAnswer { groups.append(noAnswer) }
        // A stable sort keeps first appearance among groups of equal size.
        return groups.enumerated()
            .sorted { ($0.element.members.count, -$0.element.members[0]) > ($1.element.members.count, -$1.element.members[0]) }
            .map(\.element)
    }
}
