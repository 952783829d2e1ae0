/// Scanning helpers over a text's Unicode scalars, shared by extraction and normalisation.
///
/// Answers are scanned as `[Unicode.Scalar]` rather than with a regex engine: every scan here is
/// a single left-to-right pass, so extraction stays linear in the text's length.
enum LatexText {
    typealias Scalars = [Unicode.Scalar]

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" || c == "\u{A0}"
    }

    /// Whether `c` is a letter in any script (for "is this number glued to a word?" checks).
    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        isLetter(c) || isDigit(c) || c == "_" || (c.value > 0x7F && c.properties.isAlphabetic)
    }

    /// The letters of a command starting at the backslash `start`, and the index after them;
    /// `nil` when `start` is not a backslash followed by a letter.
    static func command(in s: Scalars, at start: Int) -> (name: String, end: Int)? {
        guard start + 1 < s.count, s[start] == "\\", isLetter(s[start + 1]) else { return nil }
        var end = start + 1
        while end < s.count, isLetter(s[end]) { end += 1 }
        return (string(s[(start + 1)..<end]), end)
    }

    /// The index of the `}` closing the `{` at `open`, honouring nesting and ignoring escaped
    /// braces (`\{`, `\}`); `nil` when unbalanced.
    /// - Complexity: O(n) in the distance scanned.
    static func closingBrace(in s: Scalars, openingAt open: Int) -> Int? {
        guard open < s.count, s[open] == "{" else { return nil }
        var depth = 0
        var i = open
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                i += 2
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// The index of the first non-whitespace scalar at or after `i` (or `s.count`).
    static func skipWhitespace(_ s: Scalars, from i: Int) -> Int {
        var i = i
        while i < s.count, isWhitespace(s[i]) { i += 1 }
        return i
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass (iterating
    /// `text.unicodeScalars` element by element is several times slower).
    static func scalars(_ text: String) -> Scalars {
        var result = Scalars()
        result.reserveCapacity(text.utf8.count)
        var copy = text
        copy.withUTF8 { buffer in
            var iterator = buffer.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let c): result.append(c)
                case .emptyInput: break decoding
                case .error: result.append("\u{FFFD}")
                }
            }
        }
        return result
    }

    /// Whether `s` holds `literal` at `i`, compared case-insensitively for ASCII letters.
    static func hasPrefix(_ s: Scalars, _ literal: String, at i: Int, caseInsensitive: Bool = false) -> Bool {
        hasPrefix(s, scalars(literal), at: i, caseInsensitive: caseInsensitive)
    }

    /// Whether `s` holds `literal` at `i`; with `caseInsensitive`, `literal` must be lowercase.
    static func hasPrefix(_ s: Scalars, _ literal: Scalars, at i: Int, caseInsensitive: Bool = false) -> Bool {
        guard i >= 0, i + literal.count <= s.count else { return false }
        for k in literal.indices {
            let actual = caseInsensitive ? lowercase(s[i + k]) : s[i + k]
            if actual != literal[k] { return false }
        }
        return true
    }

    static func lowercase(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value + 32)) : c
    }

    /// Rewrites `\\frac` to `\frac` when the doubled backslash precedes a command the grader
    /// knows. Answers copied out of JSON or Python strings often carry doubled backslashes;
    /// a real LaTeX line break (`\\`) is never directly followed by one of these names.
    static func collapsingEscapedCommands(_ s: Scalars) -> Scalars {
        guard s.contains("\\") else { return s }
        var out = Scalars()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "\\", i + 2 < s.count, s[i + 1] == "\\", isLetter(s[i + 2]),
               i == 0 || s[i - 1] != "\\",
               let (name, _) = command(in: s, at: i + 1), knownCommands.contains(name) {
                out.append("\\")
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Command names that are safe to un-escape (see ``collapsingEscapedCommands(_:)``).
    static let knownCommands: Set<String> = [
        "boxed", "fbox", "frac", "dfrac", "tfrac", "cfrac", "sqrt", "left", "right", "pi", "le", "leq",
        "ge", "geq", "lt", "gt", "ne", "neq", "text", "textbf", "mathrm", "mathbf", "mbox", "cdot", "times",
        "div", "pm", "mp", "infty", "cup", "cap", "in", "begin", "end", "sin", "cos", "tan", "log", "ln",
        "theta", "alpha", "beta", "circ", "approx", "dots", "ldots", "cdots", "emptyset", "varnothing",
        "binom", "dbinom", "sec", "csc", "cot", "exp",
    ]

    /// The position after the LaTeX math span starting at `i`, with the span's content range:
    /// `$$...$$`, `$...$`, `\(...\)`, `\[...\]`. Inline spans (`$`, `\(`) may not cross a line
    /// break, like Markdown's inline math; display spans may. Escaped `\$` is not a delimiter.
    static func mathSpan(in s: Scalars, at i: Int) -> (content: Range<Int>, end: Int)? {
        guard i < s.count else { return nil }
        if s[i] == "$" {
            if i > 0, s[i - 1] == "\\" { return nil }
            let display = i + 1 < s.count && s[i + 1] == "$"
            let start = i + (display ? 2 : 1)
            var j = start
            while j < s.count {
                if s[j] == "\\" {
                    j += 2
                    continue
                }
                if !display, s[j] == "\n" { return nil }
                if s[j] == "$" {
                    if display {
                        guard j + 1 < s.count, s[j + 1] == "$" else { return nil }
                        return (start..<j, j + 2)
                    }
                    return (start..<j, j + 1)
                }
                j += 1
            }
            return nil
        }
        guard s[i] == "\\", i + 1 < s.count, s[i + 1] == "(" || s[i + 1] == "[" else { return nil }
        let inline = s[i + 1] == "("
        let closer: Unicode.Scalar = inline ? ")" : "]"
        var j = i + 2
        while j + 1 < s.count {
            if inline, s[j] == "\n" { return nil }
            if s[j] == "\\" {
                if s[j + 1] == closer { return (i + 2..<j, j + 2) }
                j += 2
                continue
            }
            j += 1
        }
        return nil
    }

    /// A string of scalars, built from UTF-8 bytes (appending scalars to a
    /// `String.UnicodeScalarView` takes a slow transcoding path).
    static func string(_ s: some Sequence<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.underestimatedCount)
        for c in s {
            if c.value < 0x80 {
                bytes.append(UInt8(c.value))
            } else {
                UTF8.encode(c) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var slice = s
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
