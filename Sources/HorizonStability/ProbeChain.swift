import HorizonAnswers

/// The truncation probes of one sampled trace, in order of thinking kept: what the model would
/// have answered had its thinking stopped after each probed length.
///
/// A probe point holds the K forced answers sampled from one cut; its answer is their modal
/// answer (the largest answer cluster, ties to the first; with K = 1 the answer itself), so a
/// point answers once. Points with the same kept length (`--lengths 1000,1` on a trace thinking
/// fewer than 1000 tokens) are one cut and are pooled.
struct ProbeChain {
    struct Point: Equatable {
        var keptTokens: Int
        /// The modal forced answer; `nil` when no continuation gave one.
        var answer: ExtractedAnswer?
        /// Which of the chain's answer clusters ``answer`` falls in, so "the same answer" is one
        /// integer comparison; `nil` with no answer.
        var answerCluster: Int?
        /// Whether ``answer`` matches the gold answer (`nil` without a usable gold answer; no
        /// answer is wrong).
        var correct: Bool?
        /// Mean tokens generated per forced answer at this point: what one probe costs.
        var tokensSpent: Double
    }

    var problemID: String
    var sampleIndex: Int
    /// The trace's whole thinking length, when the probe lines record it.
    var thinkingTokens: Int?
    /// Ascending in ``Point/keptTokens``.
    var points: [Point]

    /// One chain per probed trace, ordered by problem and sample; resample probes are ignored.
    ///
    /// Within a point the continuations are taken in order of length requested, then index, so
    /// the modal answer does not depend on the order concurrent sampling wrote the lines in.
    static func chains(from records: [ProbeRecord]) -> [ProbeChain] {
        var byTrace: [String: [ProbeRecord]] = [:]
        for record in records {
            guard case .truncation = record.kind else { continue }
            byTrace[ChainAnswer.key(problemID: record.problemID, sampleIndex: record.sampleIndex), default: []].append(record)
        }
        let extractor = AnswerExtractor()
        return byTrace.keys.sorted().map { key in
            let records = byTrace[key]!
            let first = records[0]
            let reference = first.gold.flatMap { extractor.referenceAnswer(fromGold: $0) }
            let cuts = Dictionary(grouping: records, by: \.keptTokens)
            var points = cuts.keys.sorted().map { kept in
                let group = cuts[kept]!.sorted { lengthOrder($0, $1) }
                let modal = AnswerClustering.cluster(group.map(\.answer)).first?.representative
                return Point(
                    keptTokens: kept, answer: modal, answerCluster: nil,
                    correct: reference == nil ? nil
                        : AnswerEquivalence.compare(reference: reference, candidate: modal).equivalent,
                    tokensSpent: Double(group.reduce(0) { $0 + $1.tokensSpent }) / Double(group.count))
            }
            for (cluster, answer) in AnswerClustering.cluster(points.map(\.answer)).enumerated() where !answer.isNoAnswer {
                for member in answer.members { points[member].answerCluster = cluster }
            }
            return ProbeChain(problemID: first.problemID, sampleIndex: first.sampleIndex,
                              thinkingTokens: records.compactMap(\.thinkingTokens).max(), points: points)
        }
    }

    /// Requested length, then continuation index.
    private static func lengthOrder(_ a: ProbeRecord, _ b: ProbeRecord) -> Bool {
        guard case let .truncation(aLength, aUnit) = a.kind, case let .truncation(bLength, bUnit) = b.kind else { return false }
        return (aUnit, aLength, a.index) < (bUnit, bLength, b.index)
    }

    /// Tokens to first correct: the shortest kept length from which every probe's answer is
    /// correct, up to the longest probe.
    ///
    /// - Returns: `nil` when the longest probe's answer is wrong (the sample never settles on the
    ///   right answer), or when the chain has no gold answer.
    func firstCorrectTokens() -> Int? {
        var first: Int?
        for point in points.reversed() {
            guard point.correct == true else { break }
            first = point.keptTokens
        }
        return first
    }

    /// The consistency stop rule (Dynasor's Certaindex): the first point that closes a run of `k`
    /// consecutive points with the same, extracted answer.
    ///
    /// - Returns: the index in ``points`` where a run-time probe would have stopped the thinking,
    ///   `nil` when no run of `k` occurs (the thinking runs to its end).
    func consistencyStop(k: Int) -> Int? {
        precondition(k >= 1, "a run needs at least one probe")
        var run = 0
        for index in points.indices {
            if let cluster = points[index].answerCluster, index > 0, points[index - 1].answerCluster == cluster {
                run += 1
            } else {
                run = points[index].answerCluster == nil ? 0 : 1
            }
            if run >= k { return index }
        }
        return nil
    }
}
