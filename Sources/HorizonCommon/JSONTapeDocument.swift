/// The text and tape of the document being decoded, shared by every container reading it.
/// It lives only during ``JSONCursorDecoder/decode(_:from:)``, which owns the bytes.
final class JSONTapeDocument {
    let base: UnsafePointer<UInt8>
    let count: Int
    let tape: JSONTape
    let nonFiniteStrings: JSONCursorDecoder.NonFiniteStrings?
    /// Reused for strings with escapes.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, tape: JSONTape, nonFiniteStrings: JSONCursorDecoder.NonFiniteStrings?) {
        self.base = base
        self.count = count
        self.tape = tape
        self.nonFiniteStrings = nonFiniteStrings
    }

    /// A cursor at `offset` of the document.
    @inline(__always) func cursor(at offset: Int) -> JSONCursor {
        var cursor = JSONCursor(document: base, count: count)
        cursor.position = offset
        return cursor
    }
}
