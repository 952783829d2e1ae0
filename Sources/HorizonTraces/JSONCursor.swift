/// A position in one JSON line, with the byte-level scanning the trace parser is built from.
///
/// The cursor reads raw memory without bounds checks. It starts at the line's first byte
/// and may be given more than the line: `base[0..<end]` must be readable, and the line ends
/// at its first line feed, or at `end`, where there must be a readable NUL or line feed.
/// (A JSONL line holds no raw line feed, and a line feed is not whitespace to the cursor.)
/// Neither terminator is whitespace, a digit, a quote or a bracket, so every scanning loop
/// stops there by itself without knowing where the line ends; only the rare paths that stop
/// on one ask whether it is the end of the line. So a batch of lines is parsed line after
/// line without first searching for the line feeds: the parse of one line says where it ended.
///
/// Beyond RFC 8259 it accepts `NaN`, `Infinity` and `-Infinity` where a number may stand,
/// because Python's `json` module writes them; the parser then rejects them where they are
/// not allowed (a log-probability may be `-Infinity`, never `NaN` or `Infinity`).
struct JSONCursor {
    let base: UnsafePointer<UInt8>
    /// The end of the readable bytes (at most the end of the line's batch).
    let end: Int
    var position: Int

    /// Deepest nesting accepted, so that a hostile line cannot exhaust the stack.
    static let maximumDepth = 512

    init(base: UnsafePointer<UInt8>, end: Int) {
        // Checked in this order: after a final line feed, `base[end]` may lie beyond the input.
        precondition(
            (end > 0 && base[end - 1] == ASCII.newline) || base[end] == 0 || base[end] == ASCII.newline,
            "JSONCursor needs a terminated line")
        self.base = base
        self.end = end
        self.position = 0
    }

    // MARK: Errors

    /// A syntax error at the current position.
    func syntaxError(_ expectation: String) -> LineFault {
        LineFault(.malformedJSON, "\(expectation), found \(foundDescription)", offset: position)
    }

