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

    @Option(help: "DeepConf group size: tokens per sliding window of the group confidences.")
    var confidenceWindow = TraceConfidence.defaultWindow

    @Option(help: "Entropy (nats) above which a token is a forking token (default: the run's own 80th percentile of token entropy).")
    var forkEntropy: Double?

    @Option(help: "File of reflection markers, one phrase per line (# comments), replacing the default list.")
    var reflectionMarkers: String?

    @Option(help: "A reflection marker phrase (repeatable), replacing the default list; added to --reflection-markers' phrases.")
    var reflectionMarker: [String] = []

    @Option(help: "Consistency stop rule (Dynasor): stop a probed trace's thinking after K consecutive truncation probes with the same answer; the report shows K = 2…5 beside it.")
    var consistencyK = ProbeBehaviour.defaultConsistencyK

    @Option(help: "Short run name used as the column title in reports (default: the model).")
    var label: String?

    @Option(name: [.customLong("out"), .customLong("json")], help: "Write the analysis JSON (with --shard: the part file) here (default: standard output; --json is the same).")
    var output: String?

    @Option(help: ArgumentHelp(
        "Analyse only shard I of N (0-based, `0/4` … `3/4`) and write a part file for `horizon merge`.",
        discussion: "A problem is in shard FNV-1a-64(UTF-8 id) mod N. Every shard reads every line it is given; give it only its own file of `horizon split` with --split-input (docs/scale.md)."))
    var shard: String?

    @Flag(help: ArgumentHelp(
        "The trace files are files of `horizon split`: an empty one (a shard without problems) is accepted, and with --shard I/N they must hold only shard I's problems.",
        discussion: "With --shard, the part's line, invalid-line and duplicate counts are these files' own and `merge` adds them up; a line of another shard's problem is an error (it would be counted twice). Probe files are read whole by every shard."))
    var splitInput = false

    /// More resamples than this only cost time: the interval's Monte Carlo error is long gone.
    static let maximumResamples = 1_000_000

    func validate() throws {
        if topP != nil && minP != nil { throw ValidationError("Give either --top-p or --min-p, not both.") }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1].") }
        if let minP, !(minP > 0 && minP < 1) { throw ValidationError("--min-p must be in (0, 1).") }
        if window < 1 { throw ValidationError("--window must be at least 1.") }
        if confidenceWindow < 1 { throw ValidationError("--confidence-window must be at least 1.") }
        for phrase in reflectionMarker where (try? ReflectionMarkers([phrase])) == nil {
            throw ValidationError("--reflection-marker '\(phrase)' has no word in it.")
        }
        if let forkEntropy, !(forkEntropy >= 0 && forkEntropy.isFinite) { throw ValidationError("--fork-entropy must be a finite number of nats, at least 0.") }
        if consistencyK < 1 { throw ValidationError("--consistency-k must be at least 1.") }
        if !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be in (0, 1).") }
        if !(1...Self.maximumResamples).contains(bootstrapResamples) {
            throw ValidationError("--bootstrap-resamples must be in 1...\(Self.maximumResamples).")
        }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard '\(shard)' is not I/N with 0 <= I < N, e.g. 0/4.")
        }
    }

    /// Every setting, once: the analysis records these and the per-trace rebuild follows them.
    func makeOptions() throws -> AnalysisOptions {
        AnalysisOptions(
            profileName: segmentation.profileName, endMarker: segmentation.endMarker ?? .first,
            truncation: minP.map { .minP($0) } ?? topP.map { .topP($0) } ?? .default,
            truncationFromTraces: topP == nil && minP == nil,
            measuresHeuristicSpans: heuristicSpans || segmentation.profileName == "plain", estimator: estimator,
            referenceCompat: referenceCompat, window: window, bootstrapResamples: bootstrapResamples,
            confidence: confidence, seed: seeding.seed, consistencyK: consistencyK, label: label,
            confidenceWindow: confidenceWindow, forkEntropy: forkEntropy, reflectionMarkers: try markerList())
    }

    func run() throws {
        var readOptions = input.readOptions
        readOptions.allowsEmptyInputs = splitInput
        let analyzer = Analyzer(
            readOptions: readOptions, segmenter: try segmentation.segmenter(),
            extractor: AnswerExtractor(customPattern: try answerRegex.map { try RegexAnswerPattern($0) }),
            options: try makeOptions())
        let golds = try problems.map { try ProblemSet.load(path: $0).goldsByID } ?? [:]
        // Analysis reads fast: a plain progress line every 5 s in logs.
        let progress = ProgressPrinter(interval: .seconds(5))
        let commandLine = ["horizon"] + CommandLine.arguments.dropFirst()
        if let shard = shard.flatMap(Shard.init(parsing:)) {
            let state = try analyzer.gather(paths: input.traces, probes: probes, golds: golds, shard: shard, splitInput: splitInput) {
                progress.update($0)
            }
            progress.finish()
            let part = AnalysisPart(
                horizonVersion: horizonVersion, shard: shard, splitInput: splitInput, commandLine: commandLine, options: analyzer.options,
                state: state)
            try emit(try part.encoded(), to: output)
            note("shard \(shard): \(state.counts.problems) problems, \(state.counts.traces) of \(state.counts.lines) lines' traces; merge every shard with `horizon merge`")
            return
        }
        var analysis = try analyzer.analyze(paths: input.traces, probes: probes, golds: golds) { progress.update($0) }
        progress.finish()
        analysis.commandLine = commandLine
        try emit(try Analysis.makeEncoder().encode(analysis), to: output)
        Self.noteSummary(analysis)
    }

    /// The rebuild's settings, the warnings about them, and the one-line summary, on standard error.
    static func noteSummary(_ analysis: Analysis) {
        note(rebuildNote(analysis.settings))
        for warning in analysis.warnings where settingsWarningKinds.contains(warning.kind) {
            note("warning: \(warning.message)")
        }
        note(AnalysisSummary.line(analysis))
    }

    /// The reflection markers: the file's and the flags' phrases, or the default list.
    func markerList() throws -> ReflectionMarkers {
        guard reflectionMarkers != nil || !reflectionMarker.isEmpty else { return .default }
        let fromFile = try reflectionMarkers.map { try ReflectionMarkers(contentsOf: $0).phrases } ?? []
        return try ReflectionMarkers(fromFile + reflectionMarker)
    }

    /// The analysis warnings about the rebuild's settings, repeated on standard error.
    static let settingsWarningKinds: Set<String> = ["settings_contradict_traces", "mixed_sampling", "sampling_not_rebuilt", "estimator_gap"]

    /// Which truncation the rebuild used and why, for standard error.
    static func rebuildNote(_ settings: AnalysisSettings) -> String {
        let truncation = "\(settings.truncation.displayName) \(settings.truncationValue)"
        return switch settings.settingsSource {
        case .traces: "rebuilding with \(truncation), the sampling the traces record"
        case .mixed: "rebuilding each trace with the sampling it records (they differ); \(truncation) for those recording none"
        case .builtInDefault: "rebuilding with \(truncation), the reference's default: the traces record no sampling"
        case .option, nil: "rebuilding with \(truncation) as given"
        }
    }
}
