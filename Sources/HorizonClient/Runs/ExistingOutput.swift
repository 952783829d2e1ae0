import Foundation
import HorizonTraces

/// What an existing output file already holds, read when a run starts so it can resume.
struct ExistingOutput {
    /// The keys of the complete lines.
    var keys: Set<String> = []
    /// Bytes of a torn last line (no newline) cut off the file, 0 when it ended cleanly.
    var tornBytesRemoved = 0

    /// Reads `path` (absent = empty) and truncates a torn last line away.
    ///
    /// Only the last line can be torn, because each line was written with one `write(2)` that
    /// ends in its newline; every complete line must be JSON and have a key.
    ///
    /// - Parameters:
    ///   - path: the output file.
    ///   - key: the identity of a line (e.g. its problem and sample index), `nil` when the line
    ///     lacks one.
    /// - Returns: the keys present.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidExistingOutput`` and the line for
    ///   a complete line that is not JSON, has no key or repeats an earlier line's key,
    ///   ``ClientError/Reason/fileSystem`` when the
    ///   file cannot be read or truncated.
    /// - Complexity: O(file size); memory O(read buffer + longest line).
    static func scan(path: String, key: (JSONValue) -> String?) throws(ClientError) -> ExistingOutput {
        var result = ExistingOutput()
        guard FileManager.default.fileExists(atPath: path) else { return result }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ClientError(.fileSystem, "cannot read \(path)")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var completeBytes = 0
        var lineNumber = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 22) ?? Data() } catch {
                throw ClientError(.fileSystem, "cannot read \(path): \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var lineStart = 0
            while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = pending[lineStart..<newline]
                if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) {
                    let location = SourceLocation(file: path, line: lineNumber)
                    let json: JSONValue
                    do { json = try JSONValue(parsing: line) } catch {
                        throw ClientError(.invalidExistingOutput, "not an output line: \(error.message)", location: location)
                    }
                    guard let lineKey = key(json) else {
                        throw ClientError(.invalidExistingOutput, "a line without the keys this run writes", location: location)
                    }
                    // `analyze` refuses a duplicate, so resuming over one would only defer the failure.
                    guard result.keys.insert(lineKey).inserted else {
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
        if !pending.isEmpty {
            guard truncate(path, off_t(completeBytes)) == 0 else {
                throw ClientError(.fileSystem, "cannot truncate the torn last line of \(path): \(String(cString: strerror(errno)))")
            }
            result.tornBytesRemoved = pending.count
        }
        return result
    }
}
