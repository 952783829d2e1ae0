import HorizonCommon
import Dispatch
import Foundation
import HorizonCommon

/// A sample of a batch after sequencing, transformed or not.
enum PipelineItem<Payload: Sendable>: Sendable {
    case trace(Payload, TraceTally)
    case invalidLine(TraceError)
    case duplicate(TraceError)
    /// The caller's transform threw; reading stops there.
    case transformFailed(any Error)
}

/// What the summary counts about one delivered trace.
struct TraceTally: Sendable {
    var emptyTopLists: Int
    var sampledNotInTop: Int
    var hasLogProbs: Bool
}

/// A batch's results, in line order, ready for the consumer.
struct FinishedBatch<Output: Sendable>: Sendable {
    var items: [PipelineItem<Output>]
    var lines: Int
    var blankLines: Int
    var bytes: Int
    /// Whether the batch starts an input (its line numbers restart at 1).
    var startsInput: Bool
    /// Where the batch's bytes were, so the consumer can release them.
    var storage: ByteStorage
    var range: Range<Int>
}

/// Parses batches of lines on worker threads, numbers samples in input order, transforms
/// traces on worker threads, and hands finished batches back in submission order.
///
/// Stages per batch: parse (parallel: the lines one after the other, numbered from the
/// batch's start) → sequence (serial, in batch order: line numbers in the file, sample
/// indices and duplicates need every earlier line) → transform (parallel) → consume (the
/// caller's thread, in batch order). Sequencing is done by whichever worker finishes the
/// parse that the next batch in order was waiting for, under the lock; it is cheap (a
/// dictionary lookup per trace).
///
/// `@unchecked Sendable`: every mutable property is accessed only with `condition` locked;
/// the rest are immutable and Sendable.
final class OrderedTracePipeline<Output: Sendable>: @unchecked Sendable {
    private let parser: TraceParser
    private let transform: @Sendable (Trace) throws -> Output
    private let queue = DispatchQueue.global(qos: .userInitiated)
    private let group = DispatchGroup()

    private let condition = NSCondition()
    private var parsedWaiting: [Int: FinishedBatch<ParsedTrace>] = [:]
    private var nextToSequence = 0
    /// Lines of the current input before the next batch to sequence.
    private var linesBefore = 0
    private var indexer = SampleIndexer()
    private var finished: [Int: FinishedBatch<Output>] = [:]
    private var cancelled = false

    init(parser: TraceParser, transform: @escaping @Sendable (Trace) throws -> Output) {
        self.parser = parser
        self.transform = transform
    }

    /// Starts work on `batch`; `sequence` numbers batches 0, 1, 2, ... in input order.
    func submit(_ batch: LineBatch, sequence: Int) {
        queue.async(group: group) { self.parseAndSequence(batch, sequence: sequence) }
    }

    /// The finished batch `sequence`, waiting for it when `wait`; `nil` if not finished and
    /// not waiting.
    func takeFinished(_ sequence: Int, wait: Bool) -> FinishedBatch<Output>? {
        condition.lock()
        defer { condition.unlock() }
        while wait && finished[sequence] == nil { condition.wait() }
        return finished.removeValue(forKey: sequence)
    }

    /// Stops starting new work and waits for the work under way, so that no transform runs
    /// after the read returns.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.unlock()
        group.wait()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    private func parseAndSequence(_ batch: LineBatch, sequence: Int) {
        guard !isCancelled else { return }
        let parsed = parse(batch)
        condition.lock()
        parsedWaiting[sequence] = parsed
        var ready: [(sequence: Int, batch: FinishedBatch<ParsedTrace>)] = []
        while var next = parsedWaiting.removeValue(forKey: nextToSequence) {
            if next.startsInput { linesBefore = 0 }
            numberLinesAndSamples(&next, linesBefore: linesBefore)
            linesBefore += next.lines
            ready.append((nextToSequence, next))
            nextToSequence += 1
        }
        condition.unlock()
        for (readySequence, readyBatch) in ready {
            queue.async(group: group) { self.transformAndFinish(readyBatch, sequence: readySequence) }
        }
    }

