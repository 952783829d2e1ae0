import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// Which truncation `analyze` rebuilds with, and the entropy-vs-NLL coverage diagnostic.
///
/// Every trace here has one token sampled among candidates {0.6, 0.3, 0.1} (the 0.6 one):
/// top-p 1 keeps all three, H = H(0.6, 0.3, 0.1); top-p 0.9 keeps {0.6, 0.3}, H = H(2/3, 1/3).
@Suite("analyze: rebuild settings from the traces")
struct AnalyzeRebuildSettingsTests {
    static func line(_ problem: String, sampling: String?) -> String {
        let member = sampling.map { #""sampling":\#($0),"# } ?? ""
        return #"{"problem_id":"\#(problem)","sample_index":0,\#(member)"logprobs":{"content":[{"token":"a","logprob":\#(log(0.6)),"top_logprobs":[{"token":"a","logprob":\#(log(0.6))},{"token":"b","logprob":\#(log(0.3))},{"token":"c","logprob":\#(log(0.1))}]}]}}"#
    }

    static let topP1 = #"{"temperature":1.0,"top_p":1.0,"top_k":-1,"min_p":0.0,"repetition_penalty":1.0,"max_tokens":8,"top_logprobs":3,"seed":3}"#
    static let topP09 = #"{"temperature":1.0,"top_p":0.9,"top_k":-1,"min_p":0.0,"max_tokens":8,"seed":4}"#
    static let serverDefaults = #"{"temperature":0.6,"top_p":1.0,"top_k":40,"min_p":0.05,"repeat_penalty":1.1}"#

    static let allThree = exp(-(0.6 * log(0.6) + 0.3 * log(0.3) + 0.1 * log(0.1)))
    static let twoKept = exp(-(2.0 / 3 * log(2.0 / 3) + 1.0 / 3 * log(1.0 / 3)))

    /// `topP` `nil` is `analyze` without `--top-p`: each trace's recorded sampling decides.
    static func analyze(_ lines: [String], topP: Double? = nil) throws -> Analysis {
        let truncation = topP.map { DecodingTruncation.topP($0) } ?? .default
        return try Analyzer(
            readOptions: TraceReadOptions(),
            recordOptions: SampleRecordOptions(
                segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1")),
                tokenOptions: TokenStatistics.Options(truncation: truncation), truncationFromTraces: topP == nil),
            analysisOptions: AnalysisOptions(
                profileName: "deepseek-r1", truncation: truncation, truncationFromTraces: topP == nil,
                bootstrapResamples: 10)
        ).analyze(paths: [try TraceFile.write(lines)])
    }

    static func warningKinds(_ analysis: Analysis) -> [String] { analysis.warnings.map(\.kind) }

    @Test("traces recording top-p 1: the rebuild keeps every candidate and says where it came from")
    func fromTraces() throws {
        let analysis = try Self.analyze([Self.line("p", sampling: Self.topP1), Self.line("q", sampling: Self.topP1)])
        #expect(analysis.settings.truncation == "top_p" && analysis.settings.truncationValue == 1)
        #expect(analysis.settings.settingsSource == "traces")
        #expect(isClose(analysis.bf.overall, Self.allThree))
        #expect(!Self.warningKinds(analysis).contains { $0.contains("sampling") || $0.contains("settings") })
    }

    @Test("an explicit --top-p that contradicts the traces is used, and warned about")
    func contradictingOption() throws {
        let analysis = try Self.analyze([Self.line("p", sampling: Self.topP1)], topP: 0.9)
        #expect(analysis.settings.truncationValue == 0.9 && analysis.settings.settingsSource == "option")
        #expect(isClose(analysis.bf.overall, Self.twoKept))
        let warning = try #require(analysis.warnings.first { $0.kind == "settings_contradict_traces" })
        #expect(warning.message.contains("top-p 1.0 (1 traces)"))
        // An option the traces agree with is no contradiction.
        let agreeing = try Self.analyze([Self.line("p", sampling: Self.topP1)], topP: 1)
        #expect(!Self.warningKinds(agreeing).contains("settings_contradict_traces"))
    }

    @Test("traces recording nothing: the reference's top-p 0.9")
    func defaultWithoutRecords() throws {
        let analysis = try Self.analyze([Self.line("p", sampling: nil)])
        #expect(analysis.settings.truncationValue == 0.9 && analysis.settings.settingsSource == "default")
        #expect(isClose(analysis.bf.overall, Self.twoKept))
    }

    @Test("traces recording different top-p: each rebuilt with its own, flagged as mixed")
    func mixed() throws {
        let analysis = try Self.analyze([Self.line("p", sampling: Self.topP1), Self.line("q", sampling: Self.topP09)])
        #expect(analysis.settings.settingsSource == "mixed")
        #expect(Self.warningKinds(analysis).contains("mixed_sampling"))
        // Task BF = mean over problems of each problem's BF.
        #expect(isClose(analysis.bf.overall, (Self.allThree + Self.twoKept) / 2))
    }

    @Test("recorded settings the rebuild cannot apply are named")
    func notRebuilt() throws {
        let analysis = try Self.analyze([Self.line("p", sampling: Self.serverDefaults)])
        let warning = try #require(analysis.warnings.first { $0.kind == "sampling_not_rebuilt" })
        for setting in ["temperature 0.6", "top-k 40", "min-p 0.05", "repetition penalty 1.1"] {
            #expect(warning.message.contains(setting), "\(setting)")
        }
    }

    @Test("a sampled token the list left out: NLL BF 4 vs entropy BF 2^1.5, gap √2 - 1, warned")
    func estimatorGap() throws {
        // Listed {0.5, 0.25}; the sampled token (p 0.25) is not listed and joins them: H = 1.5 ln 2,
        // NLL = ln 4.
        let line = #"{"problem_id":"p","sampling":{"top_p":1.0},"logprobs":{"content":[{"token":"z","logprob":\#(log(0.25)),"top_logprobs":[{"token":"a","logprob":\#(log(0.5))},{"token":"b","logprob":\#(log(0.25))}]}]}}"#
        let analysis = try Self.analyze([line])
        let gap = try #require(analysis.estimatorGap?.overall)
        #expect(isClose(gap.entropyBF, pow(2, 1.5)) && isClose(gap.nllBF, 4))
        #expect(isClose(gap.relativeGap, 2.0.squareRoot() - 1))
        let warning = try #require(analysis.warnings.first { $0.kind == "estimator_gap" })
        #expect(warning.message.contains("top-p <= 0.95") && warning.message.contains("more log-probs"))
        // A rebuild wider than the sampler's (top-p 1 against a recorded 0.9) lowers NLL below
        // entropy: NLL BF 1/0.6 against entropy BF of all three candidates, warned the other way.
        let wider = try Self.analyze([Self.line("p", sampling: Self.topP09)], topP: 1)
        #expect(isClose(wider.estimatorGap?.overall?.relativeGap, 1 / 0.6 / Self.allThree - 1))
        let below = try #require(wider.warnings.first { $0.kind == "estimator_gap" })
        #expect(below.message.contains("wider than the one sampled from"))
    }

    @Test("curves: estimator entropy never switches; auto marks the switch at 50")
    func curveSwitch() throws {
        let lines = [Self.line("p", sampling: Self.topP1)]
        let path = try TraceFile.write(lines)
        for (estimator, expected) in [(BranchingFactorEstimator.entropy, nil), (.nll, nil), (.auto, 50 as Int?)] {
            let analysis = try Analyzer(
                readOptions: TraceReadOptions(),
                recordOptions: SampleRecordOptions(segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1"))),
                analysisOptions: AnalysisOptions(estimator: estimator, bootstrapResamples: 10)
            ).analyze(paths: [path])
            #expect(analysis.curves.cumulativeNLLFrom == expected)
        }
    }
}
