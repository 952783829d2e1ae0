import ArgumentParser
import Foundation
import Horizon

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Branching Factor per segment and over position, and answer agreement.",
        discussion: "Writes the versioned analysis JSON (docs/analysis-schema.md) that `report` and `check` read.")

    @OptionGroup var input: TraceInputOptions
    @OptionGroup var segmentation: SegmentationOptions

    @Option(help: "Top-p of the decoding distribution to rebuild per token (1 keeps every returned candidate; default: each trace's recorded top-p, else 0.9).")
    var topP: Double?

    @Option(help: "Rebuild with min-p instead of top-p (default: each trace's recorded top-p).")
    var minP: Double?

    @Option(help: "BF estimator: entropy, nll, or auto (the paper's switch at a common length of 50 tokens).")
    var estimator: BranchingFactorEstimator = .auto

    @Flag(help: "Measure thinking and answer BF in outputs without thinking markers on the plain profile's guessed spans (implied by --profile plain).")
    var heuristicSpans = false

    @Flag(help: "Reproduce the reference code's per-position condensation for the overall BF.")
    var referenceCompat = false

    @Option(help: "Window width of the windowed BF curve, tokens.")
    var window = 5

    @Option(help: "Bootstrap resamples for every interval (1 to 1000000).")
    var bootstrapResamples = 1000

    @Option(help: "Confidence level of the intervals.")
    var confidence = 0.95

    @OptionGroup var seeding: SeedOptions

    @Option(help: "PCRE2 pattern whose first capture group is the final answer (overrides the built-in extraction).")
    var answerRegex: String?

    @Option(help: "Problem set (JSONL) to take gold answers from, joined by id; a trace's own gold wins.")
    var problems: String?

    @Option(help: "Probe output (JSONL from `horizon probe`) to summarize beside the traces.")
    var probes: [String] = []

    @Option(help: "Consistency stop rule (Dynasor): stop a probed trace's thinking after K consecutive truncation probes with the same answer; the report shows K = 2…5 beside it.")
    var consistencyK = ProbeBehaviour.defaultConsistencyK

    @Option(help: "Short run name used as the column title in reports (default: the model).")
    var label: String?

    @Option(name: [.customLong("out"), .customLong("json")], help: "Write the analysis JSON here (default: standard output; --json is the same).")
    var output: String?

    /// More resamples than this only cost time: the interval's Monte Carlo error is long gone.
    static let maximumResamples = 1_000_000

    func validate() throws {
        if topP != nil && minP != nil { throw ValidationError("Give either --top-p or --min-p, not both.") }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1].") }
        if let minP, !(minP > 0 && minP < 1) { throw ValidationError("--min-p must be in (0, 1).") }
        if window < 1 { throw ValidationError("--window must be at least 1.") }
        if consistencyK < 1 { throw ValidationError("--consistency-k must be at least 1.") }
        if !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be in (0, 1).") }
        if !(1...Self.maximumResamples).contains(bootstrapResamples) {
            throw ValidationError("--bootstrap-resamples must be in 1...\(Self.maximumResamples).")
        }
    }

    func run() throws {
        let truncation: DecodingTruncation = minP.map { .minP($0) } ?? topP.map { .topP($0) } ?? .default
        let truncationFromTraces = topP == nil && minP == nil
        let measuresHeuristicSpans = heuristicSpans || segmentation.profileName == "plain"
        let extractor = AnswerExtractor(customPattern: try answerRegex.map { try RegexAnswerPattern($0) })
        let analyzer = Analyzer(
            readOptions: input.readOptions,
            recordOptions: SampleRecordOptions(
                segmenter: try segmentation.segmenter(),
                tokenOptions: TokenStatistics.Options(truncation: truncation),
                truncationFromTraces: truncationFromTraces,
                measuresHeuristicSpans: measuresHeuristicSpans, extractor: extractor),
            analysisOptions: AnalysisOptions(
                profileName: segmentation.profileName, endMarker: segmentation.endMarker ?? .first,
                truncation: truncation, truncationFromTraces: truncationFromTraces,
                measuresHeuristicSpans: measuresHeuristicSpans, estimator: estimator, referenceCompat: referenceCompat, window: window,
                bootstrapResamples: bootstrapResamples, confidence: confidence, seed: seeding.seed, label: label))
        let golds = try problems.map { try ProblemSet.load(path: $0).goldsByID } ?? [:]
        // Analysis reads fast: a plain progress line every 5 s in logs.
        let progress = ProgressPrinter(interval: .seconds(5))
        var analysis = try analyzer.analyze(paths: input.traces, golds: golds) { progress.update($0) }
        progress.finish()
        analysis.commandLine = ["horizon"] + CommandLine.arguments.dropFirst()
        if !probes.isEmpty {
            let records = try ProbeReader.read(paths: probes, options: analyzer.recordOptions)
            analysis.probes = ProbeAggregation.summarize(records, options: analyzer.analysisOptions)
            analysis.probes?.firstCorrect = ProbeBehaviour.firstCorrect(records, options: analyzer.analysisOptions)
            analysis.probes?.consistencyStop = ProbeBehaviour.consistencyStop(
                records, chainAnswers: ChainAnswer.byTrace(from: analysis.problems), k: consistencyK, options: analyzer.analysisOptions)
        }
        try emit(try Analysis.makeEncoder().encode(analysis), to: output)
        note(Self.rebuildNote(analysis.settings))
        for warning in analysis.warnings where Self.settingsWarningKinds.contains(warning.kind) {
            note("warning: \(warning.message)")
        }
        note(AnalysisSummary.line(analysis))
    }

    /// The analysis warnings about the rebuild's settings, repeated on standard error.
    static let settingsWarningKinds: Set<String> = ["settings_contradict_traces", "mixed_sampling", "sampling_not_rebuilt", "estimator_gap"]

    /// Which truncation the rebuild used and why, for standard error.
    static func rebuildNote(_ settings: AnalysisSettings) -> String {
        let truncation = "\(settings.truncation.replacingOccurrences(of: "_", with: "-")) \(settings.truncationValue)"
        return switch settings.settingsSource {
        case "traces": "rebuilding with \(truncation), the sampling the traces record"
        case "mixed": "rebuilding each trace with the sampling it records (they differ); \(truncation) for those recording none"
        case "default": "rebuilding with \(truncation), the reference's default: the traces record no sampling"
        default: "rebuilding with \(truncation) as given"
        }
    }
}
