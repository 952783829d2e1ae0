import Foundation
import HorizonTraces

/// `horizon sample`: draws N samples per problem from a server and appends them to a JSONL trace
/// file, resumably.
///
/// ```swift
/// let config = SamplingConfig(baseURL: "http://127.0.0.1:8080", model: "qwen3", dataset: try ProblemSet.load(path: "p.jsonl"),
///                             samplesPerProblem: 8, outputPath: "runs/qwen3.jsonl")
/// let summary = try await SamplingRun.run(config: config) { print(ProgressRenderer.line(for: $0)) }
/// ```
///
/// Every sample is one request with its own derived seed (some servers ignore `n`). Lines are
/// appended as samples finish, each with one `write(2)`, so the file is valid after any crash
/// but its last line. Running the same command again resumes: samples already present are
/// skipped, a torn last line is cut off and redone, and settings that differ from the manifest's
/// are refused unless ``SamplingConfig/force`` (which starts over).
///
/// When a sample fails for good (a non-retryable error, or retries used up), no new samples
/// start; those in flight finish and are written; then the error is thrown. Rerun to continue.
public enum SamplingRun {
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
        progress: (@Sendable (SamplingProgress) -> Void)? = nil
    ) async throws -> SamplingSummary {
        try config.validate()
        let startedAt = Date()
        let start = ContinuousClock.now
        var manifest = try prepareOutput(config: config, now: startedAt)
        let existing = try ExistingTraces.scan(path: config.outputPath)

        var work: [(problem: Problem, sampleIndex: Int)] = []
        for problem in config.dataset.problems {
            for index in 0..<config.samplesPerProblem
            where !existing.done.contains(SampleKey(problemID: problem.id, sampleIndex: index)) {
                work.append((problem, index))
            }
        }
        let total = config.dataset.problems.count * config.samplesPerProblem
        let resumed = total - work.count
        manifest.beginSession(config: config, startedAt: startedAt)
        try manifest.write(to: config.manifestPath)

        let reporter = ProgressReporter(total: total, resumed: resumed, callback: progress)
        reporter.report()
        let transport = AsyncHTTPClientTransport(concurrency: config.concurrency, timeouts: config.timeouts)
        let client = CompletionClient(
            transport: transport,
            baseURL: config.baseURL,
            apiKey: APIKey.fromEnvironment(config.apiKeyEnvironmentVariable),
            timeouts: config.timeouts,
            retryPolicy: config.retryPolicy
        )

        var failure: (any Error)?
        var written = 0
        do {
            let appender = try TraceFileAppender(path: config.outputPath)
            defer { try? appender.close() }
            failure = try await sample(work, config: config, client: client, reporter: reporter) { line throws(ClientError) in
                try appender.append(line)
                written += 1
            }
            try appender.close()
        } catch {
            failure = failure ?? error
        }
        reporter.report()

        let counts = reporter.snapshot
        manifest.endSession(
            finishedAt: Date(),
            complete: resumed + written == total,
            counts: [
                "problems": .integer(config.dataset.problems.count),
                "samples_per_problem": .integer(config.samplesPerProblem),
                "expected": .integer(total),
                "present": .integer(resumed + written),
                "torn_bytes_removed": .integer(existing.tornBytesRemoved),
                "retries": .integer(counts.retries),
                "failed_attempts": .integer(counts.failedAttempts),
            ],
            written: written
        )
        do {
            try manifest.write(to: config.manifestPath)
            try await transport.shutdown()
        } catch {
            failure = failure ?? error
        }
        if let failure { throw failure }
        return SamplingSummary(
            outputPath: config.outputPath,
            manifestPath: config.manifestPath,
            total: total,
            resumed: resumed,
            written: written,
            tornBytesRemoved: existing.tornBytesRemoved,
            completionTokens: counts.completionTokens,
            retries: counts.retries,
            failedAttempts: counts.failedAttempts,
            elapsed: ContinuousClock.now - start
        )
    }

    /// Checks an existing output against `config` and returns the manifest to continue, or a
    /// fresh one (after removing the old output when `force` allows it).
    private static func prepareOutput(config: SamplingConfig, now: Date) throws(ClientError) -> RunManifest {
        let files = FileManager.default
        let outputSize = (try? files.attributesOfItem(atPath: config.outputPath)[.size] as? Int) ?? 0
        var conflict: String?
        if let recorded = try RunManifest.read(path: config.manifestPath) {
            let differences = recorded.differences(from: config)
            if differences.isEmpty { return recorded }
            conflict = "\(config.outputPath) was sampled with other settings (\(differences.joined(separator: "; ")))"
        } else if outputSize > 0 {
            conflict = "\(config.outputPath) exists but has no manifest \(config.manifestPath), so its settings are unknown"
        }
        if let conflict {
            guard config.force else {
                throw ClientError(.settingsChanged, conflict + "; rerun with the same settings to resume, or force to start over")
            }
            for path in [config.outputPath, config.manifestPath] where files.fileExists(atPath: path) {
                do { try files.removeItem(atPath: path) } catch {
                    throw ClientError(.fileSystem, "cannot remove \(path): \(error.localizedDescription)")
                }
            }
        }
        return RunManifest(config: config, startedAt: now)
    }

    /// What one sample task produced.
    private enum Outcome: Sendable {
        case line([UInt8], tokens: Int)
        case failed(any Error)
    }

    /// Samples `work` with at most `config.concurrency` requests in flight, handing each line to
    /// `write` as it arrives; returns the first failure (after the tasks in flight finished).
    private static func sample(
        _ work: [(problem: Problem, sampleIndex: Int)],
        config: SamplingConfig,
        client: CompletionClient,
        reporter: ProgressReporter,
        write: ([UInt8]) throws(ClientError) -> Void
    ) async throws -> (any Error)? {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var next = 0
            func startNext() {
                let (problem, index) = work[next]
                next += 1
                group.addTask {
                    await sampleOne(problem: problem, sampleIndex: index, config: config, client: client, reporter: reporter)
                }
            }
            while next < min(config.concurrency, work.count) { startNext() }
            var failure: (any Error)?
            while let outcome = try await group.next() {
                switch outcome {
                case .line(let line, let tokens):
                    try write(line)
                    reporter.sampleWritten(tokens: tokens)
                case .failed(let error):
                    failure = failure ?? error
                }
                if failure == nil, next < work.count { startNext() }
            }
            return failure
        }
    }

    private static func sampleOne(
        problem: Problem,
        sampleIndex: Int,
        config: SamplingConfig,
        client: CompletionClient,
        reporter: ProgressReporter
    ) async -> Outcome {
        let request = config.request(for: problem, sampleIndex: sampleIndex)
        do {
            let result = try await client.complete(request, jitterSeed: UInt64(request.seed)) { _ in
                reporter.attemptFailed(willRetry: true)
            }
            let line = TraceLine.json(
                problem: problem,
                sampleIndex: sampleIndex,
                request: request,
                completion: result.completion,
                configuredKind: config.logProbKind
            )
            return .line(line.serialized(), tokens: result.completion.tokenCount ?? 0)
        } catch var error as ClientError {
            reporter.attemptFailed(willRetry: false)
            error.message = "problem \(problem.id) sample \(sampleIndex): " + error.message
            return .failed(error)
        } catch {
            return .failed(error)
        }
    }
}
