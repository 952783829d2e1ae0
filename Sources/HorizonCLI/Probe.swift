import ArgumentParser
import Foundation
import Horizon

struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut the thinking at several lengths and force an answer (truncation probes), resample, or extend it with \"Wait\" (budget forcing).",
        discussion: """
            For each chosen trace and each L in --lengths, the thinking is cut after L tokens, \
            closed with the profile's end marker and --answer-prefix, and K answers are sampled. \
            --lengths takes token counts (1,25,200) or, when any value has a decimal point, \
            fractions of each trace's own thinking length (0,0.25,0.5,0.75,1). --resample-at \
            keeps the first t output tokens and samples K continuations (the paper's \
            mid-generation experiment). --budget-force N runs s1's budget forcing: K chains per \
            trace keep the whole thinking, append --wait-string where the end marker was, let the \
            model continue up to the end marker (at most --max-tokens), and force an answer \
            before and after each of the N extensions. Resumable like `sample`; analyze the output with \
            `horizon analyze TRACES --probes PROBES.jsonl`.
            """)

    @Argument(help: "Trace files with log-probs (as written by `horizon sample`).")
    var traces: [String]

    @OptionGroup var server: ServerOptions
    @OptionGroup var segmentation: SegmentationOptions

    @Option(help: "Truncation lengths: token counts (1,25,200), or fractions of the thinking in [0, 1] when any has a decimal point; none for no truncation probe.")
    var lengths = ProbeLengthList(parsing: "0,0.25,0.5,0.75,1")!

    @Option(help: "Output positions t ≥ 1 at which to keep t tokens and resample the rest (e.g. 1,25,200).")
    var resampleAt: ResamplePositionList?

    @Option(name: .customLong("samples"), help: "Answers sampled per probe point (K).")
    var samplesPerProbe = 8

    @Option(help: "Traces probed per problem (the first ones by sample index).")
    var tracesPerProblem = 1

    @Option(help: "Text placed after the forced end of thinking, before the answer is sampled.")
    var answerPrefix = ""

    @Option(help: "Text that closes the thinking (default: the profile's, e.g. '</think>\\n\\n').")
    var forcingText: String?

    @Option(help: "Maximum tokens of a forced answer.")
    var answerMaxTokens = 64

    @Option(help: "Maximum tokens of a resampled continuation.")
    var maxTokens = 4096

    @Option(help: "Completions prompt template with a {prompt} placeholder (the trace's prompt).")
    var promptTemplate = "{prompt}"

    @Option(name: .customLong("prefix-as"), help: "How the kept output is sent: token-ids (the trace's own token ids, when it records them and the endpoint takes a mixed prompt, as llama.cpp's server does; else text, noted per line), all-token-ids (one prompt of ids, its text parts tokenised by the server's POST /tokenize, for servers that take ids but refuse a mix, such as vLLM, and SGLang's /generate as input_ids; completions and sglang-generate endpoints) or text. Budget-forcing extensions go as the ids the server sampled whenever the kept output goes as ids.")
    var prefixEncoding: PrefixEncoding = .tokenIDs

    @Option(help: "Budget forcing (s1): extensions of the whole thinking per chain, N >= 1; K chains per trace (--samples).")
    var budgetForce: Int?

    @Option(help: "Appended instead of the end-of-thinking marker before each budget-forcing extension.")
    var waitString = "Wait"

    @Option(help: "Output JSONL of probe continuations.")
    var out: String

    func validate() throws {
        if !(1...Sample.maximumSamples).contains(samplesPerProbe) {
            throw ValidationError("--samples must be in 1...\(Sample.maximumSamples).")
        }
        if tracesPerProblem < 1 { throw ValidationError("--traces-per-problem must be at least 1.") }
        if answerMaxTokens < 1 || maxTokens < 1 { throw ValidationError("--answer-max-tokens and --max-tokens must be at least 1.") }
        if let budgetForce, budgetForce < 1 { throw ValidationError("--budget-force must be at least 1 (got \(budgetForce)).") }
        if waitString.isEmpty { throw ValidationError("--wait-string must not be empty.") }
    }

    func run() async throws {
        let selection = try ProbeTargetSelection.read(
            paths: traces, segmenter: try segmentation.segmenter(), tracesPerProblem: tracesPerProblem)
        let config = ProbeConfig(
            server: try server.serverSettings(maxTokens: maxTokens, defaultEndpoint: .completions),
            run: server.runSettings(out: out),
            targets: selection.targets, sourcePath: traces.first, lengths: lengths.lengths,
            resamplePositions: resampleAt?.positions ?? [], samplesPerProbe: samplesPerProbe,
            forcingText: forcingText ?? selection.profileForcingText ?? "</think>\n\n", answerPrefix: answerPrefix,
            answerMaxTokens: answerMaxTokens, promptTemplate: promptTemplate, prefixEncoding: prefixEncoding,
            budgetForce: budgetForce ?? 0, waitString: waitString)
        try server.raiseOpenFileLimit()
        let printer = RunProgressPrinter(verbose: server.verbose)
        let summary = try await ProbeRun.run(config: config) { printer.update($0) }
        note("probed \(selection.targets.count) traces: " + describe(summary))
    }
}

extension PrefixEncoding: ExpressibleByArgument {}

extension ProbeLengthList: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}

extension ResamplePositionList: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
