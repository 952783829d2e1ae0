import HorizonCommon
import HorizonEntropy
import HorizonTraces

/// DeepConf's confidence per problem and per set: each measure the mean over a problem's
/// samples with log-probabilities, then the mean over problems, with a two-level bootstrap
/// interval (problems, then samples within them).
struct ConfidenceAggregation {
    var summary: ConfidenceSummary?
    /// Per problem, in the problems' order; `nil` for a problem without log-probabilities.
    var problemSummaries: [ConfidenceSummary?] = []

    static var measures: [KeyPath<TraceConfidence, Double>] { [\.tokenMean, \.lowestGroupMean, \.tailMean, \.bottom10Mean] }

    init(problems: [ProblemAccumulator], answers: AnswerAggregation, options: AnalysisOptions, random: inout SplitMix64) {
        let perProblem = problems.map { $0.samples.compactMap(\.behaviour.confidence) }
        problemSummaries = perProblem.map { Self.summary($0, window: options.confidenceWindow) }
        let measured = perProblem.filter { !$0.isEmpty }
        guard !measured.isEmpty else { return }
        let means = Self.measures.map { measure in
            measured.map { Statistics.mean($0.map { $0[keyPath: measure] })! }.reduce(0, +) / Double(measured.count)
        }
        var summary = ConfidenceSummary(
            window: options.confidenceWindow, traces: measured.reduce(0) { $0 + $1.count },
            tokenMean: means[0], lowestGroupMean: means[1], tailMean: means[2], bottom10Mean: means[3])
        let intervals = Self.measures.map { measure in
            Bootstrap.twoLevelInterval(measured.map { $0.map { $0[keyPath: measure] } }, options: options, using: &random, perGroup: { $0 })
        }
        summary.tokenMeanCI = intervals[0]
        summary.lowestGroupMeanCI = intervals[1]
        summary.tailMeanCI = intervals[2]
        summary.bottom10MeanCI = intervals[3]
        summary.voting = ConfidenceVoting(problems: problems, answers: answers, options: options, random: &random)
        self.summary = summary
    }

    /// The means over one problem's traces; `nil` for none.
    static func summary(_ traces: [TraceConfidence], window: Int) -> ConfidenceSummary? {
        guard !traces.isEmpty else { return nil }
        let means = measures.map { measure in Statistics.mean(traces.map { $0[keyPath: measure] })! }
        return ConfidenceSummary(window: window, traces: traces.count, tokenMean: means[0], lowestGroupMean: means[1],
                                 tailMean: means[2], bottom10Mean: means[3])
    }
}
