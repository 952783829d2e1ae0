/// Whole lines of one input: the unit of work a worker thread parses.
///
/// The lines lie in `storage` at `range`, each followed by its line feed, except that the
/// last line of an input may lack one; then the storage holds a readable zero byte after
/// it. Either way every line is terminated as ``JSONCursor`` requires, without copying.
struct LineBatch: Sendable {
    var file: String
    var storage: ByteStorage
    var range: Range<Int>
    /// Whether this is the first batch of its input (line numbers restart at 1).
    var startsInput: Bool
    /// How many bytes of the input the batch covers.
    var inputByteCount: Int
}