    /// Parses the lines of `batch` one after the other (on a worker thread), numbering them
    /// from 1 at the batch's start. The parse of a line says where it ended, so line feeds
    /// are only searched for after blank and invalid lines.
    private func parse(_ batch: LineBatch) -> FinishedBatch<ParsedTrace> {
        var items: [PipelineItem<ParsedTrace>] = []
        var lines = 0
        var blankLines = 0
        let base = batch.storage.base
        let upper = batch.range.upperBound
        var start = batch.range.lowerBound
        while start < upper {
            lines += 1
            let firstByte = Self.firstNonBlank(base, from: start, to: upper)
            if firstByte == upper || base[firstByte] == ASCII.newline {
                blankLines += 1
                start = firstByte + 1
                continue
            }
            let location = SourceLocation(file: batch.file, line: lines)
            do throws(TraceError) {
                let parsed = try parser.parse(line: base + start, readable: upper - start, at: location)
                for var trace in parsed.traces {
                    // The list offsets are 32-bit: a line past 2 GiB keeps no texts rather than wrong ones.
                    if parser.options.keepsCandidateTexts, !trace.topListOffsets.isEmpty, upper - start <= Int(Int32.max) {
                        trace.trace.candidateTexts = CandidateTexts(
                            storage: batch.storage, lineStart: start, readable: upper - start, listOffsets: trace.topListOffsets)
                    }
                    let tally = TraceTally(
                        emptyTopLists: trace.emptyTopLists, sampledNotInTop: trace.sampledNotInTop,
                        hasLogProbs: trace.trace.logProbs != nil)
                    items.append(.trace(trace, tally))
                }
                start += parsed.length + 1
            } catch {
                items.append(.invalidLine(error))
                let rest = UnsafeRawPointer(base + start)
                let lineFeed = memchr(rest, Int32(ASCII.newline), upper - start)
                start = lineFeed.map { start + (UnsafeRawPointer($0) - rest) + 1 } ?? upper
            }
        }
        return FinishedBatch(
            items: items, lines: lines, blankLines: blankLines, bytes: batch.inputByteCount,
            startsInput: batch.startsInput, storage: batch.storage, range: batch.range)
    }

    /// Turns batch-relative line numbers into file line numbers, gives traces their sample
    /// indices and turns duplicates into errors (under the lock, in batch order).
    private func numberLinesAndSamples(_ batch: inout FinishedBatch<ParsedTrace>, linesBefore: Int) {
        for position in batch.items.indices {
            switch batch.items[position] {
            case .trace(var parsed, let tally):
                parsed.trace.source.line += linesBefore
                if let duplicate = indexer.assign(&parsed.trace) {
                    batch.items[position] = .duplicate(duplicate)
                } else {
                    batch.items[position] = .trace(parsed, tally)
                }
            case .invalidLine(var error):
                error.location.line += linesBefore
                batch.items[position] = .invalidLine(error)
            case .duplicate, .transformFailed:
                break
            }
        }
    }

    /// Runs the caller's transform over a sequenced batch (on a worker thread).
    private func transformAndFinish(_ batch: FinishedBatch<ParsedTrace>, sequence: Int) {
        var items: [PipelineItem<Output>] = []
        items.reserveCapacity(batch.items.count)
        if !isCancelled {
            for item in batch.items {
                switch item {
                case .trace(let parsed, let tally):
                    do {
                        items.append(.trace(try transform(parsed.trace), tally))
                    } catch {
                        items.append(.transformFailed(error))
                    }
                case .invalidLine(let error): items.append(.invalidLine(error))
                case .duplicate(let error): items.append(.duplicate(error))
                case .transformFailed(let error): items.append(.transformFailed(error))
                }
                if case .transformFailed = items.last { break }
            }
        }
        condition.lock()
        finished[sequence] = FinishedBatch(
            items: items, lines: batch.lines, blankLines: batch.blankLines, bytes: batch.bytes,
            startsInput: batch.startsInput, storage: batch.storage, range: batch.range)
        condition.broadcast()
        condition.unlock()
    }

    /// The offset of the first byte in `from..<to` that is not a space, tab or carriage
    /// return (`to` if none).
    private static func firstNonBlank(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var offset = start
        while offset < end {
            let byte = base[offset]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn else { break }
            offset += 1
        }
        return offset
    }
}
