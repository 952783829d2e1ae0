/// Whole lines of one file, read in one block: the unit of work a worker thread parses.
///
/// Each line is followed in `bytes` by a NUL byte (the line break, or a `\r\n`'s `\r`, is
/// overwritten; a last line without a break gets one appended), which is the sentinel the
/// scanner relies on. The bytes are the batch's own copy, so workers need no locking.
struct LineBatch: Sendable {
    var file: String
    var bytes: [UInt8]
    /// For each line, its start offset in `bytes`; it ends at its NUL.
    var lineStarts: [Int]
    var lineEnds: [Int]
    /// The 1-based number of the first line in its file.
    var firstLineNumber: Int
    /// How many bytes of the file the batch covers (line breaks included).
    var fileByteCount: Int
}
