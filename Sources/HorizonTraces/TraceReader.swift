import HorizonCommon
import Foundation
import HorizonCommon

/// Streams traces from JSONL files, parsing on all cores while delivering in input order.
///
/// ```swift
/// let reader = TraceReader(paths: ["runs/a.jsonl", "runs/b.jsonl"])
/// var lengths: [String: Int] = [:]
/// let summary = try reader.read(
///     transform: { trace in (trace.problemID, trace.logProbs?.count ?? 0) },  // worker threads
///     consume: { item in                                                      // this thread, in order
///         if case .trace(let (problem, tokens)) = item { lengths[problem, default: 0] += tokens }
///     })
/// print("\(summary.traces) traces, \(summary.invalidLines) invalid lines")
/// ```
///
/// gzip and zstd files (and standard input) are recognised by their magic bytes and
/// decompressed as they are read; line numbers are those of the decompressed text.
/// Regular files are mapped into memory and cut, in place, into blocks of whole lines
/// (``TraceReadOptions/readBufferSize``); standard input and other streams are read block by
/// block. Each block is parsed by a worker thread, its traces get sample indices and are
/// checked for duplicates in input order, then `transform` runs on a worker thread, and
/// `consume` sees the results on the calling thread in input order. At most `2 × cores + 2`
/// blocks are in flight and the pages of consumed blocks are released, so memory stays
/// bounded by that many blocks plus the longest line, whatever the size of the files.
public struct TraceReader: Sendable {
    /// The inputs, read one after the other; `-` is standard input.
    public var paths: [String]
    public var options: TraceReadOptions

    public init(paths: [String], options: TraceReadOptions = TraceReadOptions()) {
        self.paths = paths
        self.options = options
    }

