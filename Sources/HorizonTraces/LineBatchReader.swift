import HorizonCommon
import Foundation
import HorizonCommon

/// Reads one input (a file, or standard input for `-`) and cuts it into ``LineBatch``es of
/// whole lines, about one block each.
///
/// A regular file is mapped into memory and cut in place: nothing is copied, and the pages
/// of consumed batches are handed back to the kernel (``ByteStorage/discardPages(in:)``).
/// A stream (a pipe, a terminal) is read block by block into buffers, the partial line at
/// the end of a block carried into the next; a line longer than a block is read on into a
/// buffer that doubles until its line feed arrives. Either way memory is bounded by the
/// batches in flight plus the longest line, never by the size of the input.
///
/// A gzip or zstd input (told by its magic bytes, whatever its name) is decompressed as it is
/// read and then cut like a stream, so memory stays bounded for it too; line numbers count
/// the lines of the decompressed text.
///
/// A UTF-8 byte-order mark at the start of the input is skipped.
///
/// A mapped file must not shrink while it is read (the system would stop the process on
/// reading the lost pages); trace files are written before they are analysed.
struct LineBatchReader: ~Copyable {
    /// The name used in locations: the path, or `<stdin>` for `-`.
    let file: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let blockSize: Int
    /// The whole file, when it is a regular file that could be mapped.
    private var mapping: ByteStorage?
    private var mappedOffset = 0
    /// A compressed input's decoder; the stream is read through it.
    private var decompressing: DecompressingInput?
    /// Compressed bytes already counted in a batch's ``LineBatch/inputByteCount``.
    private var compressedBytesCounted = 0
    /// Streams: bytes read while looking for a compression magic, to be read again first.
    private var peeked: [UInt8] = []
    /// Streams: the bytes after the last line feed read so far.
    private var pending: [UInt8] = []
    /// Why a compressed input stopped decoding, thrown once the whole lines before are out.
    private var deferredError: TraceError?
    private var atEndOfInput = false
    private var startsInput = true

    /// The path that means standard input.
    static let standardInputPath = "-"

