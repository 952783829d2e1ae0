import ArgumentParser
import HorizonCommon
import Foundation
import HorizonCommon
import Horizon

/// Where the servers are, how requests are sampled, and how the run goes; shared by `sample`
/// and `probe`, and turned into the library's ``ServerSettings`` and ``RunSettings``.
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Base URL of the OpenAI-compatible server, e.g. http://127.0.0.1:8000; repeat it for replicas.",
        discussion: "With several, each request goes to the least-loaded healthy replica, and a replica that fails is rested and the request retried on another."))
    var baseURLs: [String] = []

    @Option(help: "File of replica base URLs, one per line (# starts a comment); adds to --base-url.")
    var baseUrlsFile: String?

    @Option(help: "Model name to request.")
    var model: String

    @Option(help: "Endpoint: \(Endpoint.allCases.map(\.rawValue).joined(separator: ", ")).")
    var endpoint: Endpoint?

    @Option(help: "Sampling temperature.")
    var temperature = 1.0

    @Option(help: "Server-side top-p (the BF rebuild's top-p is analyze's --top-p).")
    var topP = 1.0

    // Truncation settings are always sent, off unless given, so a trace states what the
    // sampler did rather than leaving it to server defaults (llama.cpp: top-k 40, min-p 0.05).
    @Option(help: "Server-side top-k (default: off, sent as 0, or -1 to sglang-generate; give -1 for SGLang's or older vLLM's OpenAI endpoints).")
    var topK: Int?

    @Option(help: "Server-side min-p, relative to the top token (0, the default, is off).")
    var minP = 0.0

    @Option(help: "Server-side repetition penalty (1, the default, is off).")
    var repetitionPenalty = 1.0

    @Option(help: "Thinking tokens the server may generate before it ends the thinking, sent as vLLM's thinking_token_budget (start vLLM with --reasoning-config naming the thinking markers); recorded in the traces' sampling and the manifest.")
    var thinkingBudget: Int?

    @Option(help: "Top log-probs per token to ask for (20 is the OpenAI maximum; vLLM allows more with --max-logprobs).")
    var topLogprobs = 20

    @OptionGroup var seeding: SeedOptions

    @Option(name: .customLong("replica-rest"), help: ArgumentHelp(
        "Seconds a replica that failed is left alone, as MIN or MIN:MAX (default 1:60).",
        discussion: "Each consecutive fault doubles the rest from MIN up to MAX (MIN alone keeps MAX at 60 s, or MIN when larger); only with two or more replicas. Recorded in the manifest's session_settings.replica_rest.",
        valueName: "min[:max]"))
    var replicaRest: String?

    @Option(help: "Requests in flight at once, over all replicas (the open-file limit is raised to fit).")
    var concurrency = 4

    @Flag(help: "Stream responses (server-sent events).")
    var stream = false

    @Flag(help: "Start over when the output exists with other settings (deletes it).")
    var force = false

    @Option(help: "Extra JSON merged into every request body, e.g. '{\"top_k\":0,\"repeat_penalty\":1}'; it may not set the log-prob members (use --top-logprobs).")
    var extraBody: String?

    @Option(help: "Whether the server returns raw or processed log-probs (vLLM V1 and llama.cpp: raw).")
    var logprobsKind: LogProbKind = .raw

    @Option(help: "Environment variable holding the API key (sent as a bearer token, never written).")
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(help: "Seconds without a byte before a request is abandoned and retried (at most a week).")
    var readTimeout = 120.0

    @Option(help: "Total seconds a request may take (at most a week).")
    var requestTimeout = 1800.0

    @Flag(help: "Print a line for every retried request, naming its cause, and a raised open-file limit.")
    var verbose = false

    /// Timeouts longer than a week are a typo, and much larger ones overflow a `Duration`.
    static let maximumTimeout = 7 * 86_400.0
    /// More top log-probs than any server serves.
    static let maximumTopLogprobs = 1000

    func validate() throws {
        func require(_ holds: Bool, _ message: String) throws { if !holds { throw ValidationError(message) } }
        try require(!baseURLs.isEmpty || baseUrlsFile != nil, "Missing expected argument '--base-url <base-url>' (or --base-urls-file).")
        for url in baseURLs {
            try require(url.hasPrefix("http://") || url.hasPrefix("https://"), "--base-url must start with http:// or https:// (got \"\(url)\").")
        }
        if let repeated = ReplicaPool.normalizedDuplicate(in: baseURLs) { try require(false, "--base-url \(repeated) is given twice.") }
        try require(temperature.isFinite && temperature >= 0, "--temperature must be a finite number >= 0.")
        try require(topP > 0 && topP <= 1, "--top-p must be in (0, 1].")
        if let topK { try require(topK >= -1, "--top-k must be >= -1 (0 and -1 turn it off on most servers).") }
        try require(minP >= 0 && minP <= 1, "--min-p must be in [0, 1].")
        try require((thinkingBudget ?? 0) >= 0, "--thinking-budget must be >= 0.")
        try require(repetitionPenalty.isFinite && repetitionPenalty > 0, "--repetition-penalty must be a finite number > 0.")
        try require((0...Self.maximumTopLogprobs).contains(topLogprobs), "--top-logprobs must be in 0...\(Self.maximumTopLogprobs).")
        try require((1...RunSettings.maximumConcurrency).contains(concurrency), "--concurrency must be in 1...\(RunSettings.maximumConcurrency).")
        for (flag, seconds) in [("--read-timeout", readTimeout), ("--request-timeout", requestTimeout)] {
            try require(seconds > 0 && seconds <= Self.maximumTimeout, "\(flag) must be seconds in (0, \(Int(Self.maximumTimeout))], got \(seconds).")
        }
        _ = try parsedReplicaRest()
        let overrides = CompletionRequest.logProbOverrides(in: try parsedExtraBody())
        try require(overrides.isEmpty, "--extra-body may not set \(overrides.joined(separator: ", ")): use --top-logprobs (0 asks for none).")
    }

    /// `--replica-rest MIN[:MAX]`: seconds from a millisecond to a week, MAX at least MIN.
    func parsedReplicaRest() throws -> ReplicaRest {
        guard let replicaRest else { return ReplicaRest() }
        let parts = replicaRest.split(separator: ":", omittingEmptySubsequences: false)
        let seconds = parts.map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let base = seconds[0], let maximum = seconds.count == 2 ? seconds[1] : max(base, 60) else {
            throw ValidationError("--replica-rest must be seconds MIN or MIN:MAX, e.g. 2 or 0.5:30 (got \"\(replicaRest)\").")
        }
        // Durations are kept to the millisecond, so a shorter rest would be none.
        for (name, value) in [("MIN", base), ("MAX", maximum)] where !(value >= 0.001 && value <= Self.maximumTimeout) {
            throw ValidationError("--replica-rest \(name) must be seconds in [0.001, \(Int(Self.maximumTimeout))], got \(value).")
        }
        guard maximum >= base else {
            throw ValidationError("--replica-rest MAX (\(maximum)) must be at least MIN (\(base)).")
        }
        return ReplicaRest(base: .milliseconds(Int64((base * 1000).rounded())), maximum: .milliseconds(Int64((maximum * 1000).rounded())))
    }

    func parsedExtraBody() throws -> JSONValue? {
        guard let extraBody else { return nil }
        do {
            return try JSONValue(parsing: Array(extraBody.utf8))
        } catch {
            throw ValidationError("--extra-body is not valid JSON: \(error)")
        }
    }

    /// The server settings, every truncation setting explicit; the URLs of `--base-url` first,
    /// then those of `--base-urls-file`.
    ///
    /// - Parameters:
    ///   - maxTokens: the command's token limit.
    ///   - defaultEndpoint: the endpoint when `--endpoint` is not given.
    /// - Throws: ``ClientError`` for an unreadable or invalid URL file (with its line).
    func serverSettings(maxTokens: Int, defaultEndpoint: Endpoint) throws -> ServerSettings {
        let endpoint = self.endpoint ?? defaultEndpoint
        var timeouts = RequestTimeouts()
        timeouts.readGap = .milliseconds(Int64(readTimeout * 1000))
        timeouts.total = .milliseconds(Int64(requestTimeout * 1000))
        return ServerSettings(
            baseURLs: baseURLs + (try baseUrlsFile.map { try ReplicaList.read(path: $0) } ?? []),
            model: model,
            endpoint: endpoint,
            parameters: SamplingParameters(
                temperature: temperature, topP: topP, topK: topK ?? endpoint.topKOff, minP: minP,
                repetitionPenalty: repetitionPenalty, maxTokens: maxTokens, topLogprobs: topLogprobs > 0 ? topLogprobs : nil,
                thinkingTokenBudget: thinkingBudget),
            stream: stream,
            extraBody: try parsedExtraBody(),
            logProbKind: logprobsKind,
            apiKeyEnvironmentVariable: apiKeyEnv,
            timeouts: timeouts,
            replicaRest: try parsedReplicaRest())
    }

    /// The run settings for output `out`.
    func runSettings(out: String) -> RunSettings {
        RunSettings(seed: seeding.seed, concurrency: concurrency, outputPath: out, force: force, commandLine: CommandLine.arguments)
    }

    /// Raises the open-file limit for `--concurrency` now (the run would too), so `--verbose` can say so.
    func raiseOpenFileLimit() throws {
        if let change = try OpenFileLimit.raise(toServe: concurrency), verbose {
            note("raised the open-file limit from \(change.from) to \(change.to) for --concurrency \(concurrency)")
        }
    }
}

