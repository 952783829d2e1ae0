import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonTraces

/// What one sample contributes once its per-token arrays have been folded into the curves.
struct SampleSummary: Sendable, Equatable, Codable {
    var index: Int
    var hasLogProbs: Bool
    var flags: SegmentedTrace.Flags
    var measures: PerSegment<SegmentMeasures?>
    /// Measures of the first output token alone (BF@1).
    var firstToken: SegmentMeasures?
    var lengths: PerSegment<Int?>
    var answer: ExtractedAnswer?
    var behaviour: SampleBehaviour
}

/// One sample's whole per-token statistics, kept only for the reference-compatible condensation.
struct ReferenceSample: Sendable, Equatable, Codable {
    var index: Int
    var statistics: TokenStatistics
}

/// Everything the analysis keeps of one problem while the input streams by.
///
/// Every sample of a problem is in one shard (``Shard``), so a problem's accumulator is whole
/// in one part file and merging never combines two of them.
struct ProblemAccumulator: Sendable, Equatable, Codable {
    let problemID: String
    var gold: String?
    var samples: [SampleSummary] = []
    var windowed: PerSegment<WindowedCurveBuilder>
    var cumulative: PerSegment<CumulativeCurveBuilder>
    var referenceSamples: [ReferenceSample] = []
    /// Entropy histograms, forking tokens and reflection markers.
    var behaviour = ProblemBehaviour()

    init(problemID: String, window: Int, estimator: BranchingFactorEstimator) throws(EntropyError) {
        self.problemID = problemID
        let windowed = try WindowedCurveBuilder(windowLength: window, estimator: estimator)
        self.windowed = PerSegment(overall: windowed, thinking: windowed, answer: windowed)
        let cumulative = CumulativeCurveBuilder(estimator: estimator)
        self.cumulative = PerSegment(overall: cumulative, thinking: cumulative, answer: cumulative)
    }

    mutating func add(_ record: SampleRecord, keepStatistics: Bool) {
        if gold == nil { gold = record.gold }
        var measures = PerSegment<SegmentMeasures?>()
        var lengths = PerSegment<Int?>()
        for segment in Segment.allCases {
            guard segment == .overall || record.spansMeasured else { continue }
            lengths[segment] = record.length(segment)
            guard let statistics = record.statistics, let range = record.tokens(segment) else { continue }
            measures[segment] = statistics.measures(in: range)
            windowed[segment].add(statistics, tokens: range)
            cumulative[segment].add(statistics, tokens: range)
        }
        let firstToken = record.statistics.flatMap { $0.count > 0 ? $0.measures(in: 0..<1) : nil }
        if keepStatistics, let statistics = record.statistics {
            referenceSamples.append(ReferenceSample(index: record.sampleIndex, statistics: statistics))
        }
        let kept = behaviour.add(record)
        samples.append(SampleSummary(
            index: record.sampleIndex, hasLogProbs: record.statistics != nil, flags: record.flags,
            measures: measures, firstToken: firstToken, lengths: lengths, answer: record.answer,
            behaviour: kept))
    }
}