    /// Opens `path` (`-`: standard input).
    ///
    /// - Throws: ``TraceError/Reason/unreadableInput`` when the file cannot be opened or read.
    init(path: String, blockSize: Int) throws(TraceError) {
        self.blockSize = max(blockSize, 1)
        if path == Self.standardInputPath {
            file = "<stdin>"
            descriptor = 0
            ownsDescriptor = false
        } else {
            file = path
            descriptor = open(path, O_RDONLY)
            ownsDescriptor = true
            guard descriptor >= 0 else {
                throw TraceError(
                    .unreadableInput, at: SourceLocation(file: path, line: 0),
                    "cannot open: \(String(cString: strerror(errno)))")
            }
        }
        var status = stat()
        let isRegular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        var magic = [UInt8](repeating: 0, count: CompressionFormat.magicLength)
        let magicCount: Int
        if isRegular {
            magicCount = max(0, pread(descriptor, &magic, magic.count, 0))  // leaves the offset at 0
        } else {
            magicCount = try readAvailable(into: &magic, count: magic.count)
            peeked = Array(magic[..<magicCount])
        }
        if let format = CompressionFormat.detect(magic[..<magicCount]) {
            decompressing = try DecompressingInput(format: format, descriptor: descriptor, file: file, prefix: peeked)
            peeked = []
            return
        }
        guard isRegular, let storage = ByteStorage(mapping: descriptor, size: Int(status.st_size)) else { return }
        // The last line needs a terminator: its line feed, or the zero fill of its last page.
        let size = storage.count
        guard storage.base[size - 1] == ASCII.newline || size % ByteStorage.pageSize != 0 else { return }
        mapping = storage
        if Self.startsWithByteOrderMark(storage.base, count: size) { mappedOffset = 3 }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next batch of whole lines, or `nil` at the end of the input.
    ///
    /// - Throws: ``TraceError/Reason/unreadableInput`` when reading fails.
    /// - Complexity: O(bytes returned) for a stream (a long line is copied O(log length)
    ///   times); O(length of the block's last line) for a mapped file.
    mutating func nextBatch() throws(TraceError) -> LineBatch? {
        defer { startsInput = false }
        if let mapping { return nextMappedBatch(of: mapping) }
        return try nextStreamedBatch()
    }

    private mutating func nextMappedBatch(of mapping: ByteStorage) -> LineBatch? {
        let start = mappedOffset
        guard start < mapping.count else { return nil }
        var end = min(start + blockSize, mapping.count)
        if end < mapping.count {
            // Run on to the end of the line the block ends in.
            let rest = UnsafeRawPointer(mapping.base + end - 1)
            if let found = memchr(rest, Int32(ASCII.newline), mapping.count - end + 1) {
                end += UnsafeRawPointer(found) - rest
            } else {
                end = mapping.count
            }
        }
        mappedOffset = end
        return LineBatch(file: file, storage: mapping, range: start..<end, startsInput: startsInput, inputByteCount: end - start)
    }

    private mutating func nextStreamedBatch() throws(TraceError) -> LineBatch? {
        guard !(atEndOfInput && pending.isEmpty && peeked.isEmpty) else {
            if let deferredError { throw deferredError }
            return nil
        }
        // One byte of room is kept for a line feed after a last line that has none.
        var capacity = pending.count + blockSize + 1
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        var filled = pending.count
        pending.withUnsafeBytes { if let source = $0.baseAddress { buffer.copyMemory(from: source, byteCount: $0.count) } }
        pending = []
        var scanned = filled  // the carried bytes hold no line feed
        var lastLineFeed: Int?
        while !atEndOfInput || !peeked.isEmpty {
            do {
                filled += try readAvailable(into: buffer + filled, count: capacity - 1 - filled)
            } catch {
                buffer.deallocate()
                throw error
            }
            lastLineFeed = Self.lastLineFeed(in: buffer.assumingMemoryBound(to: UInt8.self), from: scanned, to: filled)
            scanned = filled
            if lastLineFeed != nil { break }
            if filled == capacity - 1 {
                // A line longer than what is buffered: double the buffer.
                capacity = 2 * capacity
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
                larger.copyMemory(from: buffer, byteCount: filled)
                buffer.deallocate()
                buffer = larger
            }
        }
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        if let deferredError {
            // The text breaks off inside a line: hand out the whole lines before it only.
            guard let lastLineFeed = Self.lastLineFeed(in: bytes, from: 0, to: filled) else {
                buffer.deallocate()
                throw deferredError
            }
            pending = []
            filled = lastLineFeed + 1
        }
        var end = filled
        var inputByteCount = filled
        if let lastLineFeed, lastLineFeed + 1 < filled, !atEndOfInput {
            end = lastLineFeed + 1
            pending = Array(UnsafeBufferPointer(start: bytes + end, count: filled - end))
            inputByteCount = end
        }
        if let decompressing {
            // Progress is measured against file sizes, so count the compressed bytes.
            inputByteCount = decompressing.compressedBytesRead - compressedBytesCounted
            compressedBytesCounted = decompressing.compressedBytesRead
        }
        if end == filled, filled > 0, bytes[filled - 1] != ASCII.newline {
            bytes[filled] = ASCII.newline  // the input's last line has none
            end = filled + 1
        }
        guard end > 0 else {
            buffer.deallocate()
            return nil
        }
        let start = startsInput && Self.startsWithByteOrderMark(bytes, count: end) ? 3 : 0
        return LineBatch(
            file: file, storage: ByteStorage(adopting: buffer, count: end), range: start..<end,
            startsInput: startsInput, inputByteCount: decompressing == nil ? inputByteCount - start : inputByteCount)
    }

    /// Reads until `count` bytes arrived or the input ended (then sets `atEndOfInput`):
    /// the peeked bytes first, then the stream or its decompressed text.
    private mutating func readAvailable(into destination: UnsafeMutableRawPointer, count: Int) throws(TraceError) -> Int {
        var total = min(peeked.count, count)
        peeked.withUnsafeBytes { if let source = $0.baseAddress { destination.copyMemory(from: source, byteCount: total) } }
        peeked.removeFirst(total)
        while total < count, !atEndOfInput {
            if let decompressing {
                let got: Int
                do {
                    got = try decompressing.read(into: destination + total, count: count - total)
                } catch {
                    deferredError = error
                    atEndOfInput = true
                    break
                }
                if got == 0 {
                    atEndOfInput = true
                    break
                }
                total += got
                continue
            }
            let got = read(descriptor, destination + total, count - total)
            if got < 0 {
                if errno == EINTR { continue }
                throw TraceError(
                    .unreadableInput, at: SourceLocation(file: file, line: 0),
                    "cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 {
                atEndOfInput = true
                break
            }
            total += got
        }
        return total
    }

    /// The offset of the last line feed in `bytes[lower..<upper]`.
    private static func lastLineFeed(in bytes: UnsafeMutablePointer<UInt8>, from lower: Int, to upper: Int) -> Int? {
        var index = upper
        while index > lower {
            index -= 1
            if bytes[index] == ASCII.newline { return index }
        }
        return nil
    }

    private static func startsWithByteOrderMark(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
