import Dispatch
import Foundation
import HorizonCommon

/// Copies the lines of trace files into one file per shard, by the problem each line holds,
/// so that each machine of a job array reads only its own problems (`horizon split`).
///
/// ```swift
/// let splitter = TraceSplitter(paths: ["runs/a.jsonl"], shardCount: 64)
/// let summary = try splitter.split(into: "split/") { problemID in myShard(of: problemID) }
/// // split/shard-00000-of-00064.jsonl … split/shard-00063-of-00064.jsonl
/// ```
///
/// Lines are copied byte for byte, in input order within each shard's file, so every problem's
/// lines keep their order (and their sample indices and duplicates, which the reader assigns in
/// that order). A line is parsed with ``TraceParser`` and the options `analyze` uses, so it goes
/// where the problem id `analyze` will read names; a line the parser rejects, a blank line and a
/// line holding no sample go to shard 0, so that each is counted once over all shards. Every
/// shard's file is written, empty when no problem hashed there. Inputs are read as
/// ``TraceReader`` reads them (`-`, gzip and zstd included); a line break is added after a last
/// line that has none.
///
/// Blocks of lines are parsed on all cores and written in input order.
public struct TraceSplitter: Sendable {
    public var paths: [String]
    public var options: TraceReadOptions
    public var shardCount: Int
    /// `.zstd` to write each shard's file as one zstd stream; `nil` for plain text.
    public var compression: CompressionFormat?

    public init(paths: [String], options: TraceReadOptions = TraceReadOptions(), shardCount: Int, compression: CompressionFormat? = nil) {
        self.paths = paths
        self.options = options
        self.shardCount = shardCount
        self.compression = compression
    }

    /// The name of shard `index`'s file: `shard-00003-of-00064.jsonl`, `.jsonl.zst` when compressed.
    public static func fileName(shard index: Int, of count: Int, compression: CompressionFormat?) -> String {
        func padded(_ number: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        }
        return "shard-\(padded(index))-of-\(padded(count)).jsonl" + (compression == .zstd ? ".zst" : "")
    }