extension Endpoint: ExpressibleByArgument {}
extension LogProbKind: ExpressibleByArgument {}

/// Prints run progress on standard error, and with `verbose` a line for each retry and its cause.
struct RunProgressPrinter: Sendable {
    private let printer = ProgressPrinter()
    let verbose: Bool

    init(verbose: Bool = false) { self.verbose = verbose }

    func update(_ progress: RunProgress) {
        if verbose, let retry = progress.retry { printer.note("retry: " + retry.line) }
        printer.update(progress)
    }
}

func describe(_ summary: RunSummary) -> String {
    var line = "\(summary.resumed + summary.written)/\(summary.total) lines in \(summary.outputPath) (\(summary.written) new, \(summary.resumed) resumed"
    if summary.tornBytesRemoved > 0 { line += ", a torn last line of \(summary.tornBytesRemoved) bytes redone" }
    if summary.retries > 0 {
        let causes = summary.retriesByCause.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        line += ", \(summary.retries) \(summary.retries == 1 ? "retry" : "retries") (\(causes.joined(separator: ", ")))"
    }
    line += ")"
    // One server's line stays as it was; replicas add a line each.
    guard summary.replicas.count > 1 else { return line }
    for replica in summary.replicas {
        var parts = ["\(replica.completions) completions", "\(replica.completionTokens) tokens"]
        if let rate = replica.tokensPerSecond(elapsed: summary.elapsed) { parts.append(NumberFormat.fixed(rate, decimals: 1) + " tok/s") }
        if replica.otherAnswers > 0 { parts.append("\(replica.otherAnswers) /tokenize answers") }
        if replica.failedAttempts > 0 {
            let causes = replica.failuresByCause.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            parts.append("\(replica.failedAttempts) failed (\(causes.joined(separator: ", ")))")
        }
        if replica.rests > 0 { parts.append("rested \(replica.rests)×") }
        line += "\n  \(replica.url): " + parts.joined(separator: ", ")
    }
    return line
}
