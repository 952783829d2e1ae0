import ArgumentParser
import Foundation
import Horizon

struct Probe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut the thinking at several lengths, force an answer, and resample (truncation probes).",
        discussion: """
            For each chosen trace and each L in --lengths, the thinking is cut after L tokens, \
            closed with the profile's end marker and --answer-prefix, and K answers are sampled. \
            --lengths takes token counts (1,25,200) or, when any value has a decimal point, \
            fractions of each trace's own thinking length (0,0.25,0.5,0.75,1). --resample-at \
            keeps the first t output tokens and samples K continuations (the paper's \
            mid-generation experiment). Resumable like `sample`; analyze the output with \
            `horizon analyze TRACES --probes PROBES.jsonl`.
            """)

    @Argument(help: "Trace files with log-probs (as written by `horizon sample`).")
    var traces: [String]

    @OptionGroup var server: ServerOptions
    @OptionGroup var segmentation: SegmentationOptions

    @Option(help: "Truncation lengths: token counts, or fractions of the thinking when any has a decimal point.")
    var lengths = "0,0.25,0.5,0.75,1"

    @Option(help: "Output positions t at which to keep t tokens and resample the rest (e.g. 1,25,200).")
    var resampleAt: String?

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

    @Option(help: "Output JSONL of probe continuations.")
    var out: String

    func validate() throws {
        if !(1...Sample.maximumSamples).contains(samplesPerProbe) {
            throw ValidationError("--samples must be in 1...\(Sample.maximumSamples).")
        }
        if tracesPerProblem < 1 { throw ValidationError("--traces-per-problem must be at least 1.") }
        if answerMaxTokens < 1 || maxTokens < 1 { throw ValidationError("--answer-max-tokens and --max-tokens must be at least 1.") }
        _ = try Self.parseLengths(lengths)
        _ = try resampleAt.map(Self.parsePositions)
    }

    func run() async throws {
        let segmenter = try segmentation.segmenter()
        // Candidates per problem, so the chosen traces (the lowest sample indices) do not depend
        // on the order concurrent sampling wrote the lines in.
        var candidates: [String: [(trace: Trace, thinking: Range<Int>, profile: String)]] = [:]
        _ = try TraceReader(paths: traces).read(
            transform: { trace in (trace, try segmenter.segment(trace)) },
            consume: { item in
                guard case .trace(let (trace, segmented)) = item, trace.logProbs != nil,
                      let thinking = segmented.thinkingTokens else { return }
                // Keep only the lowest indices, so memory stays bounded by what will be probed.
                var kept = candidates[trace.problemID, default: []]
                kept.append((trace, thinking, segmented.profileName))
                kept.sort { ($0.trace.sampleIndex ?? 0) < ($1.trace.sampleIndex ?? 0) }
                candidates[trace.problemID] = Array(kept.prefix(tracesPerProblem))
            })
        let chosen = candidates.keys.sorted().flatMap { candidates[$0]! }
        let targets = try chosen.map { try ProbeTarget(trace: $0.trace, thinkingTokens: $0.thinking) }
        let profileForcing = chosen.first.flatMap { (try? SegmentationProfile.named($0.profile))?.answerForcingText }
        guard !targets.isEmpty else {
            throw CommandError(.nothingToDo("no trace in \(traces.joined(separator: ", ")) has log-probs and a thinking span to probe"))
        }
        let endpoint = server.endpoint ?? .completions
        let config = ProbeConfig(
            baseURL: server.baseURL, model: server.model, endpoint: endpoint, targets: targets,
            sourcePath: traces.first, lengths: try Self.parseLengths(lengths),
            resamplePositions: try resampleAt.map(Self.parsePositions) ?? [], samplesPerProbe: samplesPerProbe,
            forcingText: forcingText ?? profileForcing ?? "</think>\n\n", answerPrefix: answerPrefix,
            answerMaxTokens: answerMaxTokens, parameters: server.parameters(maxTokens: maxTokens, endpoint: endpoint), seed: server.seed,
            concurrency: server.concurrency, outputPath: out, promptTemplate: promptTemplate, stream: server.stream,
            force: server.force, extraBody: try server.parsedExtraBody(), logProbKind: server.logprobsKind,
            apiKeyEnvironmentVariable: server.apiKeyEnv, timeouts: server.timeouts, commandLine: CommandLine.arguments)
        let printer = RunProgressPrinter(verbose: server.verbose)
        let summary = try await ProbeRun.run(config: config) { printer.update($0) }
        note("probed \(targets.count) traces: " + describe(summary))
    }

    static func parseLengths(_ text: String) throws -> [ProbeLength] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let asFractions = parts.contains { $0.contains(".") }
        return try parts.map { part in
            if asFractions {
                guard let value = Double(part), (0...1).contains(value) else {
                    throw ValidationError("--lengths: '\(part)' is not a fraction in [0, 1]")
                }
                return .fraction(value)
            }
            guard let value = Int(part), value >= 0 else { throw ValidationError("--lengths: '\(part)' is not a token count") }
            return .tokens(value)
        }
    }

    static func parsePositions(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)), value >= 1 else {
                throw ValidationError("--resample-at: '\(part)' is not a position of at least 1")
            }
            return value
        }
    }
}
