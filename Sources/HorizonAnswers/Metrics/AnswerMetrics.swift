import Foundation

/// Multi-sample metrics of answers to one problem: accuracy, pass@k, maj@k, agreement, answer
/// entropy, G-Pass@k.
///
/// Counts follow the usual notation: `n` samples, `c` of them correct, `k` drawn.
public enum AnswerMetrics {
    /// The share of correct samples.
    /// - Parameter correct: One flag per sample.
    /// - Returns: `c / n`, in [0, 1].
    /// - Throws: ``AnswersError`` (`invalidMetricArgument`) when `correct` is empty.
    /// - Complexity: O(n).
    public static func accuracy(_ correct: [Bool]) throws -> Double {
        guard !correct.isEmpty else { throw AnswersError(.invalidMetricArgument, "accuracy of no samples") }
        return Double(correct.filter { $0 }.count) / Double(correct.count)
    }

    /// The unbiased pass@k estimator of Chen et al. 2021 (arXiv:2107.03374): the probability that
    /// at least one of `k` samples drawn without replacement from `n` is correct,
    /// `1 - C(n-c, k) / C(n, k)`, computed as `1 - Π_{i=n-c+1}^{n} (1 - k/i)` so that no binomial
    /// coefficient is formed (no overflow for any `n`).
    ///
    /// ```swift
    /// try AnswerMetrics.passAtK(sampleCount: 4, correctCount: 1, k: 2)   // 0.5
    /// ```
    /// - Edge Cases: `c = 0` gives 0; `n - c < k` gives exactly 1.
    /// - Throws: ``AnswersError`` unless `1 ≤ k ≤ n` and `0 ≤ c ≤ n`.
    /// - Complexity: O(c).
    public static func passAtK(sampleCount n: Int, correctCount c: Int, k: Int) throws -> Double {
        try validate(n: n, c: c, k: k)
        guard c > 0 else { return 0 }
        if n - c < k { return 1 }
        var allWrong = 1.0
        for i in (n - c + 1)...n { allWrong *= 1 - Double(k) / Double(i) }
        return 1 - allWrong
    }

    /// maj@k: the majority vote of the first `k` answers, after clustering equivalent answers.
    ///
    /// Samples without an answer do not vote. Tie rule: among clusters sharing the largest vote
    /// count, the one that reached that count first (at the earliest sample index) wins; the
    /// number of tied clusters is reported.
    ///
    /// ```swift
    /// // votes A, B, B, A: both reach 2 votes; B reaches it at sample 2, A at sample 3: B wins.
    /// ```
    /// - Parameters:
    ///   - answers: One extracted answer per sample, in sampling order.
    ///   - k: How many leading samples vote.
    ///   - reference: The correct answer.
    ///   - options: Passed to clustering and to the check against `reference`.
    /// - Returns: The winner, the tie count and whether the winner is correct.
    /// - Throws: ``AnswersError`` unless `1 ≤ k ≤ answers.count`.
    /// - Complexity: O(k × clusters) comparisons.
    public static func majorityVote(
        _ answers: [ExtractedAnswer?], k: Int, reference: ExtractedAnswer?,
        options: EquivalenceOptions = EquivalenceOptions()
    ) throws -> MajorityVote {
        guard k >= 1, k <= answers.count else {
            throw AnswersError(.invalidMetricArgument, "maj@k needs 1 ≤ k ≤ n (k = \(k), n = \(answers.count))")
        }
        let voting = AnswerClustering.cluster(Array(answers.prefix(k)), options: options).filter { !$0.isNoAnswer }
        guard let most = voting.map(\.count).max() else {
            return MajorityVote(winner: nil, tiedClusterCount: 0, isCorrect: false)
        }
        let tied = voting.filter { $0.count == most }
        // members are ascending, so members[most - 1] is where the cluster reached `most` votes.
        let winner = tied.min { $0.members[most - 1] < $1.members[most - 1] }!
        let correct = AnswerEquivalence.compare(reference: reference, candidate: winner.representative, options: options)
        return MajorityVote(winner: winner, tiedClusterCount: tied.count, isCorrect: correct.equivalent)
    }

    /// The share of all samples that fall in the largest answer cluster (the "no answer" group
    /// is never modal, but its samples count in the denominator).
    /// - Parameter clusters: The clusters of one problem's samples (``AnswerClustering``).
    /// - Returns: In [0, 1]; 0 when no sample has an answer.
    /// - Throws: ``AnswersError`` when there are no samples.
    /// - Complexity: O(clusters).
    public static func agreement(_ clusters: [AnswerCluster]) throws -> Double {
        let total = clusters.reduce(0) { $0 + $1.count }
        guard total > 0 else { throw AnswersError(.invalidMetricArgument, "agreement of no samples") }
        let modal = clusters.filter { !$0.isNoAnswer }.map(\.count).max() ?? 0
        return Double(modal) / Double(total)
    }

    /// The Shannon entropy of the answer distribution over clusters, in nats (natural log):
    /// `-Σ p ln p` with `p` each cluster's share of the samples.
    ///
    /// The "no answer" group counts as one outcome: failing to answer is a behaviour of the
    /// model, and ten samples that all fail are as stable (entropy 0) as ten that agree.
    /// - Edge Cases: one cluster gives 0; `m` equal clusters give `ln m`.
    /// - Postconditions: `0 ≤ result ≤ ln(number of clusters)`.
    /// - Throws: ``AnswersError`` when there are no samples.
    /// - Complexity: O(clusters).
    public static func answerEntropy(_ clusters: [AnswerCluster]) throws -> Double {
        let total = Double(clusters.reduce(0) { $0 + $1.count })
        guard total > 0 else { throw AnswersError(.invalidMetricArgument, "entropy of no samples") }
        return clusters.reduce(0.0) { entropy, cluster in
            guard cluster.count > 0 else { return entropy }
            let p = Double(cluster.count) / total
            return entropy - p * Foundation.log(p)
        }
    }

    static func validate(n: Int, c: Int, k: Int) throws {
        guard n >= 1, c >= 0, c <= n, k >= 1, k <= n else {
            throw AnswersError(.invalidMetricArgument, "needs 1 ≤ k ≤ n and 0 ≤ c ≤ n (n = \(n), c = \(c), k = \(k))")
        }
    }
}