    /// Reads every input.
    ///
    /// - Parameters:
    ///   - transform: Runs concurrently on worker threads for every valid trace (this is where
    ///     callers segment and measure a trace, so that work is parallel too). Traces reach it
    ///     with their sample index set.
    ///   - consume: Called on the calling thread, serially, in input order: a transformed
    ///     trace, or (when ``TraceReadOptions/skipInvalid``) an invalid line or duplicate.
    ///   - progress: Called after each block, with the bytes and traces consumed so far.
    /// - Returns: The counts of what was read.
    /// - Throws: Without `skipInvalid`, the first invalid line's or duplicate's
    ///   ``TraceError``, after everything before it was consumed. Always: a
    ///   ``TraceError/Reason/unreadableInput`` error for a file that cannot be read, an
    ///   ``TraceError/Reason/emptyInput`` error for one without a line of content (unless
    ///   ``TraceReadOptions/allowsEmptyInputs``), and any
    ///   error thrown by `transform` or `consume`; reading stops there.
    /// - Complexity: O(total bytes), spread over all cores.
    public func read<Output: Sendable>(
        transform: @escaping @Sendable (Trace) throws -> Output,
        consume: (TraceReadItem<Output>) throws -> Void,
        progress: ((TraceReadProgress) -> Void)? = nil
    ) throws -> TraceReadSummary {
        let pipeline = OrderedTracePipeline(parser: TraceParser(options: options), transform: transform)
        defer { pipeline.cancelAndWait() }
        let blocksInFlight = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
        let totalBytes = regularFilesSize()
        let started = ContinuousClock.now
        var summary = TraceReadSummary()
        var submitted = 0
        var consumed = 0

        /// Consumes the next batch in order; returns `false` if it is not finished and `wait` is `false`.
        func consumeNext(wait: Bool) throws -> Bool {
            guard let batch = pipeline.takeFinished(consumed, wait: wait) else { return false }
            consumed += 1
            batch.storage.discardPages(in: batch.range)
            summary.lines += batch.lines
            summary.blankLines += batch.blankLines
            summary.bytes += batch.bytes
            for item in batch.items {
                switch item {
                case .trace(let output, let tally):
                    summary.traces += 1
                    summary.emptyTopLists += tally.emptyTopLists
                    summary.sampledNotInTop += tally.sampledNotInTop
                    if !tally.hasLogProbs { summary.tracesWithoutLogProbs += 1 }
                    try consume(.trace(output))
                case .invalidLine(let error):
                    summary.invalidLines += 1
                    try reject(error)
                case .duplicate(let error):
                    summary.duplicates += 1
                    try reject(error)
                case .transformFailed(let error):
                    throw error
                }
            }
            progress?(
                TraceReadProgress(
                    bytesRead: summary.bytes, totalBytes: totalBytes, lines: summary.lines, traces: summary.traces,
                    elapsed: ContinuousClock.now - started))
            return true
        }

        func reject(_ error: TraceError) throws {
            if summary.errors.count < options.maxRecordedErrors { summary.errors.append(error) }
            guard options.skipInvalid else { throw error }
            try consume(.invalid(error))
        }

        /// Consumes everything submitted, so that the consumer has seen all that came before
        /// a failure to read, then throws it.
        func fail(_ error: TraceError) throws -> Never {
            while consumed < submitted { _ = try consumeNext(wait: true) }
            throw error
        }

        for path in paths {
            var reader: LineBatchReader
            do throws(TraceError) {
                reader = try LineBatchReader(path: path, blockSize: options.readBufferSize)
            } catch {
                try fail(error)
            }
            summary.files += 1
            let contentLinesBefore = summary.lines - summary.blankLines
            let linesBeforeFile = summary.lines
            while true {
                let next: LineBatch?
                do throws(TraceError) {
                    next = try reader.nextBatch()
                } catch {
                    // Once the lines before are consumed, the reading stopped in the next one
                    // (of the decompressed text, for a corrupt or truncated compressed file).
                    while consumed < submitted { _ = try consumeNext(wait: true) }
                    var located = error
                    located.location.line = summary.lines - linesBeforeFile + 1
                    throw located
                }
                guard let batch = next else { break }
                while submitted - consumed >= blocksInFlight { _ = try consumeNext(wait: true) }
                pipeline.submit(batch, sequence: submitted)
                submitted += 1
                while consumed < submitted, try consumeNext(wait: false) {}
            }
            // Consumed to the end of this input, so one without a line of content can be named.
            while consumed < submitted { _ = try consumeNext(wait: true) }
            if summary.lines - summary.blankLines == contentLinesBefore, !options.allowsEmptyInputs {
                throw TraceError(.emptyInput, at: SourceLocation(file: path, line: 0), "no traces: the input is empty or holds only blank lines")
            }
        }
        while consumed < submitted { _ = try consumeNext(wait: true) }
        return summary
    }

    /// Reads every input into memory (for small inputs and tests).
    ///
    /// - Returns: The traces in input order, and the summary (with the errors of skipped
    ///   lines when ``TraceReadOptions/skipInvalid``).
    /// - Throws: As ``read(transform:consume:progress:)``.
    public func readAll() throws -> (traces: [Trace], summary: TraceReadSummary) {
        var traces: [Trace] = []
        let summary = try read(transform: { $0 }, consume: { item in
            if case .trace(let trace) = item { traces.append(trace) }
        })
        return (traces, summary)
    }

    /// The whole text of one input (`-`: standard input), decompressed if it is gzip or
    /// zstd, for small files read at once.
    ///
    /// - Throws: ``TraceError/Reason/unreadableInput`` naming the file (and, for corrupt
    ///   compressed data, the line of the text it breaks in).
    public static func contents(of path: String) throws(TraceError) -> [UInt8] {
        var reader = try LineBatchReader(path: path, blockSize: 1 << 20)
        var text: [UInt8] = []
        do {
            while let batch = try reader.nextBatch() {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: batch.storage.base, count: batch.storage.count)[batch.range]))
            }
        } catch {
            var located = error
            located.location.line = text.count(where: { $0 == ASCII.newline }) + 1
            throw located
        }
        return text
    }

    /// The inputs' total size, when all are regular files.
    private func regularFilesSize() -> Int? {
        var total = 0
        for path in paths {
            guard path != LineBatchReader.standardInputPath,
                let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }
}
