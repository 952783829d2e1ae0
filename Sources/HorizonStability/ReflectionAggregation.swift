import HorizonCommon
import HorizonTraces

/// Reflection markers per problem and per set, and their relation to correctness and length.
struct ReflectionAggregation {
    var summary: ReflectionSummary?
    /// Mean markers per trace per segment, per problem in the problems' order.
    var problemMeans: [SegmentValues?] = []

    init(problems: [ProblemAccumulator], answers: AnswerAggregation, options: AnalysisOptions, random: inout SplitMix64) {
        guard !problems.isEmpty else { return }
        problemMeans = problems.map { problem in
            var means = SegmentValues()
            for segment in Segment.allCases {
                let counts = problem.samples.compactMap { $0.behaviour.markers[segment] }
                if let mean = Statistics.mean(counts.map(Double.init)) { means.set(segment, value: mean, ci: nil) }
            }
            return means.overall == nil ? nil : means
        }
        var summary = ReflectionSummary(markers: options.reflectionMarkers.phrases)
        for segment in Segment.allCases {
            let values = problemMeans.compactMap { $0?.value(segment) }
            guard !values.isEmpty else { continue }
            summary.perTrace.set(segment, value: values.reduce(0, +) / Double(values.count),
                                 ci: Bootstrap.meanInterval(values, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random))
        }
        summary.totals = problems.reduce(into: [Int](repeating: 0, count: summary.markers.count)) { totals, problem in
            for (marker, count) in problem.behaviour.markerTotals.enumerated() where marker < totals.count { totals[marker] += count }
        }
        var correct: [Double] = []
        var incorrect: [Double] = []
        var markers: [Double] = []
        var lengths: [Double] = []
        for (problem, graded) in zip(problems, answers.problems) {
            for (position, sample) in problem.samples.enumerated() {
                guard let count = sample.behaviour.markers[.overall] else { continue }
                markers.append(Double(count))
                lengths.append(Double(sample.lengths[.overall] ?? 0))
                if let isCorrect = graded.correct?[position] {
                    if isCorrect { correct.append(Double(count)) } else { incorrect.append(Double(count)) }
                }
            }
        }
        func group(_ values: [Double]) -> GroupMean? {
            Statistics.mean(values).map {
                GroupMean(mean: $0, ci: Bootstrap.meanInterval(values, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random),
                          traces: values.count)
            }
        }
        summary.correct = group(correct)
        summary.incorrect = group(incorrect)
        summary.lengthCorrelation = RankCorrelation.spearman(
            markers, lengths, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random)
        self.summary = summary
    }
}
