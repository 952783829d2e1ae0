import CZlib
import CZstd

/// The compressed formats Horizon reads, told apart by their magic bytes rather than by the
/// file's extension.
public enum CompressionFormat: String, Sendable, CaseIterable {
    case gzip
    case zstd

    /// The bytes every member (gzip) or frame (zstd) starts with.
    var magic: [UInt8] {
        switch self {
        case .gzip: [0x1F, 0x8B]
        case .zstd: [0x28, 0xB5, 0x2F, 0xFD]
        }
    }

    /// The most bytes ``detect(_:)`` looks at.
    package static let magicLength = 4

    /// The format whose magic `prefix` starts with, or `nil` for anything else (plain text).
    package static func detect(_ prefix: some Collection<UInt8>) -> CompressionFormat? {
        allCases.first { prefix.starts(with: $0.magic) }
    }
}

/// Why compressed bytes could not be decoded, worded for a message after the file's name.
package struct DecompressionFailure: Error, Sendable {
    package var message: String
}

/// Streams gzip or zstd data through zlib or libzstd, one buffer at a time.
///
/// Concatenated gzip members and consecutive zstd frames (skippable ones included) decode
/// as one text, which is what appending writers produce. Memory is the library's window
/// (at most 8 MB for zstd's default levels) whatever the size of the input.
///
/// Not `Sendable`: the library state belongs to one reader.
package final class Decompressor {
    package let format: CompressionFormat
    private var gzipStream: UnsafeMutablePointer<z_stream>?
    private var zstdStream: OpaquePointer?
    /// Whether the data so far ends exactly at the end of a member or frame (so an input
    /// that ends here is whole). True before any data.
    package private(set) var isBetweenFrames = true

    package init(format: CompressionFormat) throws(DecompressionFailure) {
        self.format = format
        switch format {
        case .gzip:
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard horizon_inflate_init_gzip(stream) == Z_OK else {
                stream.deallocate()
                throw DecompressionFailure(message: "cannot start zlib")
            }
            gzipStream = stream
        case .zstd:
            guard let stream = ZSTD_createDStream() else { throw DecompressionFailure(message: "cannot start libzstd") }
            zstdStream = stream
        }
    }

    deinit {
        if let gzipStream {
            inflateEnd(gzipStream)
            gzipStream.deallocate()
        }
        if let zstdStream { ZSTD_freeDStream(zstdStream) }
    }

    /// Decodes from the start of `input` into the start of `output`.
    ///
    /// - Returns: How many input bytes were consumed and output bytes produced; it stops
    ///   early (possibly at 0 and 0) when it needs more input or more room, and right after
    ///   a member or frame ends, so that callers can note where whole frames end.
    /// - Throws: ``DecompressionFailure`` for data that is not valid in the format.
    package func decode(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(DecompressionFailure) -> (consumed: Int, produced: Int) {
        // Empty input still flushes what the library holds back for lack of room, but a new
        // member or frame has not begun.
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress, input.count > 0 || !isBetweenFrames
        else { return (0, 0) }
        if let stream = gzipStream {
            if isBetweenFrames, !(input.count < 2 || input.starts(with: format.magic)) {
                throw DecompressionFailure(message: "data after the last gzip member is not gzip")
            }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(min(input.count, Int(UInt32.max)))
            stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(min(output.count, Int(UInt32.max)))
            let status = inflate(stream, Z_NO_FLUSH)
            let consumed = inputBase.distance(to: UnsafeRawPointer(stream.pointee.next_in))
            let produced = UnsafeRawPointer(outputBase).distance(to: UnsafeRawPointer(stream.pointee.next_out))
            switch status {
            case Z_STREAM_END:
                isBetweenFrames = true
                inflateReset(stream)  // a further member may follow
            case Z_OK, Z_BUF_ERROR:
                isBetweenFrames = false
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw DecompressionFailure(message: "corrupt gzip data: \(detail)")
            }
            return (consumed, produced)
        }
        guard let stream = zstdStream else { return (0, 0) }
        var inBuffer = ZSTD_inBuffer(src: inputBase, size: input.count, pos: 0)
        var outBuffer = ZSTD_outBuffer(dst: outputBase, size: output.count, pos: 0)
        let hint = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
        if ZSTD_isError(hint) != 0 {
            throw DecompressionFailure(message: "corrupt zstd data: \(String(cString: ZSTD_getErrorName(hint)))")
        }
        // 0: a frame ended and all of it was flushed.
        isBetweenFrames = hint == 0
        return (inBuffer.pos, outBuffer.pos)
    }

    /// The message for an input that ended inside a member or frame.
    package var truncatedMessage: String {
        "truncated \(format.rawValue) data: the file ends inside a \(format == .gzip ? "member" : "frame")"
    }
}
