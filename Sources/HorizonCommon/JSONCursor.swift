/// A position in JSON text, with the byte-level scanning every JSON reader in Horizon is
/// built from: the trace parser, the client's response scanner and the ``JSONValue`` DOM.
///
/// It reads one of two kinds of text:
/// - a **line** (``init(base:end:)``), as the trace reader hands out: a line feed ends it;
/// - a **document** (``init(document:count:)``), such as a response body or an event's data:
///   line feeds are whitespace and only `count` ends it.
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
/// Beyond RFC 8259 the number grammar accepts `NaN`, `Infinity` and `-Infinity` where a number
/// may stand, because Python's `json` module writes them (and servers built on it pass them
/// through). Each reader then decides where they are allowed: the trace parser takes
/// `-Infinity` as a log-probability (probability 0) and rejects `NaN` and `Infinity` there,
/// as everywhere else; the DOM keeps them as number literals (docs/trace-format.md, *Numbers*).
///
/// The type is `public` and its members `package`: Swift 6.3 does not inline the `@inlinable`
/// members of a `package` type into other modules, and the trace reader and the sampling client
/// call these per byte. No member is usable outside this package.
public struct JSONCursor {
    @usableFromInline package let base: UnsafePointer<UInt8>
    /// The end of the readable bytes (at most the end of the line's batch).
    @usableFromInline package let end: Int
    @usableFromInline package var position: Int
    /// Whether line feeds are whitespace (a document) rather than the end (a line).
    @usableFromInline package let isDocument: Bool

    /// Deepest nesting accepted, so that a hostile line cannot exhaust the stack.
    package static let maximumDepth = 512

    @inlinable package init(base: UnsafePointer<UInt8>, end: Int) {
        // Checked in this order: after a final line feed, `base[end]` may lie beyond the input.
        precondition(
            (end > 0 && base[end - 1] == ASCII.newline) || base[end] == 0 || base[end] == ASCII.newline,
            "JSONCursor needs a terminated line")
        self.base = base
        self.end = end
        self.position = 0
        self.isDocument = false
    }

    /// A cursor over the document `base[0..<count]`, in which line feeds are whitespace.
    ///
    /// - Precondition: `base[count]` is readable and NUL (the terminator every scanning loop
    ///   stops at).
    @inlinable package init(document base: UnsafePointer<UInt8>, count: Int) {
        precondition(base[count] == 0, "JSONCursor needs a NUL after the document")
        self.base = base
        self.end = count
        self.position = 0
        self.isDocument = true
    }

    // MARK: Errors

    /// A syntax error at the current position.
    @usableFromInline package func syntaxError(_ expectation: String) -> JSONSyntaxError {
        JSONSyntaxError("\(expectation), found \(foundDescription)", offset: position)
    }

