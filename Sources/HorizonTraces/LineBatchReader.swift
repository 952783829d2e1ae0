import Foundation

/// Reads one file (or standard input) in large blocks and cuts it into ``LineBatch``es of
/// whole lines.
///
/// Memory is bounded by one block plus the longest line: a line longer than a block is read
/// on into a growing buffer until its line break arrives; the file is never held whole.
/// A UTF-8 byte-order mark at the start of the file is dropped.
struct LineBatchReader: ~Copyable {
    /// The name used in locations: the path, or `<stdin>` for `-`.
    let file: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let blockSize: Int
    /// Bytes after the last complete line of the previous batch.
    private var pending: [UInt8] = []
    private var nextLineNumber = 1
    private var atEndOfFile = false
    private var atStartOfFile = true

    /// The path that means standard input.
    static let standardInputPath = "-"

    /// Opens `path` (`-`: standard input).
    ///
    /// - Throws: ``TraceError/Reason/unreadableInput`` when the file cannot be opened.
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
                throw TraceError(.unreadableInput, at: SourceLocation(file: path, line: 0), "cannot open: \(Self.lastSystemError())")
            }
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The size of the file when it is a regular file.
    var regularFileSize: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// The next batch of whole lines, or `nil` at the end of the file.
    ///
    /// - Throws: ``TraceError/Reason/unreadableInput`` when reading fails.
    /// - Complexity: O(bytes returned), amortised (a long line is copied O(log length) times).
    mutating func nextBatch() throws(TraceError) -> LineBatch? {
        guard !(atEndOfFile && pending.isEmpty) else { return nil }
        var bytes = pending
        pending = []
        var scanned = 0
        var lineBreaks: [Int] = []
        while !atEndOfFile {
            try readBlock(into: &bytes)
            if atStartOfFile {
                atStartOfFile = false
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            }
            Self.findLineBreaks(in: bytes, from: scanned, into: &lineBreaks)
            scanned = bytes.count
            if !lineBreaks.isEmpty { break }
        }
        if atEndOfFile, lineBreaks.isEmpty, bytes.isEmpty { return nil }

        var lineStarts: [Int] = []
        var lineEnds: [Int] = []
        lineStarts.reserveCapacity(lineBreaks.count + 1)
        lineEnds.reserveCapacity(lineBreaks.count + 1)
        var start = 0
        for lineBreak in lineBreaks {
            lineStarts.append(start)
            lineEnds.append(lineBreak)
            start = lineBreak + 1
        }
        let fileByteCount: Int
        if start < bytes.count {
            if atEndOfFile {
                // The last line has no line break.
                lineStarts.append(start)
                lineEnds.append(bytes.count)
                bytes.append(ASCII.newline)
                fileByteCount = bytes.count - 1
            } else {
                pending = Array(bytes[start...])
                bytes.removeSubrange(start...)
                fileByteCount = bytes.count
            }
        } else {
            fileByteCount = bytes.count
        }
        // Put the sentinel NUL in place of each line break (and of a `\r` before it).
        for index in lineEnds.indices {
            let end = lineEnds[index]
            bytes[end] = 0
            if end > lineStarts[index], bytes[end - 1] == ASCII.carriageReturn {
                bytes[end - 1] = 0
                lineEnds[index] = end - 1
            }
        }
        let batch = LineBatch(
            file: file, bytes: bytes, lineStarts: lineStarts, lineEnds: lineEnds,
            firstLineNumber: nextLineNumber, fileByteCount: fileByteCount)
        nextLineNumber += lineStarts.count
        return batch
    }

    /// Reads more of the file into a new buffer holding `bytes` first: one block, or as many
    /// bytes as `bytes` already holds when that is more (a long line), so that a line is
    /// copied O(log length) times; one spare byte is left for a final line break.
    private mutating func readBlock(into bytes: inout [UInt8]) throws(TraceError) {
        let old = bytes
        let wanted = Swift.max(blockSize, old.count)
        var failure: Int32 = 0
        var reachedEnd = false
        bytes = [UInt8](unsafeUninitializedCapacity: old.count + wanted + 1) { buffer, initialized in
            let base = buffer.baseAddress!
            old.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
            }
            initialized = old.count
            let limit = old.count + wanted
            while initialized < limit {
                let count = read(descriptor, base + initialized, limit - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 {
                    reachedEnd = true
                    return
                }
                initialized += count
            }
        }
        if failure != 0 {
            throw TraceError(
                .unreadableInput, at: SourceLocation(file: file, line: nextLineNumber),
                "cannot read: \(String(cString: strerror(failure)))")
        }
        if reachedEnd { atEndOfFile = true }
    }

    /// Appends the offsets of the line breaks in `bytes[from...]`.
    private static func findLineBreaks(in bytes: [UInt8], from start: Int, into lineBreaks: inout [Int]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = start
            while position < buffer.count {
                guard let found = memchr(base + position, Int32(ASCII.newline), buffer.count - position) else { return }
                let offset = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                lineBreaks.append(offset)
                position = offset + 1
            }
        }
    }

    private static func lastSystemError() -> String { String(cString: strerror(errno)) }
}
