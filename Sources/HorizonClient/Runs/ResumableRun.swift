import Foundation
import HorizonCommon

/// The engine under ``SamplingRun`` and ``ProbeRun``: resumes an output file, requests the
/// missing lines with bounded concurrency, appends each as it arrives, and keeps the manifest.
///
/// - Existing output: the manifest's settings must equal the plan's (else
///   ``ClientError/Reason/settingsChanged``, or with `force` the output is deleted and the run
///   starts over); a torn last line is truncated; lines whose key is present are skipped.
/// - Lines are appended in completion order, one `writev(2)` each; a chain's lines (``RunItem/next``)
///   together in one, when its last answer arrived. A chain torn inside that write (a kill
///   during the one system call) is requested again from its start, and only its lines the
///   file lacks are written; with a seeded, deterministic server they are the lines it lost.
/// - When an item fails for good, no new items start; those in flight finish and are written;
///   then the error is thrown, prefixed with the item's label.
/// - Requests go through `client` (``CompletionClient/using(server:concurrency:_:)`` for the
///   plan's server); its replicas' statistics, with whatever the caller sent through it before
///   (a probe's `/tokenize`), go into the manifest and the summary.
enum ResumableRun {
    static func run(_ plan: RunPlan, client: CompletionClient, progress: (@Sendable (RunProgress) -> Void)?) async throws -> RunSummary {
        let startedAt = Date()
        try OpenFileLimit.raise(toServe: plan.run.concurrency)
        ResponseMemory.keepLargeBuffers()
        var manifest = try prepareOutput(plan, now: startedAt)
        let existing = try ExistingOutput.scan(path: plan.outputPath, compression: plan.compression, key: plan.key)
        let total = plan.items.count
        // Items are made again when requested rather than kept: memory stays flat in the run size.
        let isPresent = { (index: Int) in existing.keys.contains(plan.items.key(index)) }
        let resumed = existing.keys.isEmpty ? 0 : (0..<total).count(where: isPresent)
        let work = (0..<total).lazy.filter { !isPresent($0) }.map(plan.items.item)
        manifest.beginSession(commandLine: plan.run.commandLine, sessionSettings: plan.sessionSettings, startedAt: startedAt)
        try manifest.write(to: plan.manifestPath)

        let reporter = ProgressReporter(total: total, resumed: resumed, callback: progress)
        reporter.report()
        let replicas = client.replicas

        var failure: (any Error)?
        var written = 0
        do {
            let appender = try TraceFileAppender(path: plan.outputPath, compression: plan.compression)
            defer { try? appender.close() }
            failure = try await request(work, concurrency: plan.run.concurrency, client: client, reporter: reporter) {
                lines throws(ClientError) in
                let missing = lines.filter { !existing.keys.contains($0.key) }.map(\.line)
                guard !missing.isEmpty else { return }
                try appender.append(missing)
                written += 1
            }
            try appender.close()
        } catch {
            failure = failure ?? error
        }
        reporter.report()

        let counts = reporter.snapshot
        let replicaStatistics = replicas.statistics
        var manifestCounts = plan.counts
        manifestCounts["expected"] = .integer(total)
        manifestCounts["present"] = .integer(resumed + written)
        manifestCounts["torn_bytes_removed"] = .integer(existing.tornBytesRemoved)
        manifestCounts["retries"] = .integer(counts.retries)
        manifestCounts["retries_by_cause"] = .object(
            counts.retriesByCause.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.integer($0.value)) })
        manifestCounts["failed_attempts"] = .integer(counts.failedAttempts)
        manifestCounts["replicas"] = .array(replicaStatistics.map { $0.json(elapsed: counts.elapsed) })
        manifest.endSession(finishedAt: Date(), complete: resumed + written == total, counts: manifestCounts, written: written)
        do {
            try manifest.write(to: plan.manifestPath)
        } catch {
            failure = failure ?? error
        }
        if let failure { throw failure }
        return RunSummary(
            outputPath: plan.outputPath,
            manifestPath: plan.manifestPath,
            total: total,
            resumed: resumed,
            written: written,
            tornBytesRemoved: existing.tornBytesRemoved,
            completionTokens: counts.completionTokens,
            retries: counts.retries,
            retriesByCause: counts.retriesByCause,
            failedAttempts: counts.failedAttempts,
            elapsed: counts.elapsed,
            replicas: replicaStatistics
        )
    }

    /// Checks an existing output against the plan and returns the manifest to continue, or a
    /// fresh one (after removing the old output when `force` allows it).
    private static func prepareOutput(_ plan: RunPlan, now: Date) throws(ClientError) -> RunManifest {
        let files = FileManager.default
        let outputSize = (try? files.attributesOfItem(atPath: plan.outputPath)[.size] as? Int) ?? 0
        var conflict: String?
        if let recorded = try RunManifest.read(path: plan.manifestPath, schema: plan.schema) {
            let differences = recorded.differences(from: plan.settings)
            if differences.isEmpty { return recorded }
            conflict = "\(plan.outputPath) was written with other settings (\(differences.joined(separator: "; ")))"
        } else if outputSize > 0 {
            conflict = "\(plan.outputPath) exists but has no manifest \(plan.manifestPath), so its settings are unknown"
        }
        if let conflict {
            guard plan.run.force else {
                throw ClientError(.settingsChanged, conflict + "; rerun with the same settings to resume, or force to start over")
            }
            for path in [plan.outputPath, plan.manifestPath] where files.fileExists(atPath: path) {
                do { try files.removeItem(atPath: path) } catch {
                    throw ClientError(.fileSystem, "cannot remove \(path): \(error.localizedDescription)")
                }
            }
        }
        return RunManifest(
            schema: plan.schema,
            commandLine: plan.run.commandLine,
            settings: plan.settings,
            inputsKey: plan.inputsKey,
            inputs: plan.inputs,
            startedAt: now
        )
    }

    /// What one item's task produced.
    private enum Outcome: Sendable {
        /// Each line with its key (one, or a chain's).
        case lines([(key: String, line: LineText)], tokens: Int)
        case failed(any Error)
    }

    /// Requests `work` with at most `concurrency` requests in flight, handing each line to
    /// `write` as it arrives; returns the first failure (after the tasks in flight finished).
    private static func request(
        _ work: some Sequence<RunItem>,
        concurrency: Int,
        client: CompletionClient,
        reporter: ProgressReporter,
        write: ([(key: String, line: LineText)]) throws(ClientError) -> Void
    ) async throws -> (any Error)? {
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var pending = work.makeIterator()
            /// Starts the next item; false when none is left.
            func startNext() -> Bool {
                guard let item = pending.next() else { return false }
                group.addTask { await requestOne(item, client: client, reporter: reporter) }
                return true
            }
            var started = 0
            while started < concurrency, startNext() { started += 1 }
            var failure: (any Error)?
            while let outcome = try await group.next() {
                switch outcome {
                case .lines(let lines, let tokens):
                    try write(lines)
                    reporter.sampleWritten(tokens: tokens)
                case .failed(let error):
                    failure = failure ?? error
                }
                if failure == nil { _ = startNext() }
            }
            return failure
        }
    }

    private static func requestOne(_ first: RunItem, client: CompletionClient, reporter: ProgressReporter) async -> Outcome {
        var item = first
        do {
            var lines: [(key: String, line: LineText)] = []
            var tokens = 0
            while true {
                // The jitter follows the request's seed, so a rerun waits the same.
                let step = item
                let result = try await client.complete(step.request, jitterSeed: UInt64(step.request.seed)) { retry in
                    reporter.retryScheduled(RetryNote(
                        label: step.label, attempt: retry.attempt, cause: retry.error.retryCause,
                        message: retry.error.message, delay: retry.delay))
                }
                var line = try step.line(result.completion)
                if let apiKey = client.apiKey { line = apiKey.redacting(line) }
                lines.append((step.key, line))
                tokens += result.completion.tokenCount ?? 0
                guard let next = try step.next?(result.completion) else { break }
                item = next
            }
            return .lines(lines, tokens: tokens)
        } catch var error as ClientError {
            reporter.attemptFailed()
            error.message = "\(item.label): " + error.message
            return .failed(error)
        } catch {
            return .failed(error)
        }
    }
}
