import ArgumentParser
import Foundation
import Horizon

struct Sample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sample N outputs per problem from a server, with top-k log-probs, resumably.",
        discussion: """
            One request per sample, each with its own seed derived from --seed, so a run is \
            reproducible. Running the same command again continues where it stopped; a torn \
            last line (after a crash) is detected and redone. A manifest beside the output \
            records the settings and the dataset's checksum.
            """)

    @OptionGroup var server: ServerOptions

    @Option(help: "Problem set (JSONL): MATH-500, GSM8K, AIME-style, or your own.")
    var dataset: String

    @Option(help: "Samples per problem (1 to 100000; requests are made as they are sent, so memory stays flat).")
    var samples = 8

    @Option(help: "Maximum tokens per sample.")
    var maxTokens = 4096

    @Option(help: "System prompt (chat endpoint).")
    var system: String?

    @Option(help: "Prompt template with a {question} placeholder.")
    var promptTemplate = "{question}"

    @Option(help: ArgumentHelp(
        "Text the answer starts with (nudging), e.g. \"Sure! Let's solve this step by step.\"",
        discussion: "Chat endpoints get it as a final assistant message to continue (prefill); other endpoints get it appended to the prompt. Each trace records it; its tokens are not output tokens."))
    var responsePrefix: String?

    @Option(help: "Output JSONL of traces.")
    var out: String

    /// Samples per problem beyond which a run is a typo rather than a plan.
    static let maximumSamples = 100_000

    func validate() throws {
        if !(1...Self.maximumSamples).contains(samples) {
            throw ValidationError("--samples must be in 1...\(Self.maximumSamples).")
        }
        if maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1.") }
    }

    @Option(help: "Write the output compressed: zstd (one frame per line; resumes like plain text).")
    var compress: CompressionFormat?

    func run() async throws {
        let config = SamplingConfig(
            server: try server.serverSettings(maxTokens: maxTokens, defaultEndpoint: .chat),
            run: server.runSettings(out: out),
            dataset: try ProblemSet.load(path: dataset),
            samplesPerProblem: samples, systemPrompt: system, promptTemplate: promptTemplate,
            responsePrefix: responsePrefix, compression: compress)
        try server.raiseOpenFileLimit()
        let printer = RunProgressPrinter(verbose: server.verbose)
        let summary = try await SamplingRun.run(config: config) { printer.update($0) }
        note(describe(summary))
    }
}

extension CompressionFormat: ExpressibleByArgument {
    // Every command reads gzip too, but `sample` writes only zstd.
    public init?(argument: String) {
        guard argument == CompressionFormat.zstd.rawValue else { return nil }
        self = .zstd
    }

    public static var allValueStrings: [String] { [CompressionFormat.zstd.rawValue] }
}