    private var foundDescription: String {
        if isAtEndOfLine { return "the end of the line" }
        let byte = base[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Structure

    /// Whether the cursor is at the line feed or the end that ends the line.
    var isAtEndOfLine: Bool { position >= end || base[position] == ASCII.newline }

    /// Moves past spaces, tabs and carriage returns (a line feed ends the line).
    @inline(__always) mutating func skipWhitespace() {
        while true {
            let byte = base[position]
            guard byte == ASCII.space || byte == ASCII.carriageReturn || byte == ASCII.tab else { return }
            position &+= 1
        }
    }

    /// The next non-whitespace byte (the terminator at the end of the line), without consuming it.
    @inline(__always) mutating func peek() -> UInt8 {
        var byte = base[position]
        if byte > ASCII.space { return byte }
        // Most often a single space (Python's `", "` and `": "` separators).
        if byte == ASCII.space {
            position &+= 1
            byte = base[position]
            if byte > ASCII.space { return byte }
        }
        skipWhitespace()
        return base[position]
    }

    /// Consumes `{`; returns whether the object has members (the cursor is then at the first key).
    @inline(__always) mutating func enterObject() throws(LineFault) -> Bool {
        guard peek() == ASCII.openBrace else { throw syntaxError("expected '{'") }
        position &+= 1
        if peek() == ASCII.closeBrace {
            position &+= 1
            return false
        }
        return true
    }

    /// Reads a member's key and the `:` after it.
    @inline(__always) mutating func readKey() throws(LineFault) -> RawString {
        guard peek() == ASCII.quote else { throw syntaxError("expected a quoted object key") }
        let key = try scanString()
        guard peek() == ASCII.colon else { throw syntaxError("expected ':' after an object key") }
        position &+= 1
        return key
    }

    /// After a member's value: consumes `,` (returns `true`) or the closing `}` (returns `false`).
    @inline(__always) mutating func nextMember() throws(LineFault) -> Bool {
        let byte = peek()
        position &+= 1
        if byte == ASCII.comma { return true }
        if byte == ASCII.closeBrace { return false }
        position &-= 1
        throw syntaxError("expected ',' or '}' after an object member")
    }

    /// Consumes `[`; returns whether the array has elements (the cursor is then at the first).
    @inline(__always) mutating func enterArray() throws(LineFault) -> Bool {
        guard peek() == ASCII.openBracket else { throw syntaxError("expected '['") }
        position &+= 1
        if peek() == ASCII.closeBracket {
            position &+= 1
            return false
        }
        return true
    }

    /// After an element: consumes `,` (returns `true`) or the closing `]` (returns `false`).
    @inline(__always) mutating func nextElement() throws(LineFault) -> Bool {
        let byte = peek()
        position &+= 1
        if byte == ASCII.comma { return true }
        if byte == ASCII.closeBracket { return false }
        position &-= 1
        throw syntaxError("expected ',' or ']' after an array element")
    }

    /// Consumes `null` if it comes next; returns whether it did.
    @inline(__always) mutating func skipNull() -> Bool {
        guard peek() == ASCII.n, base[position &+ 1] == ASCII.u, base[position &+ 2] == ASCII.l,
            base[position &+ 3] == ASCII.l
        else { return false }
        position &+= 4
        return true
    }

    /// Requires that nothing but whitespace follows up to the end of the line, and moves there.
    mutating func expectEndOfLine() throws(LineFault) {
        skipWhitespace()
        guard isAtEndOfLine else { throw syntaxError("expected the end of the line after the object") }
    }

    // MARK: Skipping

    /// Moves past one value of any type, checking its syntax, and says what it was.
    ///
    /// - Complexity: O(length of the value).
    mutating func scanValue(depth: Int = 0) throws(LineFault) -> JSONValueSpan {
        let byte = peek()
        let start = position
        switch byte {
        case ASCII.quote:
            let string = try scanString()
            return JSONValueSpan(kind: .string, start: start, end: position, string: string)
        case ASCII.openBrace:
            guard depth < Self.maximumDepth else { throw syntaxError("nesting deeper than \(Self.maximumDepth)") }
            if try enterObject() {
                repeat {
                    _ = try readKey()
                    _ = try scanValue(depth: depth + 1)
                } while try nextMember()
            }
            return JSONValueSpan(kind: .object, start: start, end: position)
        case ASCII.openBracket:
            guard depth < Self.maximumDepth else { throw syntaxError("nesting deeper than \(Self.maximumDepth)") }
            if try enterArray() {
                repeat { _ = try scanValue(depth: depth + 1) } while try nextElement()
            }
            return JSONValueSpan(kind: .array, start: start, end: position)
        case ASCII.t:
            try expectWord("true")
            return JSONValueSpan(kind: .bool, start: start, end: position)
        case ASCII.f:
            try expectWord("false")
            return JSONValueSpan(kind: .bool, start: start, end: position)
        case ASCII.n:
            try expectWord("null")
            return JSONValueSpan(kind: .null, start: start, end: position)
        default:
            try skipNumber()
            return JSONValueSpan(kind: .number, start: start, end: position)
        }
    }

    /// Moves past one value the parser does not need, checking its syntax.
    ///
    /// Strings are skipped directly and arrays of non-negative integers (`bytes`,
    /// `text_offset`) in one tight loop; anything else goes through ``scanValue(depth:)``.
    @inline(__always) mutating func skipValue() throws(LineFault) {
        switch peek() {
        case ASCII.quote: _ = try scanString()
        case ASCII.openBracket: try skipArray()
        default: _ = try scanValue()
        }
    }

    /// Moves past the array at the cursor; a tight loop for integer arrays, else ``scanValue(depth:)``.
    @inline(__always) private mutating func skipArray() throws(LineFault) {
        if let end = endOfIntegerArray(at: position) {
            position = end
        } else {
            _ = try scanValue()
        }
    }

    /// Where the array of non-negative integers starting at `offset` ends (one past its `]`),
    /// or `nil` when it is not such an array (or is empty, or has odd spacing).
    private func endOfIntegerArray(at offset: Int) -> Int? {
        var offset = offset + 1
        while true {
            if base[offset] == ASCII.space { offset &+= 1 }
            let first = offset
            while base[offset] &- ASCII.zero <= 9 { offset &+= 1 }
            // A digit run with no leading zero, then ',' or ']'.
            guard offset > first, base[first] != ASCII.zero || offset == first + 1 else { return nil }
            if base[offset] == ASCII.space { offset &+= 1 }
            let next = base[offset]
            offset &+= 1
            if next == ASCII.comma { continue }
            return next == ASCII.closeBracket ? offset : nil
        }
    }

    /// Consumes the exact ASCII word `word` or throws.
    mutating func expectWord(_ word: StaticString) throws(LineFault) {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (offset, byte) in bytes.enumerated() where base[position &+ offset] != byte {
            position &+= offset
            throw syntaxError("expected '\(word)'")
        }
        position &+= bytes.count
    }

    /// The bytes `start..<end` of the line.
    @inline(__always) func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }
}

/// What kind of JSON value a span holds.
enum JSONValueKind: Equatable {
    case string, number, object, array, bool, null
}

/// Where a scanned value lies in the line; strings also carry their raw contents.
struct JSONValueSpan {
    var kind: JSONValueKind
    /// Offsets of the value's first byte and one past its last.
    var start: Int
    var end: Int
    var string: RawString?

    init(kind: JSONValueKind, start: Int, end: Int, string: RawString? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.string = string
    }
}

/// The bytes JSON's syntax is made of.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let upperI: UInt8 = 0x49
    static let upperN: UInt8 = 0x4E
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let b: UInt8 = 0x62
    static let e: UInt8 = 0x65
    static let f: UInt8 = 0x66
    static let l: UInt8 = 0x6C
    static let n: UInt8 = 0x6E
    static let r: UInt8 = 0x72
    static let t: UInt8 = 0x74
    static let u: UInt8 = 0x75
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
}
