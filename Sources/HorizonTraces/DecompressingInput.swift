import HorizonCommon
import Foundation

/// The decompressed text of a gzip or zstd input, read from its descriptor a buffer at a
/// time; ``LineBatchReader`` reads from it as it reads a plain stream.
final class DecompressingInput {
    private let decompressor: Decompressor
    private let descriptor: Int32
    private let file: String
    private let buffer: UnsafeMutableRawPointer
    private let bufferSize = 1 << 18
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    /// Compressed bytes taken from the file so far.
    private(set) var compressedBytesRead = 0

    /// - Parameter prefix: Bytes already read from `descriptor` (its magic).
    init(format: CompressionFormat, descriptor: Int32, file: String, prefix: [UInt8]) throws(TraceError) {
        do {
            decompressor = try Decompressor(format: format)
        } catch {
            throw TraceError(.unreadableInput, at: SourceLocation(file: file, line: 0), error.message)
        }
        self.descriptor = descriptor
        self.file = file
        buffer = .allocate(byteCount: max(bufferSize, prefix.count), alignment: 8)
        prefix.withUnsafeBytes { if let source = $0.baseAddress { buffer.copyMemory(from: source, byteCount: $0.count) } }
        end = prefix.count
        compressedBytesRead = prefix.count
    }

    deinit { buffer.deallocate() }

    /// Decompresses up to `count` bytes into `destination`.
    ///
    /// - Returns: The bytes produced; 0 only at the end of the input.
    /// - Throws: ``TraceError/Reason/unreadableInput`` (line 0; the caller knows the line)
    ///   for corrupt or truncated data, or a failed read.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(TraceError) -> Int {
        let output = UnsafeMutableRawBufferPointer(start: destination, count: count)
        while true {
            if start == end, !atEndOfFile { try refill() }
            let step: (consumed: Int, produced: Int)
            do {
                step = try decompressor.decode(UnsafeRawBufferPointer(start: buffer + start, count: end - start), into: output)
            } catch {
                throw failure(error.message)
            }
            start += step.consumed
            if step.produced > 0 { return step.produced }
            if start == end, atEndOfFile {
                guard decompressor.isBetweenFrames else { throw failure(decompressor.truncatedMessage) }
                return 0
            }
            if step.consumed == 0 {
                // The decoder holds a partial header it cannot finish without more bytes.
                guard !atEndOfFile else { throw failure(decompressor.truncatedMessage) }
                try refill()
            }
        }
    }

    /// Moves the unconsumed bytes to the front and reads more after them.
    private func refill() throws(TraceError) {
        if start > 0 {
            buffer.copyMemory(from: buffer + start, byteCount: end - start)
            end -= start
            start = 0
        }
        while true {
            let got = Foundation.read(descriptor, buffer + end, bufferSize - end)
            if got < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { atEndOfFile = true }
            end += got
            compressedBytesRead += got
            return
        }
    }

    private func failure(_ message: String) -> TraceError {
        TraceError(.unreadableInput, at: SourceLocation(file: file, line: 0), message)
    }
}
