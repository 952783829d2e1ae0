import HorizonCommon

/// `horizon sample`: draws N samples per problem from a server and appends them to a JSONL trace
/// file, resumably.
///
/// ```swift
/// let config = SamplingConfig(server: ServerSettings(baseURLs: ["http://127.0.0.1:8080"], model: "qwen3"),
///                             run: RunSettings(outputPath: "runs/qwen3.jsonl"),
///                             dataset: try ProblemSet.load(path: "p.jsonl"), samplesPerProblem: 8)
/// let summary = try await SamplingRun.run(config: config) { print($0.statusLine) }
/// ```
///
/// Every sample is one request with its own derived seed (some servers ignore `n`). Lines are
/// appended as samples finish, each with one `writev(2)`, so the file is valid after any crash
/// but its last line. Running the same command again resumes: samples already present are
/// skipped, a torn last line is cut off and redone, and settings that differ from the manifest's
/// are refused unless ``RunSettings/force`` (which starts over).
///
/// When a sample fails for good (a non-retryable error, or retries used up), no new samples
/// start; those in flight finish and are written; then the error is thrown. Rerun to continue.
public enum SamplingRun {
    /// The manifest schema of sampling runs.
    public static let manifestSchema = "horizon.sample-manifest"

    /// Runs (or resumes) a sampling session.
    ///
    /// - Parameters:
    ///   - config: the run's settings.
    ///   - progress: called after each written sample and each failed attempt (never
    ///     concurrently with itself), and once at the start and the end.
    /// - Returns: what the session did.
    /// - Throws: ``ClientError``: ``ClientError/Reason/invalidConfiguration``,
    ///   ``ClientError/Reason/settingsChanged``, ``ClientError/Reason/invalidExistingOutput``,
    ///   ``ClientError/Reason/fileSystem``, or the first sample's failure; `CancellationError`
    ///   when cancelled (what was written stays, and a rerun resumes).
    public static func run(
        config: SamplingConfig,
        progress: (@Sendable (RunProgress) -> Void)? = nil
    ) async throws -> RunSummary {
        try config.validate()
        return try await CompletionClient.using(server: config.server, concurrency: config.run.concurrency) {
            try await ResumableRun.run(plan(for: config), client: $0, progress: progress)
        }
    }

    /// The identity of a trace line: its problem and sample index.
    static func key(problemID: String, sampleIndex: Int) -> String {
        JSONValue.array([.string(problemID), .integer(sampleIndex)]).jsonText
    }

    private static func plan(for config: SamplingConfig) -> RunPlan {
        let samples = config.samplesPerProblem
        let kind = config.server.logProbKind
        let items = RunItems(count: config.dataset.problems.count * samples) { offset in
            key(problemID: config.dataset.problems[offset / samples].id, sampleIndex: offset % samples)
        } item: { offset in
            let problem = config.dataset.problems[offset / samples]
            let index = offset % samples
            let request = config.request(for: problem, sampleIndex: index)
            return RunItem(
                key: key(problemID: problem.id, sampleIndex: index),
                label: "problem \(problem.id) sample \(index)",
                request: request
            ) { completion throws(ClientError) in
                try TraceLine.checked(
                    TraceLine.json(problem: problem, sampleIndex: index, request: request, completion: completion, configuredKind: kind),
                    request: request, completion: completion)
            }
        }
        return RunPlan(
            schema: manifestSchema,
            server: config.server,
            run: config.run,
            identity: config.identityMembers,
            session: [("samples_per_problem", .integer(config.samplesPerProblem))],
            inputsKey: "dataset",
            inputs: [
                "path": config.dataset.path.map { .string($0) } ?? .null,
                "sha256": .string(config.dataset.sha256),
                "problems": .integer(config.dataset.problems.count),
            ],
            counts: [
                "problems": .integer(config.dataset.problems.count),
                "samples_per_problem": .integer(config.samplesPerProblem),
            ],
            key: { line in
                guard let id = line["problem_id"]?.stringValue, let index = line["sample_index"]?.intValue else { return nil }
                return key(problemID: id, sampleIndex: index)
            },
            items: items,
            compression: config.compression
        )
    }
}
