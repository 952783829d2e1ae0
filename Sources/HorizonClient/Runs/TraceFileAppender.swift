import Foundation

/// Appends lines to a trace file, each with a single `write(2)` of the whole line and its newline.
///
/// The file is opened with `O_APPEND`, so every write lands at the end. A process killed during
/// a write leaves at most one torn last line, without its newline, which ``ExistingTraces``
/// detects and truncates on the next start. Not `Sendable`: one task owns the appender.
final class TraceFileAppender {
    let path: String
    private var descriptor: Int32

    /// Opens (creating if needed) `path` for appending.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem``.
    init(path: String) throws(ClientError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ClientError(.fileSystem, "cannot open \(path) for appending: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }

    /// Writes `line` and a newline at the end of the file.
    ///
    /// - Parameter line: one JSON document without newlines.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem`` (disk full, closed).
    func append(_ line: [UInt8]) throws(ClientError) {
        var buffer = line
        buffer.append(UInt8(ascii: "\n"))
        var written = 0
        // One call writes the whole buffer to a regular file; the loop only covers EINTR and
        // the partial writes a full disk can cause.
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ClientError(.fileSystem, "cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    /// Flushes the file to disk and closes it.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem``.
    func close() throws(ClientError) {
        guard descriptor >= 0 else { return }
        let synced = fsync(descriptor) == 0
        let closed = Foundation.close(descriptor) == 0
        descriptor = -1
        guard synced && closed else {
            throw ClientError(.fileSystem, "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
    }
}
