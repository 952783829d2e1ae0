import HorizonTraces
import HorizonCommon

/// `horizon probe`: truncation probes and mid-output resampling for sampled traces, written to a
/// JSONL file and resumable exactly like ``SamplingRun``.
///
/// ```swift
/// let config = ProbeConfig(server: ServerSettings(baseURLs: [url], model: "m", endpoint: .completions),
///                          run: RunSettings(outputPath: "probes.jsonl"), targets: targets,
///                          lengths: [.fraction(0.5)], resamplePositions: [1, 25, 200], samplesPerProbe: 8)
/// let summary = try await ProbeRun.run(config: config)
/// ```
///
/// Each line is one sampled continuation:
/// `problem_id`, `sample_index` (of the probed trace), `probe` (`{kind: "truncation", length,
/// length_unit, kept_tokens, thinking_tokens, index}` or `{kind: "resample", position, index}`),
/// `model`, `endpoint`, `prompt` (the trace's), `prefix` (the output text the server continued),
/// `answer_prefix` (truncation only; the answer to grade is `answer_prefix + text`), `gold`,
/// `text`, `reasoning`, `finish_reason`, `logprobs_kind`, `sampling`, `usage`, `logprobs`.
/// Budget forcing (``ProbeConfig/budgetForce``) writes chains of lines with `probe` `{kind:
/// "budget_force", part: "extension" or "answer", waits, wait_string, thinking_tokens,
/// extension_tokens (answers), index}` (``BudgetChain``).
/// A line's identity is its problem, sample, probe kind, length or position, and index; each
/// continuation's seed is derived from that identity and the run seed.
public enum ProbeRun {
    /// The manifest schema of probe runs.
    public static let manifestSchema = "horizon.probe-manifest"

    /// Runs (or resumes) a probe session.
    ///
    /// - Parameters:
    ///   - config: the probe settings.
    ///   - progress: as for ``SamplingRun/run(config:progress:)``.
    /// - Returns: what the session did.
    /// - Throws: as ``SamplingRun/run(config:progress:)``.
    public static func run(config: ProbeConfig, progress: (@Sendable (RunProgress) -> Void)? = nil) async throws -> RunSummary {
        try config.validate()
        let (points, skippedPositions) = points(for: config)
        // The server's tokens of each distinct text part, asked once per run (a problem's
        // prompt is shared by its samples and cuts).
        var parts = Set(points.flatMap { point in
            config.textParts(for: point.target, keptTokens: point.keptTokens, suffix: [.text(point.suffix)]) ?? []
        })
        // A trace's chains all need the same texts (its prompt, the wait string, the forcing text).
        for target in config.targets where config.budgetForce > 0 {
            parts.formUnion(BudgetChain(config: config, target: target, index: 0).textParts)
        }
        return try await CompletionClient.using(server: config.server, concurrency: config.run.concurrency) { client in
            let tokenized = parts.isEmpty ? [:]
                : try await PromptTokenizer(client: client, model: config.server.model, concurrency: config.run.concurrency).tokenize(parts)
            return try await ResumableRun.run(
                plan(for: config, points: points, skippedPositions: skippedPositions, tokenized: tokenized), client: client, progress: progress)
        }
    }

    /// One probe point of one trace, before its K samples (or one step of a budget chain).
    struct Point {
        var target: ProbeTarget
        /// `{kind, …}` without `index`.
        var description: JSONValue
        /// The identity of the point (the line key without the index).
        var identity: [JSONValue]
        /// Output tokens kept, then the text appended after them.
        var keptTokens: Int
        var suffix: String
        var answerPrefix: String?
        var maxTokens: Int
        var label: String
    }

    private static func points(for config: ProbeConfig) -> (points: [Point], skippedPositions: Int) {
        var points: [Point] = []
        var skipped = 0
        for target in config.targets {
            let head: [JSONValue] = [.string(target.problemID), .integer(target.sampleIndex)]
            let thinkingLength = target.thinkingTokens.count
            for length in config.lengths {
                let kept = length.keptTokens(thinkingLength: thinkingLength)
                let forced = config.forcingText + config.answerPrefix
                points.append(Point(
                    target: target,
                    description: [
                        "kind": "truncation",
                        "length": length.json,
                        "length_unit": .string(length.unit),
                        "kept_tokens": .integer(kept),
                        "thinking_tokens": .integer(thinkingLength),
                    ],
                    identity: head + ["truncation", .string(length.unit), length.json],
                    keptTokens: target.thinkingTokens.lowerBound + kept, suffix: forced,
                    answerPrefix: config.answerPrefix,
                    maxTokens: config.answerMaxTokens,
                    label: "problem \(target.problemID) sample \(target.sampleIndex) truncated at \(length)"
                ))
            }
            for position in config.resamplePositions {
                guard position <= target.tokens.count else {
                    skipped += 1
                    continue
                }
                points.append(Point(
                    target: target,
                    description: ["kind": "resample", "position": .integer(position)],
                    identity: head + ["resample", .integer(position)],
                    keptTokens: position, suffix: "",
                    answerPrefix: nil,
                    maxTokens: config.server.parameters.maxTokens,
                    label: "problem \(target.problemID) sample \(target.sampleIndex) resampled at \(position)"
                ))
            }
        }
        return (points, skipped)
    }

