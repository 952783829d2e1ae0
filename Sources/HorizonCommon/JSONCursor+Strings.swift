/// A JSON string as it stands in the line: the bytes between its quotes, still escaped.
///
/// Most strings the parser meets (keys, candidate tokens it only compares) are never decoded;
/// `hasEscapes` tells whether the raw bytes already are the decoded ones. (`public` with
/// `package` members for cross-module inlining, as ``JSONCursor``.)
public struct RawString: Equatable, Sendable {
    /// Offsets of the first byte after the opening quote and of the closing quote.
    @usableFromInline package var start: Int
    @usableFromInline package var end: Int
    @usableFromInline package var hasEscapes: Bool

    @inlinable package init(start: Int, end: Int, hasEscapes: Bool) {
        self.start = start
        self.end = end
        self.hasEscapes = hasEscapes
    }

    @inlinable package var count: Int { end - start }
}

extension JSONCursor {
    /// Moves past the string whose opening quote is at the cursor, checking its escapes.
    ///
    /// Long runs of plain bytes are skipped eight at a time.
    ///
    /// - Returns: The raw contents.
    /// - Throws: A syntax error for a raw control character, a bad escape, or a missing
    ///   closing quote.
    /// - Complexity: O(length of the string).
    @inlinable @inline(__always) package mutating func scanString() throws(JSONSyntaxError) -> RawString {
        position &+= 1
        let start = position
        var hasEscapes = false
        let raw = UnsafeRawPointer(base)
        while true {
            if position &+ 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let delimiters = Self.stringDelimiterMask(word)
                if delimiters == 0 {
                    position &+= 8
                    continue
                }
                // The lowest flagged byte is exact (false flags only follow a real one).
                position &+= delimiters.trailingZeroBitCount >> 3
            }
            let byte = base[position]
            if byte == ASCII.quote { break }
            if byte == ASCII.backslash {
                try scanEscape()
                hasEscapes = true
            } else if byte < 0x20 {
                if isAtEndOfLine { throw syntaxError("unterminated string") }
                throw syntaxError("control character inside a string (escape it)")
            } else {
                position &+= 1
            }
        }
        let string = RawString(start: start, end: position, hasEscapes: hasEscapes)
        position &+= 1
        return string
    }

    /// The high bit of each byte of `word` (little-endian: first byte lowest) that is a
    /// quote, a backslash or below 0x20. Bytes after the first such byte may be flagged
    /// wrongly (a borrow), so only the lowest flag is meaningful.
    @inlinable @inline(__always) package static func stringDelimiterMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs
    }

    /// Moves past one escape sequence (the cursor is at its backslash), checking it.
    @usableFromInline package mutating func scanEscape() throws(JSONSyntaxError) {
        let escaped = base[position &+ 1]
        switch escaped {
        case ASCII.quote, ASCII.backslash, ASCII.slash, ASCII.b, ASCII.f, ASCII.n, ASCII.r, ASCII.t:
            position &+= 2
        case ASCII.u:
            for offset in 2..<6 where Self.hexValue(base[position &+ offset]) == nil {
                position &+= offset
                throw syntaxError("expected four hex digits after \\u")
            }
            position &+= 6
        default:
            position &+= 1
            throw syntaxError("invalid escape in a string")
        }
    }

    /// The value of an ASCII hex digit.
    @inlinable @inline(__always) package static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case ASCII.zero...ASCII.nine: UInt32(byte - ASCII.zero)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    /// Appends the decoded UTF-8 bytes of `string` to `output`.
    ///
    /// `\uXXXX` escapes become UTF-8; a surrogate pair becomes the one character it encodes;
    /// a lone surrogate (which UTF-8 cannot hold) becomes U+FFFD. The escapes were checked
    /// by ``scanString()``, so this cannot fail.
    ///
    /// - Complexity: O(`string.count`).
    @inlinable package func decode(_ string: RawString, into output: inout [UInt8]) {
        guard string.hasEscapes else {
            output.append(contentsOf: bytes(string.start, string.end))
            return
        }
        var runStart = string.start
        var index = string.start
        while index < string.end {
            guard base[index] == ASCII.backslash else {
                index += 1
                continue
            }
            output.append(contentsOf: bytes(runStart, index))
            let escaped = base[index + 1]
            index += 2
            switch escaped {
            case ASCII.b: output.append(0x08)
            case ASCII.f: output.append(0x0C)
            case ASCII.n: output.append(ASCII.newline)
            case ASCII.r: output.append(ASCII.carriageReturn)
            case ASCII.t: output.append(ASCII.tab)
            case ASCII.u:
                var scalar = hexQuad(at: index)
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    if base[index] == ASCII.backslash, base[index + 1] == ASCII.u, index + 6 <= string.end {
                        let low = hexQuad(at: index + 2)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        }
                    }
                }
                Self.appendUTF8(scalar, to: &output)
            default: output.append(escaped)  // '"', '\\' and '/' stand for themselves
            }
            runStart = index
        }
        output.append(contentsOf: bytes(runStart, string.end))
    }

    /// The decoded string as Swift text (invalid UTF-8 is repaired with U+FFFD).
    @inlinable package func decodeText(_ string: RawString, scratch: inout [UInt8]) -> String {
        if !string.hasEscapes {
            return String(decoding: bytes(string.start, string.end), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        decode(string, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Whether `string` decodes to exactly the ASCII `literal` (used for keys).
    @inlinable @inline(__always) package func matches(_ string: RawString, _ literal: StaticString) -> Bool {
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        if string.hasEscapes {
            var decoded: [UInt8] = []
            decode(string, into: &decoded)
            return decoded.elementsEqual(literalBytes)
        }
        guard string.count == literalBytes.count else { return false }
        return memoryEqual(base + string.start, literalBytes.baseAddress!, literalBytes.count)
    }

    @inlinable package func hexQuad(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (Self.hexValue(base[index + offset]) ?? 0) }
        return value
    }

    /// Appends the UTF-8 encoding of `scalar`; surrogates become U+FFFD.
    @inlinable package static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0xD800..<0xE000:
            output.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inlinable @inline(__always) package func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
