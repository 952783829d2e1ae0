/// The structure of one JSON document, found in one pass of ``JSONCursor``: an entry per value
/// (and per object key), in document order.
///
/// ``JSONCursorDecoder`` reads a document through it: `Codable` asks for an object's members by
/// key in its own order, not the file's, and the tape lets it find a member and step over a whole
/// nested value in O(1) instead of scanning the text again at every level. Numbers and strings
/// are only located here; their values are read when asked for.
struct JSONTape {
    struct Entry {
        /// Offset of the value's first byte; for a string or key, of the first byte after its quote.
        var start: Int
        /// A string's closing quote; a container's: the index of the entry after its last one.
        var end: Int
        /// Members of an object, elements of an array.
        var count: Int32
        var kind: JSONValueKind
        var hasEscapes: Bool
    }

    var entries: [Entry] = []

    /// The index of the entry after the value at `index` and everything inside it.
    @inline(__always) func after(_ index: Int) -> Int {
        let entry = entries[index]
        return entry.kind == .object || entry.kind == .array ? entry.end : index + 1
    }

    /// The string (or key) at `index` as the cursor's raw string.
    @inline(__always) func rawString(_ index: Int) -> RawString {
        let entry = entries[index]
        return RawString(start: entry.start, end: entry.end, hasEscapes: entry.hasEscapes)
    }
}

extension JSONCursor {
    /// Records the value at the cursor, and everything inside it, on `tape`, checking its syntax.
    ///
    /// - Throws: ``JSONSyntaxError`` at the first byte that is not JSON, or nesting beyond
    ///   ``maximumDepth``.
    mutating func record(on tape: inout JSONTape, depth: Int = 0) throws(JSONSyntaxError) {
        let byte = peek()
        let start = position
        switch byte {
        case ASCII.quote:
            let string = try scanString()
            tape.entries.append(.init(start: string.start, end: string.end, count: 0, kind: .string, hasEscapes: string.hasEscapes))
        case ASCII.openBrace, ASCII.openBracket:
            guard depth < Self.maximumDepth else { throw syntaxError("nesting deeper than \(Self.maximumDepth)") }
            let isObject = byte == ASCII.openBrace
            let index = tape.entries.count
            tape.entries.append(.init(start: start, end: 0, count: 0, kind: isObject ? .object : .array, hasEscapes: false))
            var count: Int32 = 0
            if isObject {
                if try enterObject() {
                    repeat {
                        let key = try readKey()
                        tape.entries.append(.init(start: key.start, end: key.end, count: 0, kind: .string, hasEscapes: key.hasEscapes))
                        try record(on: &tape, depth: depth + 1)
                        count += 1
                    } while try nextMember()
                }
            } else if try enterArray() {
                repeat {
                    try record(on: &tape, depth: depth + 1)
                    count += 1
                } while try nextElement()
            }
            tape.entries[index].end = tape.entries.count
            tape.entries[index].count = count
        case ASCII.t, ASCII.f:
            try expectWord(byte == ASCII.t ? "true" : "false")
            tape.entries.append(.init(start: start, end: position, count: 0, kind: .bool, hasEscapes: false))
        case ASCII.n:
            try expectWord("null")
            tape.entries.append(.init(start: start, end: position, count: 0, kind: .null, hasEscapes: false))
        default:
            try skipNumber()
            tape.entries.append(.init(start: start, end: position, count: 0, kind: .number, hasEscapes: false))
        }
    }
}
