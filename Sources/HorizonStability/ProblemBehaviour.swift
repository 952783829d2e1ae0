import HorizonEntropy

/// What confidence, forking tokens and reflection markers keep of one sample.
struct SampleBehaviour: Sendable, Equatable, Codable {
    var confidence: TraceConfidence?
    /// Reflection markers in each measured segment, all phrases together.
    var markers: [Segment: Int]
}

/// What confidence, forking tokens and reflection markers keep of one problem while the input
/// streams by: bounded by the entropy grid and the top-token count, never by the token count.
/// Every part adds up, so accumulators of the same problem from different inputs merge
/// (``merge(_:)``) into what one input would have given.
struct ProblemBehaviour: Sendable, Equatable, Codable {
    /// Token entropies per measured segment.
    var histograms: [Segment: EntropyHistogram] = [:]
    /// The problem's highest-entropy tokens per segment, ``ForkingToken/ranksBefore(_:_:)`` order.
    var forkTokens: [Segment: [ForkingToken]] = [:]
    /// Occurrences of each marker over the problem's whole outputs.
    var markerTotals: [Int] = []

    /// Folds in one sample and returns what its summary keeps.
    mutating func add(_ record: SampleRecord) -> SampleBehaviour {
        if let statistics = record.statistics {
            for segment in Segment.allCases {
                guard let range = record.tokens(segment) else { continue }
                var histogram = histograms[segment] ?? EntropyHistogram()
                for position in range { histogram.add(statistics.entropies[position]) }
                histograms[segment] = histogram
            }
        }
        for (segment, tokens) in record.forkTokens { keep(tokens, segment: segment) }
        if let overall = record.reflection[.overall] {
            markerTotals = markerTotals.isEmpty ? overall : zip(markerTotals, overall).map { $0 + $1 }
        }
        return SampleBehaviour(
            confidence: record.confidence, markers: record.reflection.mapValues { $0.reduce(0, +) })
    }

    /// Adds everything another accumulator of the same problem kept.
    mutating func merge(_ other: ProblemBehaviour) {
        for (segment, histogram) in other.histograms { histograms[segment, default: EntropyHistogram()].add(histogram) }
        for (segment, tokens) in other.forkTokens { keep(tokens, segment: segment) }
        if !other.markerTotals.isEmpty {
            markerTotals = markerTotals.isEmpty ? other.markerTotals : zip(markerTotals, other.markerTotals).map { $0 + $1 }
        }
    }

    private mutating func keep(_ tokens: [ForkingToken], segment: Segment) {
        forkTokens[segment] = Array((forkTokens[segment, default: []] + tokens)
            .sorted(by: ForkingToken.ranksBefore).prefix(ForkAggregation.topCount))
    }
}

// Segment-keyed dictionaries encode as JSON objects ("overall", "thinking", "answer"), so a
// part file's bytes do not depend on dictionary order.
extension Segment: CodingKeyRepresentable {}
