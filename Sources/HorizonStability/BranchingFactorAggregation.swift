import Foundation
import HorizonEntropy
import HorizonTraces
import HorizonCommon

/// Branching Factor per problem and per set, with bootstrap intervals.
///
/// A problem's BF is exp(mean over its samples of the per-sample log-BF); its interval
/// resamples those samples. The set's BF is the mean of the problems' BFs; its interval
/// resamples problems and, within each drawn problem, its samples (a two-level bootstrap), so
/// it reflects both how many problems and how many samples per problem were measured.
struct BranchingFactorAggregation {
    var setSummary = BranchingFactorSummary()
    var problemSummaries: [BranchingFactorSummary]

    init(problems: [ProblemAccumulator], options: AnalysisOptions, random: inout SplitMix64) {
        problemSummaries = Array(repeating: BranchingFactorSummary(), count: problems.count)
        var resolved: Set<BranchingFactorEstimator> = []
        for segment in Segment.allCases {
            let estimates = problems.map { problem -> ProblemBranchingFactor? in
                let measures = problem.samples.compactMap { $0.measures[segment] }
                return ProblemBranchingFactor(samples: measures, estimator: options.estimator)
            }
            for estimate in estimates.compactMap({ $0 }) where segment == .overall { resolved.insert(estimate.estimator) }
            var values = estimates.map { $0?.value }
            var logGroups = estimates.compactMap { $0?.sampleLogValues }
            if segment == .overall && options.referenceCompat {
                // The reference condenses samples position by position; there is one value per
                // problem, so its interval comes from resampling problems only.
                let reference = problems.map { ReferenceBranchingFactor(samples: $0.referenceSamples.map(\.statistics)) }
                values = reference.map { $0?.value }
                logGroups = reference.compactMap { $0.map { [$0.logValue] } }
            }
            for (offset, estimate) in estimates.enumerated() {
                guard let value = values[offset] else { continue }
                let ci = estimate.flatMap { Bootstrap.meanOfLogsInterval($0.sampleLogValues, options: options, using: &random) }
                problemSummaries[offset].set(segment, value: value, ci: options.referenceCompat && segment == .overall ? nil : ci)
            }
            let present = values.compactMap { $0 }
            guard !present.isEmpty else { continue }
            let setValue = present.reduce(0, +) / Double(present.count)
            setSummary.set(segment, value: setValue, ci: Bootstrap.twoLevelInterval(logGroups, options: options, using: &random))
        }
        if !resolved.isEmpty {
            setSummary.estimatorUsed = resolved.count == 1 ? resolved.first!.rawValue : "mixed"
            for offset in problemSummaries.indices where problemSummaries[offset].overall != nil {
                problemSummaries[offset].estimatorUsed = setSummary.estimatorUsed
            }
        }
        // BF@1: the entropy of the very first output token (one token: the entropy estimator).
        let firstGroups = problems.map { problem in
            problem.samples.compactMap { $0.firstToken?.meanEntropy }
        }.filter { !$0.isEmpty }
        if !firstGroups.isEmpty {
            let values = firstGroups.map { exp($0.reduce(0, +) / Double($0.count)) }
            setSummary.first = values.reduce(0, +) / Double(values.count)
            setSummary.firstCI = Bootstrap.twoLevelInterval(firstGroups, options: options, using: &random)
        }
    }
}

extension Bootstrap {
    /// Interval of exp(mean of `logValues`), resampling the values.
    static func meanOfLogsInterval(_ logValues: [Double], options: AnalysisOptions, using random: inout SplitMix64) -> ConfidenceInterval? {
        guard logValues.count > 1 else { return nil }
        return replicateInterval(resamples: options.bootstrapResamples, confidence: options.confidence, using: &random) {
            exp(resampledMean(logValues, using: &$0))
        }
    }

    static func twoLevelInterval(
        _ groups: [[Double]], options: AnalysisOptions, using random: inout SplitMix64,
        perGroup: (Double) -> Double = { exp($0) }
    ) -> ConfidenceInterval? {
        twoLevelInterval(groups, resamples: options.bootstrapResamples, confidence: options.confidence,
                         using: &random, perGroup: perGroup)
    }
}