    /// Splits every input into `directory` (created if missing; existing shard files are replaced).
    ///
    /// - Parameters:
    ///   - shardOf: The shard of a problem id, in `0..<shardCount`; called on worker threads.
    ///   - progress: Called after each group of blocks, with the bytes and lines read so far.
    /// - Returns: The counts, and the files written.
    /// - Throws: ``TraceError`` naming the file: an input that cannot be read (or whose
    ///   compressed data breaks off), an output that cannot be written, an input that is one of
    ///   the outputs.
    /// - Complexity: O(total bytes), parsing spread over all cores.
    public func split(
        into directory: String, shardOf: @escaping @Sendable (String) -> Int,
        progress: ((TraceReadProgress) -> Void)? = nil
    ) throws(TraceError) -> TraceSplitSummary {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw TraceError(.unwritableOutput, at: SourceLocation(file: directory, line: 0), "cannot create the directory: \(error.localizedDescription)")
        }
        var summary = TraceSplitSummary()
        summary.files = (0..<shardCount).map { (directory as NSString).appendingPathComponent(Self.fileName(shard: $0, of: shardCount, compression: compression)) }
        summary.linesPerShard = Array(repeating: 0, count: shardCount)
        // Opening a shard's file empties it: an input that is one would be lost (and, mapped,
        // stop the process when its pages vanish).
        let outputs = Set(summary.files.compactMap(Self.fileIdentity))
        for path in paths where path != LineBatchReader.standardInputPath {
            if let identity = Self.fileIdentity(path), outputs.contains(identity) {
                throw TraceError(.unwritableOutput, at: SourceLocation(file: path, line: 0), "is one of the shard files this split writes; split into another directory")
            }
        }
        var writers: [ShardFileWriter] = []
        let blockSize = ShardFileWriter.blockSize(shards: shardCount)
        for file in summary.files { writers.append(try ShardFileWriter(path: file, compression: compression, blockSize: blockSize)) }
        let parser = TraceParser(options: options)
        let groupSize = 2 * ProcessInfo.processInfo.activeProcessorCount
        let started = ContinuousClock.now
        for path in paths {
            var reader = try LineBatchReader(path: path, blockSize: options.readBufferSize)
            var atEnd = false
            while !atEnd {
                var batches: [LineBatch] = []
                while batches.count < groupSize {
                    guard let batch = try reader.nextBatch() else { atEnd = true; break }
                    batches.append(batch)
                }
                let routes = Self.route(batches, parser: parser, shardCount: shardCount, shardOf: shardOf)
                for (batch, route) in zip(batches, routes) {
                    try Self.write(route, of: batch, to: writers, summary: &summary)
                    summary.bytesRead += batch.inputByteCount
                    batch.storage.discardPages(in: batch.range)
                }
                progress?(TraceReadProgress(
                    bytesRead: summary.bytesRead, totalBytes: nil, lines: summary.lines,
                    traces: summary.lines - summary.unroutedLines, elapsed: ContinuousClock.now - started))
            }
        }
        for writer in writers { try writer.close() }
        summary.bytesPerShard = writers.map(\.bytesWritten)
        return summary
    }

    /// The device and inode of an existing file, which name it whatever the path.
    private static func fileIdentity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// One line's place in its batch and where it goes.
    struct RoutedLine {
        var shard: Int
        var range: Range<Int>
        /// Whether the bytes in `range` end with the line's line feed.
        var hasLineFeed: Bool
        /// Whether the line named no problem (sent to shard 0).
        var unrouted: Bool
    }

    /// Parses the batches' lines in parallel and says where each goes.
    private static func route(
        _ batches: [LineBatch], parser: TraceParser, shardCount: Int, shardOf: @escaping @Sendable (String) -> Int
    ) -> [[RoutedLine]] {
        var routes = [[RoutedLine]](repeating: [], count: batches.count)
        routes.withUnsafeMutableBufferPointer { results in
            // Each iteration writes only its own element.
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: batches.count) { index in
                results[index] = route(batches[index], parser: parser, shardCount: shardCount, shardOf: shardOf)
            }
        }
        return routes
    }

    private static func route(
        _ batch: LineBatch, parser: TraceParser, shardCount: Int, shardOf: (String) -> Int
    ) -> [RoutedLine] {
        var lines: [RoutedLine] = []
        let base = batch.storage.base
        let upper = batch.range.upperBound
        var start = batch.range.lowerBound
        while start < upper {
            let rest = UnsafeRawPointer(base + start)
            let lineFeed = memchr(rest, Int32(ASCII.newline), upper - start).map { start + (UnsafeRawPointer($0) - rest) }
            let end = lineFeed ?? upper
            var shard = 0
            var unrouted = true
            // The parser reads up to the line's line feed (or the zero after a last line without one).
            if let parsed = try? parser.parse(line: base + start, readable: upper - start, at: SourceLocation(file: batch.file, line: 0)),
                start + parsed.length == end, let first = parsed.traces.first
            {
                shard = shardOf(first.trace.problemID)
                precondition((0..<shardCount).contains(shard), "shardOf returned \(shard), not in 0..<\(shardCount)")
                unrouted = false
            }
            lines.append(RoutedLine(shard: shard, range: start..<(lineFeed.map { $0 + 1 } ?? upper), hasLineFeed: lineFeed != nil, unrouted: unrouted))
            start = end + 1
        }
        return lines
    }

    private static func write(_ lines: [RoutedLine], of batch: LineBatch, to writers: [ShardFileWriter], summary: inout TraceSplitSummary) throws(TraceError) {
        let base = UnsafeRawPointer(batch.storage.base)
        for line in lines {
            try writers[line.shard].write(
                UnsafeRawBufferPointer(start: base + line.range.lowerBound, count: line.range.count), addingLineFeed: !line.hasLineFeed)
            summary.lines += 1
            summary.linesPerShard[line.shard] += 1
            if line.unrouted { summary.unroutedLines += 1 }
        }
    }
}