    private var foundDescription: String {
        if isAtEndOfLine { return isDocument ? "the end of the text" : "the end of the line" }
        let byte = base[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Structure

    /// Whether the cursor is at the end of the text: the line feed or the end that ends a
    /// line, or the end of a document.
    @inlinable package var isAtEndOfLine: Bool {
        position >= end || (base[position] == ASCII.newline && !isDocument)
    }

    /// Moves past spaces, tabs and carriage returns, and line feeds in a document (in a line,
    /// a line feed ends it).
    @inlinable @inline(__always) package mutating func skipWhitespace() {
        while true {
            let byte = base[position]
            guard byte == ASCII.space || byte == ASCII.carriageReturn || byte == ASCII.tab
                || (byte == ASCII.newline && isDocument)
            else { return }
            position &+= 1
        }
    }

    /// The next non-whitespace byte (the terminator at the end of the line), without consuming it.
    @inlinable @inline(__always) package mutating func peek() -> UInt8 {
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
    @inlinable @inline(__always) package mutating func enterObject() throws(JSONSyntaxError) -> Bool {
        guard peek() == ASCII.openBrace else { throw syntaxError("expected '{'") }
        position &+= 1
        if peek() == ASCII.closeBrace {
            position &+= 1
            return false
        }
        return true
    }

    /// Reads a member's key and the `:` after it.
    @inlinable @inline(__always) package mutating func readKey() throws(JSONSyntaxError) -> RawString {
        guard peek() == ASCII.quote else { throw syntaxError("expected a quoted object key") }
        let key = try scanString()
        guard peek() == ASCII.colon else { throw syntaxError("expected ':' after an object key") }
        position &+= 1
        return key
    }

    /// After a member's value: consumes `,` (returns `true`) or the closing `}` (returns `false`).
    @inlinable @inline(__always) package mutating func nextMember() throws(JSONSyntaxError) -> Bool {
        let byte = peek()
        position &+= 1
        if byte == ASCII.comma { return true }
        if byte == ASCII.closeBrace { return false }
        position &-= 1
        throw syntaxError("expected ',' or '}' after an object member")
    }

    /// Consumes `[`; returns whether the array has elements (the cursor is then at the first).
    @inlinable @inline(__always) package mutating func enterArray() throws(JSONSyntaxError) -> Bool {
        guard peek() == ASCII.openBracket else { throw syntaxError("expected '['") }
        position &+= 1
        if peek() == ASCII.closeBracket {
            position &+= 1
            return false
        }
        return true
    }

    /// After an element: consumes `,` (returns `true`) or the closing `]` (returns `false`).
    @inlinable @inline(__always) package mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        let byte = peek()
        position &+= 1
        if byte == ASCII.comma { return true }
        if byte == ASCII.closeBracket { return false }
        position &-= 1
        throw syntaxError("expected ',' or ']' after an array element")
    }

    /// Consumes `null` if it comes next; returns whether it did.
    @inlinable @inline(__always) package mutating func skipNull() -> Bool {
        guard peek() == ASCII.n, base[position &+ 1] == ASCII.u, base[position &+ 2] == ASCII.l,
            base[position &+ 3] == ASCII.l
        else { return false }
        position &+= 4
        return true
    }

    /// Requires that nothing but whitespace follows up to the end of the line (or document),
    /// and moves there.
    package mutating func expectEndOfLine() throws(JSONSyntaxError) {
        skipWhitespace()
        guard isAtEndOfLine else {
            throw syntaxError(isDocument ? "expected the end of the text after the value" : "expected the end of the line after the object")
        }
    }

    // MARK: Skipping

    /// Moves past one value of any type, checking its syntax, and says what it was.
    ///
    /// - Complexity: O(length of the value).
    @usableFromInline package mutating func scanValue(depth: Int = 0) throws(JSONSyntaxError) -> JSONValueSpan {
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
    @inlinable @inline(__always) package mutating func skipValue() throws(JSONSyntaxError) {
        switch peek() {
        case ASCII.quote: _ = try scanString()
        case ASCII.openBracket: try skipArray()
        default: _ = try scanValue()
        }
    }

    /// Moves past the array at the cursor; a tight loop for integer arrays, else ``scanValue(depth:)``.
    @inlinable @inline(__always) package mutating func skipArray() throws(JSONSyntaxError) {
        if let end = endOfIntegerArray(at: position) {
            position = end
        } else {
            _ = try scanValue()
        }
    }

    /// Where the array of non-negative integers starting at `offset` ends (one past its `]`),
    /// or `nil` when it is not such an array (or is empty, or has odd spacing).
    ///
    /// Such arrays (a token's `bytes`: `[32,116,104,101]`) are checked sixteen bytes at a time
    /// (``endOfIntegerArrayByWords(at:)``); ones with spaces, or near the end of the text,
    /// byte by byte.
    @inlinable package func endOfIntegerArray(at offset: Int) -> Int? {
        if let wordsEnd = endOfIntegerArrayByWords(at: offset) { return wordsEnd }
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

    /// ``endOfIntegerArray(at:)`` for an array without spaces, or `nil` for any other text
    /// (the loop then decides, and gives the errors).
    ///
    /// SWAR, sixteen bytes at a time as one 128-bit word: a flag (the high bit of each byte)
    /// for digits, commas, zeros and `]`. The array is well formed when every byte before
    /// the first `]` is a digit or a comma, no comma follows a comma or the `[`, the byte
    /// before the `]` is a digit, and no `0` that starts a number is followed by a digit.
    /// What a word boundary cuts (a comma or a starting zero in the last byte) is carried to
    /// the next word's first byte.
    @inlinable @inline(__always) package func endOfIntegerArrayByWords(at offset: Int) -> Int? {
        let high = UInt128(0x8080_8080_8080_8080) << 64 | 0x8080_8080_8080_8080
        let low = ~high
        let ones = high >> 7
        var chunk = offset &+ 1
        // Flags for the chunk's first byte: the byte before it is `[` or a comma; it is a `0`
        // that starts a number.
        var separatorBefore: UInt128 = 0x80
        var startingZeroBefore: UInt128 = 0
        while chunk &+ 16 <= end {
            let word = UnsafeRawPointer(base + chunk).loadUnaligned(as: UInt128.self)
            /// A byte of `x` is zero iff adding 0x7F to its low seven bits leaves the high bit
            /// clear and its own high bit is clear.
            @inline(__always) func flags(equalTo byte: UInt8) -> UInt128 {
                let x = word ^ ones &* UInt128(byte)
                return ~(((x & low) &+ low) | x) & high
            }
            let close = flags(equalTo: ASCII.closeBracket)
            let length = close == 0 ? 16 : close.trailingZeroBitCount >> 3
            let inside = ((1 as UInt128) << (length << 3) &- 1) & high
            // A digit differs from "0" by less than 10 in its low seven bits and not at all in
            // its high bit.
            let fromZero = word ^ ones &* UInt128(ASCII.zero)
            let digits = ~(((fromZero & low) &+ ones &* 0x76) | fromZero) & inside
            let commas = flags(equalTo: ASCII.comma) & inside
            let separatorsBefore = commas << 8 | separatorBefore
            let startingZeros = flags(equalTo: ASCII.zero) & inside & separatorsBefore
            guard digits | commas == inside, commas & separatorsBefore == 0,
                startingZeros & (digits >> 8) == 0, digits & startingZeroBefore == 0
            else { return nil }
            if close != 0 {
                let lastDigit = length == 0 ? separatorBefore ^ 0x80 : digits >> ((length << 3) &- 8) & 0x80
                return lastDigit != 0 ? chunk &+ length &+ 1 : nil
            }
            separatorBefore = commas >> 120
            startingZeroBefore = startingZeros >> 120
            chunk &+= 16
        }
        return nil
    }

    /// Consumes the exact ASCII word `word` or throws.
    package mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (offset, byte) in bytes.enumerated() where base[position &+ offset] != byte {
            position &+= offset
            throw syntaxError("expected '\(word)'")
        }
        position &+= bytes.count
    }

    /// The bytes `start..<end` of the line.
    @inlinable @inline(__always) package func bytes(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }
}
