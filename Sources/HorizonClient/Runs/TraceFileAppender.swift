import CZstd
import Foundation
import HorizonTraces

/// Appends lines to a trace file: each call's lines (one sample's, or a probe chain's) and their
/// newlines with one `writev(2)`, the lines themselves never copied.
///
/// The file is opened with `O_APPEND`, so every write lands at the end. A process killed during
/// a write leaves at most one torn last line, without its newline, which ``ExistingOutput``
/// detects and truncates on the next start. Compressed (zstd), each call's lines are one
/// frame, written the same way: a torn last frame is cut off alike, and any reader of
/// concatenated frames reads the file. Not `Sendable`: one task owns the appender.
final class TraceFileAppender {
    let path: String
    private var descriptor: Int32
    private var zstdContext: OpaquePointer?

    /// Opens (creating if needed) `path` for appending.
    ///
    /// - Parameter compression: `.zstd` to write compressed frames, `nil` for plain text
    ///   (gzip is read but not written).
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem``, or
    ///   ``ClientError/Reason/invalidConfiguration`` for gzip.
    init(path: String, compression: CompressionFormat? = nil) throws(ClientError) {
        self.path = path
        switch compression {
        case nil: break
        case .gzip: throw ClientError(.invalidConfiguration, "gzip output is not supported; write zstd")
        case .zstd:
            zstdContext = ZSTD_createCCtx()
            // A checksum per frame, so a damaged file fails to read instead of reading wrong.
            guard let zstdContext, ZSTD_isError(ZSTD_CCtx_setParameter(zstdContext, ZSTD_c_checksumFlag, 1)) == 0 else {
                throw ClientError(.fileSystem, "cannot start libzstd")
            }
        }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ClientError(.fileSystem, "cannot open \(path) for appending: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        if let zstdContext { ZSTD_freeCCtx(zstdContext) }
    }

    /// Writes `lines`, each with its newline, at the end of the file in one `writev(2)`, so
    /// that a probe chain's lines land together.
    ///
    /// - Parameter lines: JSON documents without newlines.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem`` (disk full, closed).
    func append(_ lines: [LineText]) throws(ClientError) {
        let newline: ArraySlice<UInt8> = [UInt8(ascii: "\n")]
        if let zstdContext {
            var text: [UInt8] = []
            text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
            for line in lines {
                for piece in line.pieces { text += piece }
                text += newline
            }
            try writeWhole([try compressedFrame(of: text, context: zstdContext)[...]])
        } else {
            // Each line's pieces and its newline as parts of the one call: no copy of lines
            // that can be megabytes long.
            try writeWhole(lines.flatMap { $0.pieces + [newline] })
        }
    }

    /// Writes `parts` one after the other with one `writev(2)`; the loop only covers EINTR and
    /// the partial writes a full disk can cause.
    private func writeWhole(_ parts: [ArraySlice<UInt8>]) throws(ClientError) {
        var skipped = 0
        let total = parts.reduce(0) { $0 + $1.count }
        while skipped < total {
            let result = Self.withIOVectors(parts, skipping: skipped) { vectors in
                writev(descriptor, vectors.baseAddress, Int32(vectors.count))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ClientError(.fileSystem, "cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            skipped += result
        }
    }

    /// At most this many I/O vectors per `writev(2)`: Linux's and macOS's `IOV_MAX`. A long
    /// chain's lines take more than one call; ``writeWhole(_:)`` carries on where it stopped.
    private static let maxVectors = 1024

    /// Calls `body` with I/O vectors over `parts` less their first `skipped` bytes (at most
    /// ``maxVectors`` of them).
    private static func withIOVectors<Result>(
        _ parts: [ArraySlice<UInt8>], skipping skipped: Int, _ body: (UnsafeBufferPointer<iovec>) -> Result
    ) -> Result {
        var vectors: [iovec] = []
        var remaining = skipped
        func gather(_ index: Int) -> Result {
            guard index < parts.count, vectors.count < maxVectors else { return vectors.withUnsafeBufferPointer(body) }
            return parts[index].withUnsafeBytes { raw in
                if remaining >= raw.count {
                    remaining -= raw.count
                } else {
                    vectors.append(iovec(
                        iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + remaining),
                        iov_len: raw.count - remaining))
                    remaining = 0
                }
                return gather(index + 1)
            }
        }
        return gather(0)
    }

    private func compressedFrame(of text: [UInt8], context: OpaquePointer) throws(ClientError) -> [UInt8] {
        var frame = [UInt8](repeating: 0, count: ZSTD_compressBound(text.count))
        let size = frame.withUnsafeMutableBytes { output in
            text.withUnsafeBytes { input in
                ZSTD_compress2(context, output.baseAddress, output.count, input.baseAddress, input.count)
            }
        }
        guard ZSTD_isError(size) == 0 else {
            throw ClientError(.fileSystem, "cannot compress a line for \(path): \(String(cString: ZSTD_getErrorName(size)))")
        }
        frame.removeLast(frame.count - size)
        return frame
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
