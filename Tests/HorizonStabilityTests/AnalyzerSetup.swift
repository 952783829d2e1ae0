import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTraces

/// The `horizon analyze` pipeline the end-to-end tests run: DeepSeek-R1 segmentation, one
/// truncation rule for both the per-token rebuild and the settings, a small bootstrap.
struct AnalyzerSetup {
    var topP = 1.0
    var estimator = BranchingFactorEstimator.auto
    var window = 5
    var minimumCurveSamples = 4
    var lengthBins = 5
    var seed: UInt64 = 0
    var skipInvalid = false

    /// Reads `path` through ``Analyzer`` and returns its analysis.
    func analyze(_ path: String) throws -> Analysis {
        let truncation = DecodingTruncation.topP(topP)
        return try Analyzer(
            readOptions: TraceReadOptions(skipInvalid: skipInvalid),
            recordOptions: SampleRecordOptions(
                segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1")),
                tokenOptions: TokenStatistics.Options(truncation: truncation)),
            analysisOptions: AnalysisOptions(
                profileName: "deepseek-r1", truncation: truncation, estimator: estimator, window: window,
                minimumCurveSamples: minimumCurveSamples, bootstrapResamples: 200, seed: seed,
                lengthBins: lengthBins)
        ).analyze(paths: [path])
    }
}

/// Whether `actual` is `expected` up to floating-point rounding (relative 1e-9).
func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}
