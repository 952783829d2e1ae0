import Foundation
import HorizonTraces

/// Identifies one sample: its problem and its index.
public struct SampleKey: Sendable, Hashable {
    public var problemID: String
    public var sampleIndex: Int

    public init(problemID: String, sampleIndex: Int) {
        self.problemID = problemID
        self.sampleIndex = sampleIndex
    }
}

/// What an existing trace file already holds, read when a run starts so it can resume.
struct ExistingTraces {
    /// The samples with a complete line.
    var done: Set<SampleKey> = []
    /// Complete lines read.
    var lineCount = 0
    /// Bytes of a torn last line (no newline) cut off the file, 0 when it ended cleanly.
    var tornBytesRemoved = 0

    /// Reads `path` (absent = empty) and truncates a torn last line away.
    ///
    /// Every complete line must be a JSON object with `problem_id` (string) and `sample_index`
    /// (integer); only the last line can be torn, because each line was written with one
    /// `write(2)` that ends in its newline.
    ///
    /// - Parameter path: the trace file.
    /// - Returns: the samples present.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidExistingOutput`` and the line for
    ///   a complete line that is not a trace line, ``ClientError/Reason/fileSystem`` when the file
    ///   cannot be read or truncated.
    /// - Complexity: O(file size); memory O(read buffer + longest line).
    static func scan(path: String) throws(ClientError) -> ExistingTraces {
        var result = ExistingTraces()
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
                try result.record(pending[lineStart..<newline], location: SourceLocation(file: path, line: lineNumber))
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

    private mutating func record(_ line: ArraySlice<UInt8>, location: SourceLocation) throws(ClientError) {
        guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return }
        let json: JSONValue
        do { json = try JSONValue(parsing: line) } catch {
            throw ClientError(.invalidExistingOutput, "not a trace line: \(error.message)", location: location)
        }
        guard let problemID = json["problem_id"]?.stringValue, let index = json["sample_index"]?.intValue else {
            throw ClientError(.invalidExistingOutput, "a trace line without problem_id or sample_index", location: location)
        }
        lineCount += 1
        done.insert(SampleKey(problemID: problemID, sampleIndex: index))
    }
}
