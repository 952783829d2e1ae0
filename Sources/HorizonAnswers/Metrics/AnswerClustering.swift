/// Groups sampled answers into clusters of equivalent answers.
public enum AnswerClustering {
    /// Clusters `answers` with ``AnswerEquivalence``.
    ///
    /// Each answer joins the first existing cluster whose representative (its first member,
    /// taken as the reference) it matches, else starts a new cluster; equivalence is not
    /// transitive, so this greedy, order-dependent rule is what makes the result deterministic.
    /// Answers with the same normalised text join without a comparison.
    ///
    /// Order: clusters by size, largest first, ties by first occurrence; the "no answer" group
    /// (samples with `nil`) comes last whatever its size, and is absent when every sample has an
    /// answer. It never counts as correct.
    ///
    /// ```swift
    /// let answers = ["1/2", "0.5", "3", nil].map { $0.map { ExtractedAnswer(text: $0, rule: .wholeText) } }
    /// AnswerClustering.cluster(answers).map(\.members)   // [[0, 1], [2], [3]]
    /// ```
    /// - Parameters:
    ///   - answers: One extracted answer per sample (`nil`: none), in sample order.
    ///   - options: Passed to the equivalence check.
    /// - Returns: The clusters; their members partition `answers.indices`.
    /// - Complexity: O(n × c) comparisons for n answers and c clusters, fewer when answers repeat.
    public static func cluster(
        _ answers: [ExtractedAnswer?], options: EquivalenceOptions = EquivalenceOptions()
    ) -> [AnswerCluster] {
        var clusters: [AnswerCluster] = []
        var clusterOfKey: [String: Int] = [:]
        var unanswered: [Int] = []
        for (index, answer) in answers.enumerated() {
            guard let answer else {
                unanswered.append(index)
                continue
            }
            let normalized = AnswerNormalizer.normalize(answer)
            let key = (normalized.isPercent ? "%" : "") + normalized.key
            if let known = clusterOfKey[key] {
                clusters[known].members.append(index)
                continue
            }
            let match = clusters.firstIndex {
                AnswerEquivalence.compare(reference: $0.representative, candidate: answer, options: options).equivalent
            }
            if let match {
                clusters[match].members.append(index)
                clusterOfKey[key] = match
            } else {
                clusterOfKey[key] = clusters.count
                clusters.append(AnswerCluster(representative: answer, members: [index]))
            }
        }
        clusters.sort { $0.count != $1.count ? $0.count > $1.count : $0.members[0] < $1.members[0] }
        if !unanswered.isEmpty { clusters.append(AnswerCluster(representative: nil, members: unanswered)) }
        return clusters
    }
}
