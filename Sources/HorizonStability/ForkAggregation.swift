import HorizonCommon
import HorizonEntropy
import HorizonTraces

/// Forking tokens per problem and per set: the share of each segment's tokens above the entropy
/// threshold, and the run's highest-entropy tokens.
///
/// The default threshold is the run's own 80th percentile of token entropy over every token of
/// every output (Wang et al. 2025, "Beyond the 80/20 rule", call the top 20% the forking
/// tokens), taken exactly on the 2⁻¹⁰-nat grid of ``EntropyHistogram``; a token forks when its
/// quantised entropy is strictly above the threshold.
struct ForkAggregation {
    /// How many highest-entropy tokens the run lists per segment.
    static let topCount = 10
    /// The percentile that sets the default threshold.
    static let defaultPercentile = 0.8

    var summary: ForkSummary?
    /// Per problem, in the problems' order; `nil` for a problem without log-probabilities.
    var problemShares: [SegmentValues?] = []

    init(problems: [ProblemAccumulator], strip: TokenStrip?, options: AnalysisOptions, random: inout SplitMix64) {
        var run = EntropyHistogram()
        for problem in problems {
            if let overall = problem.behaviour.histograms[.overall] { run.add(overall) }
        }
        guard let threshold = options.forkEntropy ?? run.quantile(Self.defaultPercentile) else { return }
        problemShares = problems.map { problem in
            var shares = SegmentValues()
            for segment in Segment.allCases {
                guard let histogram = problem.behaviour.histograms[segment], histogram.total > 0 else { continue }
                shares.set(segment, value: Double(histogram.count(above: threshold)) / Double(histogram.total), ci: nil)
            }
            return shares.overall == nil ? nil : shares
        }
        var shares = SegmentValues()
        var top = SegmentTokens()
        for segment in Segment.allCases {
            let values = problemShares.compactMap { $0?.value(segment) }
            if !values.isEmpty {
                shares.set(segment, value: values.reduce(0, +) / Double(values.count),
                           ci: Bootstrap.meanInterval(values, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random))
            }
            let tokens = Array(problems.flatMap { $0.behaviour.forkTokens[segment] ?? [] }
                .sorted(by: ForkingToken.ranksBefore).prefix(Self.topCount))
            switch segment {
            case .overall: top.overall = tokens
            case .thinking: top.thinking = tokens
            case .answer: top.answer = tokens
            }
        }
        summary = ForkSummary(
            threshold: threshold, thresholdSource: options.forkEntropy == nil ? "run_p80" : "option",
            resolution: 1 / EntropyHistogram.binsPerNat, share: shares, top: top, strip: strip)
    }
}

extension SegmentValues {
    mutating func set(_ segment: Segment, value: Double, ci: ConfidenceInterval?) {
        switch segment {
        case .overall: overall = value; overallCI = ci
        case .thinking: thinking = value; thinkingCI = ci
        case .answer: answer = value; answerCI = ci
        }
    }

    func value(_ segment: Segment) -> Double? {
        switch segment {
        case .overall: overall
        case .thinking: thinking
        case .answer: answer
        }
    }
}
