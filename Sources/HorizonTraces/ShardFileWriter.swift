import CZstd
import Foundation
import HorizonCommon

/// Writes one shard's file of `horizon split`: whole lines, buffered, plain or as one zstd
/// stream (``TraceReader`` reads either).
///
/// The file is created or truncated on open. Bytes are written in blocks (``blockSize(shards:)``),
/// so a shard that receives a line at a time costs one `write(2)` per block, not per line.
/// Not `Sendable`: one thread owns the writer.
final class ShardFileWriter {
    let path: String
    private var descriptor: Int32
    private var zstd: OpaquePointer?
    private var buffer: [UInt8] = []
    /// Bytes written to the file so far (compressed bytes, when compressing).
    private(set) var bytesWritten = 0

    private let blockSize: Int

    /// The block size when `shards` files are written at once: 1 MiB each, less when many
    /// shards would hold more than 256 MiB of buffers together, never under 64 KiB.
    static func blockSize(shards: Int) -> Int {
        min(1 << 20, max(1 << 16, (256 << 20) / max(shards, 1)))
    }

    /// Opens `path`, creating it or cutting it to zero length.
    ///
    /// - Parameter compression: `.zstd` for a zstd stream with checksums, `nil` for plain text.
    /// - Throws: ``TraceError/Reason/unwritableOutput`` naming the file when it cannot be
    ///   opened, or for `.gzip` (read but never written).
    init(path: String, compression: CompressionFormat?, blockSize: Int) throws(TraceError) {
        self.path = path
        self.blockSize = blockSize
        descriptor = -1
        switch compression {
        case nil: break
        case .gzip: throw TraceError(.unwritableOutput, at: SourceLocation(file: path, line: 0), "gzip output is not supported; write zstd")
        case .zstd:
            zstd = ZSTD_createCCtx()
            // A checksum per frame, so a damaged file fails to read instead of reading wrong.
            guard let zstd, ZSTD_isError(ZSTD_CCtx_setParameter(zstd, ZSTD_c_checksumFlag, 1)) == 0 else {
                throw TraceError(.unwritableOutput, at: SourceLocation(file: path, line: 0), "cannot start libzstd")
            }
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot open for writing") }
        buffer.reserveCapacity(blockSize)
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        if let zstd { ZSTD_freeCCtx(zstd) }
    }

    /// Appends `bytes` (whole lines), and a line feed after them when `addingLineFeed`.
    func write(_ bytes: UnsafeRawBufferPointer, addingLineFeed: Bool = false) throws(TraceError) {
        buffer.append(contentsOf: bytes)
        if addingLineFeed { buffer.append(ASCII.newline) }
        if buffer.count >= blockSize { try flush(ending: false) }
    }

    /// Writes what is buffered, ends the zstd stream, syncs and closes the file.
    func close() throws(TraceError) {
        guard descriptor >= 0 else { return }
        try flush(ending: true)
        let synced = fsync(descriptor) == 0
        let closed = Foundation.close(descriptor) == 0
        descriptor = -1
        guard synced && closed else { throw failure("cannot flush") }
    }

    /// Hands the buffer to the file, through the compressor when there is one.
    private func flush(ending: Bool) throws(TraceError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard let zstd else { return try writeWhole(buffer[...]) }
        var output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        var consumed = 0
        while true {
            let (remaining, produced, read) = buffer.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { destination in
                    var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: consumed)
                    var outBuffer = ZSTD_outBuffer(dst: destination.baseAddress, size: destination.count, pos: 0)
                    let remaining = ZSTD_compressStream2(zstd, &outBuffer, &inBuffer, ending ? ZSTD_e_end : ZSTD_e_continue)
                    return (remaining, outBuffer.pos, inBuffer.pos)
                }
            }
            guard ZSTD_isError(remaining) == 0 else {
                throw TraceError(.unwritableOutput, at: SourceLocation(file: path, line: 0), "cannot compress: \(String(cString: ZSTD_getErrorName(remaining)))")
            }
            consumed = read
            try writeWhole(output[..<produced])
            if ending ? remaining == 0 : consumed == buffer.count { return }
        }
    }

    private func writeWhole(_ bytes: ArraySlice<UInt8>) throws(TraceError) {
        var error: TraceError?
        bytes.withContiguousStorageIfAvailable { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    error = failure("cannot write")
                    return
                }
                offset += written
            }
        }
        if let error { throw error }
        bytesWritten += bytes.count
    }

    private func failure(_ what: String) -> TraceError {
        TraceError(.unwritableOutput, at: SourceLocation(file: path, line: 0), "\(what): \(String(cString: strerror(errno)))")
    }
}
