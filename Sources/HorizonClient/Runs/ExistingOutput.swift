import HorizonCommon
import Foundation
import HorizonCommon
import HorizonTraces

/// What an existing output file already holds, read when a run starts so it can resume.
struct ExistingOutput {
    /// The keys of the complete lines.
    var keys: Set<String> = []
    /// Bytes of a torn last line (no newline) cut off the file, 0 when it ended cleanly.
    var tornBytesRemoved = 0

    /// Reads `path` (absent = empty) and truncates a torn last line away.
    ///
    /// Only the last line can be torn, because each line (or chain of lines) was written with
    /// one `writev(2)` that ends in its newline; every complete line must be JSON and have a key.
    /// A compressed output holds one frame per write (``TraceFileAppender``): a torn last frame
    /// is cut off, and only the lines of whole frames count.
    ///
    /// - Parameters:
    ///   - path: the output file.
    ///   - compression: how the run writes the file (`nil`: plain text).
    ///   - key: the identity of a line (e.g. its problem and sample index), `nil` when the line
    ///     lacks one.
    /// - Returns: the keys present.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidExistingOutput`` and the line for
    ///   a complete line that is not JSON, has no key or repeats an earlier line's key, or for
    ///   corrupt compressed data;
    ///   ``ClientError/Reason/settingsChanged`` when the file is compressed otherwise than the
    ///   run writes; ``ClientError/Reason/fileSystem`` when the file cannot be read or truncated.
    /// - Complexity: O(file size); memory O(read buffer + longest line).
    static func scan(
        path: String, compression: CompressionFormat?, key: @escaping (JSONValue) -> String?
    ) throws(ClientError) -> ExistingOutput {
        guard FileManager.default.fileExists(atPath: path) else { return ExistingOutput() }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ClientError(.fileSystem, "cannot read \(path)")
        }
        defer { try? handle.close() }
        func nextChunk() throws(ClientError) -> Data {
            do { return try handle.read(upToCount: 1 << 22) ?? Data() } catch {
                throw ClientError(.fileSystem, "cannot read \(path): \(error.localizedDescription)")
            }
        }
        var chunk = try nextChunk()
        if chunk.isEmpty { return ExistingOutput() }
        let found = CompressionFormat.detect(chunk.prefix(CompressionFormat.magicLength))
        guard found == compression else {
            func describe(_ format: CompressionFormat?) -> String { format.map { "\($0.rawValue)-compressed" } ?? "plain text" }
            throw ClientError(
                .settingsChanged,
                "\(path) is \(describe(found)) but this run writes \(describe(compression)); use the same compression to resume")
        }
        var lines = LineKeys(path: path, key: key)
        /// The file's bytes up to the end of its last complete line (or frame), and after it.
        let keptBytes: Int, tornBytes: Int
        if let compression {
            let decompressor: Decompressor
            do { decompressor = try Decompressor(format: compression) } catch {
                throw ClientError(.fileSystem, "cannot read \(path): \(error.message)")
            }
            var output = [UInt8](repeating: 0, count: 1 << 20)
            var pending: [UInt8] = []
            var consumedBytes = 0
            var wholeFramesBytes = 0
            while !chunk.isEmpty {
                var offset = 0
                while offset < chunk.count {
                    let step: (consumed: Int, produced: Int)
                    do {
                        step = try chunk.withUnsafeBytes { input in
                            try output.withUnsafeMutableBytes { buffer in
                                try decompressor.decode(UnsafeRawBufferPointer(rebasing: input[offset...]), into: buffer)
                            }
                        }
                    } catch {
                        throw ClientError(
                            .invalidExistingOutput, (error as? DecompressionFailure)?.message ?? "\(error)",
                            location: SourceLocation(file: path, line: lines.lineNumber + 1))
                    }
                    offset += step.consumed
                    consumedBytes += step.consumed
                    pending.append(contentsOf: output[..<step.produced])
                    if decompressor.isBetweenFrames {
                        try lines.take(&pending)
                        wholeFramesBytes = consumedBytes
                    }
                }
                chunk = try nextChunk()
            }
            if decompressor.isBetweenFrames, !pending.isEmpty {
                throw ClientError(
                    .invalidExistingOutput, "the last line has no line feed inside its \(compression.rawValue) frame",
                    location: SourceLocation(file: path, line: lines.lineNumber + 1))
            }
            (keptBytes, tornBytes) = (wholeFramesBytes, consumedBytes - wholeFramesBytes)
        } else {
            var pending: [UInt8] = []
            while !chunk.isEmpty {
                pending.append(contentsOf: chunk)
                try lines.take(&pending)
                chunk = try nextChunk()
            }
            (keptBytes, tornBytes) = (lines.completeBytes, pending.count)
        }
        if tornBytes > 0 {
            guard truncate(path, off_t(keptBytes)) == 0 else {
                throw ClientError(.fileSystem, "cannot truncate the torn last line of \(path): \(String(cString: strerror(errno)))")
            }
        }
        return ExistingOutput(keys: lines.keys, tornBytesRemoved: tornBytes)
    }
}

/// The keys of complete lines, taken as they arrive.
private struct LineKeys {
    let path: String
    let key: (JSONValue) -> String?
    var keys: Set<String> = []
    var lineNumber = 0
    /// Bytes of the complete lines taken so far.
    var completeBytes = 0

    /// Keys the complete lines at the start of `pending` and removes them.
    mutating func take(_ pending: inout [UInt8]) throws(ClientError) {
        var lineStart = 0
        while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineNumber += 1
            let line = pending[lineStart..<newline]
            if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) {
                let location = SourceLocation(file: path, line: lineNumber)
                let json: JSONValue
                do { json = try JSONValue(parsing: line) } catch {
                    throw ClientError(.invalidExistingOutput, "not an output line: \(error.description)", location: location)
                }
                guard let lineKey = key(json) else {
                    throw ClientError(.invalidExistingOutput, "a line without the keys this run writes", location: location)
                }
                // `analyze` refuses a duplicate, so resuming over one would only defer the failure.
                guard keys.insert(lineKey).inserted else {
                    throw ClientError(
                        .invalidExistingOutput,
                        "a second line for \(lineKey) (a duplicated line); remove it, then rerun to resume",
                        location: location)
                }
            }
            completeBytes += newline + 1 - lineStart
            lineStart = newline + 1
        }
        pending.removeFirst(lineStart)
    }
}
