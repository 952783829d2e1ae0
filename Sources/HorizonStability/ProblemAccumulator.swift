import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonTraces

/// What one sample contributes once its per-token arrays have been folded into the curves.
struct SampleSummary: Sendable {
    var index: Int
    var hasLogProbs: Bool
    var flags: SegmentedTrace.Flags
    var measures: [Segment: SegmentMeasures]
    /// Measures of the first output token alone (BF@1).
    var firstToken: SegmentMeasures?
    var lengths: [Segment: Int]
    var answer: ExtractedAnswer?
    var behaviour: SampleBehaviour
}

/// Everything the analysis keeps of one problem while the input streams by.
struct ProblemAccumulator: Sendable {
    let problemID: String
    var gold: String?
    var samples: [SampleSummary] = []
    var windowed: [Segment: WindowedCurveBuilder]
    var cumulative: [Segment: CumulativeCurveBuilder]
    /// Whole per-token statistics by sample index, kept only for the reference-compatible
    /// condensation.
    var referenceSamples: [(index: Int, statistics: TokenStatistics)] = []
    /// Entropy histograms, forking tokens and reflection markers.
    var behaviour = ProblemBehaviour()

    init(problemID: String, window: Int, estimator: BranchingFactorEstimator) throws(EntropyError) {
        self.problemID = problemID
        var windowed: [Segment: WindowedCurveBuilder] = [:]
        var cumulative: [Segment: CumulativeCurveBuilder] = [:]
        for segment in Segment.allCases {
            windowed[segment] = try WindowedCurveBuilder(windowLength: window, estimator: estimator)
            cumulative[segment] = CumulativeCurveBuilder(estimator: estimator)
        }
        self.windowed = windowed
        self.cumulative = cumulative
    }

    mutating func add(_ record: SampleRecord, keepStatistics: Bool) {
        if gold == nil { gold = record.gold }
        var measures: [Segment: SegmentMeasures] = [:]
        var lengths: [Segment: Int] = [:]
        for segment in Segment.allCases {
            guard segment == .overall || record.spansMeasured else { continue }
            lengths[segment] = record.length(segment)
            guard let statistics = record.statistics, let range = record.tokens(segment) else { continue }
            measures[segment] = statistics.measures(in: range)
            windowed[segment]?.add(statistics, tokens: range)
            cumulative[segment]?.add(statistics, tokens: range)
        }
        let firstToken = record.statistics.flatMap { $0.count > 0 ? $0.measures(in: 0..<1) : nil }
        if keepStatistics, let statistics = record.statistics { referenceSamples.append((record.sampleIndex, statistics)) }
        let kept = behaviour.add(record)
        samples.append(SampleSummary(
            index: record.sampleIndex, hasLogProbs: record.statistics != nil, flags: record.flags,
            measures: measures, firstToken: firstToken, lengths: lengths, answer: record.answer,
            behaviour: kept))
    }
}
