import HorizonCommon
import HorizonEntropy
import HorizonTraces

extension ConfidenceVoting {
    /// The shares of traces the filtered votes keep: DeepConf-low (10%) and DeepConf-high (90%).
    static let etas = [0.1, 0.9]
    /// DeepConf's warm-up: 16 traces, here at most half of a problem's (rounded up).
    static let maximumWarmUp = 16

    /// One trace as the votes see it.
    struct Vote {
        /// The answer cluster, `nil` without an extracted answer (the trace abstains).
        var cluster: Int?
        var confidence: TraceConfidence
    }

    /// Runs the offline experiment over every graded problem.
    ///
    /// - Returns: `nil` when no graded problem has a trace with log-probabilities.
    init?(problems: [ProblemAccumulator], answers: AnswerAggregation, options: AnalysisOptions, random: inout SplitMix64) {
        struct Outcome { var majority, weighted: Double; var offline, online: [Double] }
        var outcomes: [Outcome] = []
        var tokens = 0
        var saved = [Int](repeating: 0, count: Self.etas.count)
        var laterTraces = 0
        var stopped = [Int](repeating: 0, count: Self.etas.count)
        for (problem, graded) in zip(problems, answers.problems) {
            guard let clusterCorrect = graded.clusterCorrect else { continue }
            // Samples are in index order in both, so a sample's position finds its cluster.
            let votes = problem.samples.enumerated().compactMap { position, sample -> Vote? in
                sample.behaviour.confidence.map { confidence in
                    let cluster = graded.clusterOfSample[position]
                    return Vote(cluster: graded.clusters[cluster].isNoAnswer ? nil : cluster, confidence: confidence)
                }
            }
            guard !votes.isEmpty else { continue }
            func correct(_ votes: [Vote], weighted: Bool) -> Double {
                Self.winner(votes, weighted: weighted).map { clusterCorrect[$0] ? 1 : 0 } ?? 0
            }
            let warmUp = min(Self.maximumWarmUp, (votes.count + 1) / 2)
            var outcome = Outcome(majority: correct(votes, weighted: false), weighted: correct(votes, weighted: true), offline: [], online: [])
            tokens += votes.reduce(0) { $0 + $1.confidence.tokenCount }
            laterTraces += votes.count - warmUp
            for (row, eta) in Self.etas.enumerated() {
                let cut = Self.threshold(votes, keeping: eta)
                outcome.offline.append(correct(votes.filter { $0.confidence.lowestGroupMean >= cut }, weighted: true))
                let bar = Self.threshold(Array(votes[0..<warmUp]), keeping: eta)
                var kept = votes[0..<warmUp].filter { $0.confidence.lowestGroupMean >= bar }
                for vote in votes[warmUp...] {
                    if let length = vote.confidence.stopLength(threshold: bar) {
                        stopped[row] += 1
                        saved[row] += vote.confidence.tokenCount - length
                    } else if vote.confidence.lowestGroupMean >= bar {
                        kept.append(vote)
                    }
                }
                outcome.online.append(correct(kept, weighted: true))
            }
            outcomes.append(outcome)
        }
        guard !outcomes.isEmpty else { return nil }
        func accuracy(_ values: [Double]) -> VoteAccuracy {
            VoteAccuracy(accuracy: values.reduce(0, +) / Double(values.count),
                         ci: Bootstrap.meanInterval(values, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random))
        }
        let majority = accuracy(outcomes.map(\.majority))
        let weighted = accuracy(outcomes.map(\.weighted))
        var filtered: [FilteredVote] = []
        for (row, eta) in Self.etas.enumerated() {
            let offline = accuracy(outcomes.map { $0.offline[row] })
            let online = accuracy(outcomes.map { $0.online[row] })
            filtered.append(FilteredVote(
                eta: eta, offline: offline, online: online,
                tokensSaved: tokens == 0 ? 0 : Double(saved[row]) / Double(tokens),
                tracesStopped: laterTraces == 0 ? 0 : Double(stopped[row]) / Double(laterTraces)))
        }
        self.init(problems: outcomes.count, majority: majority, weighted: weighted, filtered: filtered)
    }

    /// The (1 − η) quantile (type 7, NumPy's default, as DeepConf's `np.percentile`) of the
    /// traces' lowest group confidences: traces at or above it are the most confident η.
    static func threshold(_ votes: [Vote], keeping eta: Double) -> Double {
        Quantile.linear(sorted: votes.map(\.confidence.lowestGroupMean).sorted(), probability: 1 - eta) ?? -.infinity
    }

    /// The winning cluster: the largest total weight (each trace's lowest group confidence, or
    /// 1 unweighted); among equal totals the cluster voted for first. Abstaining traces do not
    /// count; `nil` when every trace abstains.
    static func winner(_ votes: [Vote], weighted: Bool) -> Int? {
        var totals: [Int: Double] = [:]
        var order: [Int] = []
        for vote in votes {
            guard let cluster = vote.cluster else { continue }
            if totals[cluster] == nil { order.append(cluster) }
            totals[cluster, default: 0] += weighted ? vote.confidence.lowestGroupMean : 1
        }
        var best: Int?
        for cluster in order where best == nil || totals[cluster]! > totals[best!]! { best = cluster }
        return best
    }
}