    /// The identity of a written probe line, `nil` when it is not one.
    static func key(ofLine line: JSONValue) -> String? {
        guard let id = line["problem_id"]?.stringValue, let sample = line["sample_index"]?.intValue,
            let probe = line["probe"], let index = probe["index"]?.intValue
        else { return nil }
        let head: [JSONValue] = [.string(id), .integer(sample)]
        switch probe["kind"]?.stringValue {
        case "truncation":
            guard let unit = probe["length_unit"], let length = probe["length"] else { return nil }
            return JSONValue.array(head + ["truncation", unit, length, .integer(index)]).jsonText
        case "resample":
            guard let position = probe["position"] else { return nil }
            return JSONValue.array(head + ["resample", position, .integer(index)]).jsonText
        case BudgetChain.kind:
            guard let part = probe["part"], let waits = probe["waits"] else { return nil }
            return JSONValue.array(head + [.string(BudgetChain.kind), part, waits, .integer(index)]).jsonText
        default:
            return nil
        }
    }

    private static func plan(
        for config: ProbeConfig, points: [Point], skippedPositions: Int, tokenized: [PromptTokenizer.Part: [Int]]
    ) -> RunPlan {
        var items: [RunItem] = []
        var prefixesAsText = 0
        for point in points {
            let pointIdentity = JSONValue.array(point.identity).jsonText
            for index in 0..<config.samplesPerProbe {
                let seed = SampleSeed.derive(runSeed: config.run.seed, problemID: pointIdentity, sampleIndex: index)
                let (request, sentAs) = config.request(
                    for: point.target, keptTokens: point.keptTokens, suffix: point.suffix, maxTokens: point.maxTokens, seed: seed,
                    tokenized: tokenized)
                if sentAs == .text { prefixesAsText += 1 }
                let kind = config.server.logProbKind
                var description = point.description
                description["index"] = .integer(index)
                description["prefix_sent_as"] = .string(sentAs.rawValue)
                items.append(RunItem(
                    key: JSONValue.array(point.identity + [.integer(index)]).jsonText,
                    label: "\(point.label), continuation \(index)",
                    request: request
                ) { [point, description] completion throws(ClientError) in
                    try TraceLine.checked(
                        line(point: point, probe: description, request: request, completion: completion, configuredKind: kind),
                        request: request, completion: completion)
                })
            }
        }
        var runItems = items.map { (item: $0, key: $0.key) }
        for target in config.targets where config.budgetForce > 0 {
            for index in 0..<config.samplesPerProbe {
                let chain = BudgetChain(config: config, target: target, index: index, tokenized: tokenized)
                if chain.request(step: 0, extensions: []).sentAs == .text { prefixesAsText += chain.lastStep + 1 }
                runItems.append((chain.item(step: 0, extensions: [], extensionTokens: 0), chain.lastKey))
            }
        }
        var budgetIdentity: [(key: String, value: JSONValue)] = []
        if config.budgetForce > 0 {
            budgetIdentity = [("budget_force", .integer(config.budgetForce)), ("wait_string", .string(config.waitString))]
        }
        let planned = runItems
        var counts: JSONValue = [
            "targets": .integer(config.targets.count),
            "probe_points": .integer(points.count),
            "samples_per_probe": .integer(config.samplesPerProbe),
            "skipped_resample_positions": .integer(skippedPositions),
            "continuations_with_text_prefix": .integer(prefixesAsText),
            "tokenized_prompt_parts": .integer(tokenized.count),
        ]
        if config.budgetForce > 0 {
            counts["budget_chains"] = .integer(config.targets.count * config.samplesPerProbe)
            counts["budget_lines_per_chain"] = .integer(2 * config.budgetForce + 1)
        }
        let targetsSHA256 = config.targetsSHA256
        return RunPlan(
            schema: manifestSchema,
            server: config.server,
            run: config.run,
            identity: [
                ("prompt_template", .string(config.promptTemplate)),
                ("forcing_text", .string(config.forcingText)),
                ("answer_prefix", .string(config.answerPrefix)),
                ("answer_max_tokens", .integer(config.answerMaxTokens)),
                ("lengths", .array(config.lengths.map { .object([($0.unit, $0.json)]) })),
                ("resample_positions", .array(config.resamplePositions.map { .integer($0) })),
                ("prefix_encoding", .string(config.prefixEncoding.rawValue)),
                ("targets_sha256", .string(targetsSHA256)),
            ] + budgetIdentity,
            session: [("samples_per_probe", .integer(config.samplesPerProbe))],
            inputsKey: "source",
            inputs: [
                "path": config.sourcePath.map { .string($0) } ?? .null,
                "targets": .integer(config.targets.count),
                "targets_sha256": .string(targetsSHA256),
            ],
            counts: counts,
            key: { key(ofLine: $0) },
            items: RunItems(count: planned.count, key: { planned[$0].key }, item: { planned[$0].item })
        )
    }

    static func line(
        point: Point,
        probe: JSONValue,
        request: CompletionRequest,
        completion: Completion,
        configuredKind: LogProbKind
    ) -> JSONValue {
        var line: JSONValue = [
            "problem_id": .string(point.target.problemID),
            "sample_index": .integer(point.target.sampleIndex),
            "probe": probe,
            "model": .string(request.model),
            "endpoint": .string(request.endpoint.rawValue),
            "prompt": .string(point.target.prompt),
            "prefix": .string(point.target.text(ofFirst: point.keptTokens) + point.suffix),
        ]
        line["answer_prefix"] = point.answerPrefix.map { .string($0) }
        line["gold"] = point.target.gold.map { .string($0) } ?? .null
        for member in TraceLine.outputMembers(request: request, completion: completion, configuredKind: configuredKind) {
            line[member.key] = member.value
        }
        return line
    }
}
