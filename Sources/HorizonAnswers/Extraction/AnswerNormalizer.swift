/// An answer's text after the string-level rules of ``AnswerNormalizer``.
public struct NormalizedAnswer: Sendable, Hashable, Codable {
    /// The normalised text (single spaces), which the LaTeX parser reads.
    public var text: String
    /// ``text`` without any whitespace: two answers with the same key are identical.
    public var key: String
    /// Whether the answer carried a percent marker (`28\%`, `28 pct`), now removed from ``text``.
    public var isPercent: Bool
    /// Whether the answer is plain text rather than LaTeX; in plain text a comma between digits
    /// may be a decimal comma (`2,74` = 2.74, `0,111`, `1000,99`), while in LaTeX it separates
    /// items (`\boxed{1,2}` is two answers).
    public var isPlainText: Bool
}

/// The string-level normalisation rules shared by the strongest graders (Math-Verify,
/// Qwen2.5-Math, lm-evaluation-harness), applied before parsing.
///
/// - math delimiters (`$`, `\(`, `\)`, `\[`, `\]`), `\boxed{}`, `\left`/`\right`, spacing
///   commands (`\!`, `\,`, `\quad`, ...), `\displaystyle` and `\$` are dropped;
/// - `\dfrac`, `\tfrac`, `\cfrac` become `\frac`; `\dbinom`, `\tbinom` become `\binom`;
/// - `\text{}`, `\mathrm{}`, `\mathbf{}`, `\mbox{}`, ... are unwrapped; after a value they are
///   dropped when they hold only units (`\mbox{ cm}^2`) or end the answer (`5\text{ students}`);
///   trailing unit words are dropped (`125 miles`);
/// - degrees (`^\circ`, `°`) and `{,}` thousands separators are dropped;
/// - a trailing percent marker (`\%`, `%`, `percent`, `pct`) is removed and recorded;
/// - an answer written in number words becomes digits (`twenty-five` → `25`);
/// - the words "and" and "or" become commas; unicode minus signs become `-`.
///
/// Numbers (thousands separators, decimal commas) are read later by the tokenizer, which knows
/// whether a comma sits inside brackets.
public enum AnswerNormalizer {
    /// Normalises an extracted answer.
    /// - Parameter answer: The answer and the rule that found it (the rule decides whether the
    ///   text is plain text or LaTeX).
    /// - Returns: The normalised answer.
    /// - Complexity: O(n) in the answer's length.
    public static func normalize(_ answer: ExtractedAnswer) -> NormalizedAnswer {
        let original = LatexText.scalars(answer.text)
        let plain = answer.rule == .bareNumber
            || (![.boxed, .boxedSet, .latexSpan].contains(answer.rule) && !original.contains(where: isLatexMarker))
        // Clock times first: a `\text{ P.M.}` after them is part of the time, not a label to drop.
        var s = rewritingCommands(canonicalClockTimes(unifyingUnicode(LatexText.collapsingEscapedCommands(original))))
        // Degree marks matter only inside trigonometric functions (`\sin 30^\circ`); elsewhere
        // `90^\circ` is 90.
        if !containsTrigonometricName(s) { s.removeAll { $0 == "\u{00B0}" } }
        s = trimmingTrailingPunctuation(s)
        let isPercent = removeTrailingPercent(&s)
        removeTrailingUnits(&s, keepsGluedUnits: answer.rule != .bareNumber, dropsLabels: plain)
        s = trimmingTrailingPunctuation(s)
        if s.count <= 64, s.allSatisfy({ LatexText.isLetter($0) || $0 == " " || $0 == "-" }),
           let value = NumberWords.value(ofPhrase: LatexText.string(s)) {
            s = LatexText.scalars(String(value))
        }
        s = replacingJoinerWords(s)
        let text = collapsingWhitespace(s)
        let key = compactKey(text)
        return NormalizedAnswer(text: text, key: key, isPercent: isPercent, isPlainText: plain)
    }

    static let trigonometricNames = ["sin", "cos", "tan", "sec", "csc", "cot"].map { Array($0.unicodeScalars) }

    static func containsTrigonometricName(_ s: [Unicode.Scalar]) -> Bool {
        s.indices.contains { i in trigonometricNames.contains { LatexText.hasPrefix(s, $0, at: i) } }
    }

    /// Rewrites 12-hour clock times in 24-hour form without a leading zero (`8:34 P.M.` →
    /// `20:34`, `08:05 am` → `8:05`, `12:15 a.m.` → `0:15`), so that times compare as text.
    static func canonicalClockTimes(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains(":") else { return s }
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            guard LatexText.isDigit(s[i]), i == 0 || !LatexText.isDigit(s[i - 1]) else {
                out.append(s[i])
                i += 1
                continue
            }
            var colon = i
            while colon < s.count, LatexText.isDigit(s[colon]) { colon += 1 }
            guard colon - i <= 2, colon + 2 < s.count, s[colon] == ":", LatexText.isDigit(s[colon + 1]),
                  LatexText.isDigit(s[colon + 2]), colon + 3 == s.count || !LatexText.isDigit(s[colon + 3]),
                  var hour = Int(LatexText.string(s[i..<colon])), hour <= 24 else {
                out.append(contentsOf: s[i..<colon])
                i = colon
                continue
            }
            var end = colon + 3
            if let (isAfternoon, markerEnd) = meridiemMarker(s, from: end), (1...12).contains(hour) {
                hour = hour % 12 + (isAfternoon ? 12 : 0)
                end = markerEnd
            }
            out.append(contentsOf: "\(hour):".unicodeScalars)
            out.append(contentsOf: s[(colon + 1)...(colon + 2)])
            i = end
        }
        return out
    }

    /// `am`, `a.m.`, `PM`, `p.m.` at `i`, after spaces (`\,`, `\ `, `~` too) and possibly inside
    /// a text command (`\text{ P.M.}`): whether it is afternoon, and the index after the marker.
    static func meridiemMarker(_ s: [Unicode.Scalar], from i: Int, insideCommand: Bool = false) -> (Bool, Int)? {
        var j = i
        while j < s.count {
            if LatexText.isWhitespace(s[j]) || s[j] == "~" {
                j += 1
            } else if s[j] == "\\", j + 1 < s.count, s[j + 1] == "," || s[j + 1] == " " || s[j + 1] == ";" {
                j += 2
            } else {
                break
            }
        }
        if !insideCommand, let (name, end) = LatexText.command(in: s, at: j), textCommands.contains(name), end < s.count,
           s[end] == "{", let close = LatexText.closingBrace(in: s, openingAt: end),
           let (isAfternoon, markerEnd) = meridiemMarker(Array(s[(end + 1)..<close]), from: 0, insideCommand: true),
           LatexText.skipWhitespace(Array(s[(end + 1)..<close]), from: markerEnd) == close - end - 1 {
            return (isAfternoon, close + 1)
        }
        guard j < s.count, "aApP".unicodeScalars.contains(s[j]) else { return nil }
        let isAfternoon = s[j] == "p" || s[j] == "P"
        j += 1
        if j < s.count, s[j] == "." { j += 1 }
        guard j < s.count, s[j] == "m" || s[j] == "M" else { return nil }
        j += 1
        if j < s.count, s[j] == "." { j += 1 }
        guard j == s.count || !LatexText.isLetter(s[j]) else { return nil }
        return (isAfternoon, j)
    }

    /// The text without whitespace, except one space between two digits: `1 1/2` (a mixed
    /// number) and `11/2` must not look identical.
    static func compactKey(_ text: String) -> String {
        let s = LatexText.scalars(text)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for (index, c) in s.enumerated() {
            if LatexText.isWhitespace(c) {
                let between = index > 0 && index + 1 < s.count && LatexText.isDigit(s[index - 1]) && LatexText.isDigit(s[index + 1])
                if between { out.append(" ") }
                continue
            }
            out.append(c)
        }
        return LatexText.string(out)
    }

    static func isLatexMarker(_ c: Unicode.Scalar) -> Bool {
        c == "\\" || c == "$" || c == "{" || c == "}" || c == "^" || c == "_"
    }

    /// Unicode dashes and minus signs become `-`, unusual spaces a space, full-width punctuation
    /// its ASCII form.
    static func unifyingUnicode(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains(where: { $0.value > 0x7F }) else { return s }
        return s.map { c in
            switch c.value {
            case 0x2212, 0x2013, 0x2012, 0x2014, 0xFE63, 0xFF0D: "-"
            case 0x00A0, 0x2009, 0x202F: " "
            case 0xFF0C: ","
            case 0xFF08: "("
            case 0xFF09: ")"
            default: c
            }
        }
    }

    /// Commands dropped with their argument's braces kept as content.
    static let unwrappedCommands: Set<String> = [
        "boxed", "fbox", "text", "textbf", "textit", "textrm", "textnormal", "textsf", "texttt", "textup",
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal", "mbox", "hbox", "emph", "boldsymbol",
        "bm", "operatorname", "vec", "overline", "overrightarrow", "hat", "bar", "widehat", "underline",
        "mathbb", "mathcal", "mathscr", "mathfrak",
    ]

    /// Text commands whose content is dropped entirely when it only names units.
    static let textCommands: Set<String> = [
        "text", "textbf", "textit", "textrm", "textnormal", "textsf", "texttt", "textup", "mathrm", "mbox", "hbox",
    ]

    /// Commands that only change layout or sizing.
    static let droppedCommands: Set<String> = [
        "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
        "biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "quad", "qquad", "hfill",
        "nonumber", "noindent", "degree", "circ", "dollar", "phantom", "hspace", "vspace",
    ]

    static let renamedCommands: [String: String] = [
        "dfrac": "frac", "tfrac": "frac", "cfrac": "frac", "dbinom": "binom", "tbinom": "binom",
    ]

    /// One pass over the text applying the command rules (see the type's summary).
    static func rewritingCommands(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "$":
                i += 1
            case "^" where degreeMarkEnd(s, afterCaretAt: i) != nil:
                out.append("\u{00B0}")
                i = degreeMarkEnd(s, afterCaretAt: i)!
            case "{" where thousandsBraceEnd(s, at: i) != nil:
                i = thousandsBraceEnd(s, at: i)!
            case "\\":
                i = rewriteCommand(s, at: i, into: &out)
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Handles the backslash at `i`; returns the index after what it consumed.
    static func rewriteCommand(_ s: [Unicode.Scalar], at i: Int, into out: inout [Unicode.Scalar]) -> Int {
        guard i + 1 < s.count else { return i + 1 }
        let next = s[i + 1]
        guard let (name, end) = LatexText.command(in: s, at: i) else {
            switch next {
            case "!":
                // A negative thin space joins what is around it (`11,\! 111` is 11,111).
                while let last = out.last, LatexText.isWhitespace(last) { out.removeLast() }
                return LatexText.skipWhitespace(s, from: i + 2)
            case "(", ")", "[", "]", ",", ";", ":", " ", "$", "\n": return i + 2
            case "%":
                out.append("%")
                return i + 2
            default:
                out.append("\\")
                out.append(next)
                return i + 2
            }
        }
        if droppedCommands.contains(name) {
            if (name == "left" || name == "right" || name == "middle"), end < s.count, s[end] == "." { return end + 1 }
            return end
        }
        if let renamed = renamedCommands[name] {
            out.append(contentsOf: ("\\" + renamed).unicodeScalars)
            return end
        }
        if unwrappedCommands.contains(name) {
            let open = LatexText.skipWhitespace(s, from: end)
            guard open < s.count, s[open] == "{", let close = LatexText.closingBrace(in: s, openingAt: open) else {
                return end
            }
            let content = Array(s[(open + 1)..<close])
            if name == "mathbb", content == ["R"] {
                // The real numbers, as an interval: `x \in \mathbb{R}` is `(-\infty, \infty)`.
                out.append(contentsOf: "(-\\infty,\\infty)".unicodeScalars)
                return close + 1
            }
            let followsValue = out.contains { !LatexText.isWhitespace($0) }
            if textCommands.contains(name), !followsValue, introducesValue(content), close + 1 < s.count {
                // A leading label such as `\text{The probability is }` before the value goes.
                return close + 1
            }
            if textCommands.contains(name), followsValue {
                // After a value, a unit in \text{} is dropped with an exponent right after it
                // (`\mbox{ cm}^2`), and so is any text that ends the answer: a label such as
                // `5 \text{ students}` (text between values, like `\text{ and }`, stays).
                let end = exponentEnd(s, from: close + 1)
                if UnitWords.isUnitPhrase(LatexText.string(content)) || isOnlyTrailingPunctuation(s, from: end) {
                    return end
                }
            }
            out.append(contentsOf: rewritingCommands(content))
            return close + 1
        }
        out.append(contentsOf: s[i..<end])
        return end
    }

    /// Whether a text ends like a phrase that introduces a value: "... is", "... are",
    /// "... equals", or a colon or `=` (`The probability is `, `Answer: `).
    static func introducesValue(_ content: [Unicode.Scalar]) -> Bool {
        let words = LatexText.string(content).lowercased().split(whereSeparator: { $0 == " " })
        guard let last = words.last else { return false }
        return ["is", "are", "equals", "="].contains(String(last)) || last.hasSuffix(":")
    }

    /// Whether nothing but spacing, closing punctuation or math delimiters follows `i`.
    static func isOnlyTrailingPunctuation(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        s[i...].allSatisfy { LatexText.isWhitespace($0) || ".,;:$".unicodeScalars.contains($0) }
    }

    /// For `^\circ`, `^{\circ}`, `^\degree`: the index after the mark; else `nil`.
    static func degreeMarkEnd(_ s: [Unicode.Scalar], afterCaretAt caret: Int) -> Int? {
        var j = LatexText.skipWhitespace(s, from: caret + 1)
        let braced = j < s.count && s[j] == "{"
        if braced { j = LatexText.skipWhitespace(s, from: j + 1) }
        guard let (name, end) = LatexText.command(in: s, at: j), name == "circ" || name == "degree" else { return nil }
        guard braced else { return end }
        let close = LatexText.skipWhitespace(s, from: end)
        return close < s.count && s[close] == "}" ? close + 1 : nil
    }

    /// For a `{,}` thousands separator (spaces allowed inside): the index after it; else `nil`.
    static func thousandsBraceEnd(_ s: [Unicode.Scalar], at open: Int) -> Int? {
        var j = LatexText.skipWhitespace(s, from: open + 1)
        guard j < s.count, s[j] == "," else { return nil }
        j = LatexText.skipWhitespace(s, from: j + 1)
        return j < s.count && s[j] == "}" ? j + 1 : nil
    }

    /// The index after an exponent `^2`, `^{3}` at `i` (or `i` when there is none).
    static func exponentEnd(_ s: [Unicode.Scalar], from i: Int) -> Int {
        guard i < s.count, s[i] == "^", i + 1 < s.count else { return i }
        if s[i + 1] == "{", let close = LatexText.closingBrace(in: s, openingAt: i + 1) { return close + 1 }
        return LatexText.isDigit(s[i + 1]) ? i + 2 : i
    }

    static func trimmingTrailingPunctuation(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var slice = LatexText.trimmed(s[...])
        while let last = slice.last, last == "." || last == "," || last == ";" || last == ":" {
            slice = LatexText.trimmed(slice.dropLast())
        }
        while let first = slice.first, first == ":" || first == "=" || first == "\u{2248}" {
            slice = LatexText.trimmed(slice.dropFirst())
        }
        // A leading `\approx` says how the value was found, not what it is (`\approx 3.14`).
        let approx = LatexText.scalars("\\approx")
        if LatexText.hasPrefix(Array(slice), approx, at: 0), slice.count > approx.count,
           !LatexText.isLetter(slice[slice.startIndex + approx.count]) {
            slice = LatexText.trimmed(slice.dropFirst(approx.count))
        }
        return Array(slice)
    }

    /// Removes a trailing `%` or percent word; returns whether there was one.
    static func removeTrailingPercent(_ s: inout [Unicode.Scalar]) -> Bool {
        if s.last == "%" {
            s = Array(LatexText.trimmed(s.dropLast()))
            return !s.isEmpty
        }
        for word in ["per cent", "percentage", "percent", "pct"] {
            let count = word.unicodeScalars.count
            guard s.count > count, LatexText.hasPrefix(s, word, at: s.count - count, caseInsensitive: true),
                  !LatexText.isLetter(s[s.count - count - 1]) else { continue }
            let rest = Array(LatexText.trimmed(s.dropLast(count)))
            guard !rest.isEmpty else { return false }
            s = rest
            return true
        }
        return false
    }

    /// Drops trailing unit words (`125 miles`, `15 square feet`, `3 m/s` stays: `s` is bare),
    /// keeping at least one scalar of the answer. With `keepsGluedUnits`, letters glued to a
    /// digit stay (`10cm` is 10·c·m, not 10 cm, as a written answer); a number the extractor
    /// took out of prose (`1,000.99m²`) drops them. With `dropsLabels` (plain text), any word
    /// of three or more letters after a number and a space is a label and goes too
    /// (`12 apples`), as `\text{ apples}` would in LaTeX.
    static func removeTrailingUnits(_ s: inout [Unicode.Scalar], keepsGluedUnits: Bool, dropsLabels: Bool) {
        while true {
            var end = exponentStart(s) ?? s.count
            var start = end
            while start > 0, LatexText.isLetter(s[start - 1]) { start -= 1 }
            guard start < end, start > 0, s[start - 1] != "\\" else { return }
            let word = LatexText.string(s[start..<end]).lowercased()
            let previous = s[start - 1]
            let isLabel = dropsLabels && end - start >= 3 && !UnitWords.isNeutralWord(word) && LatexText.isWhitespace(previous)
                && LatexText.trimmed(s[..<start]).last.map(LatexText.isDigit) == true
            guard word.unicodeScalars.count >= 2, UnitWords.units.contains(word) || isLabel else { return }
            guard LatexText.isWhitespace(previous) || (LatexText.isDigit(previous) && !keepsGluedUnits) || previous == "}"
            else { return }
            end = start
            let rest = Array(LatexText.trimmed(s[..<end]))
            guard let last = rest.last, LatexText.isDigit(last) || last == "}" || last == ")" || LatexText.isLetter(last)
            else { return }
            s = rest
        }
    }

    /// Where a trailing `^2` / `^{2}` / `^3` starts, when the text ends with one after a letter.
    static func exponentStart(_ s: [Unicode.Scalar]) -> Int? {
        guard s.count >= 3 else { return nil }
        if s[s.count - 2] == "^", LatexText.isDigit(s[s.count - 1]), LatexText.isLetter(s[s.count - 3]) {
            return s.count - 2
        }
        if s.count >= 5, s[s.count - 1] == "}", LatexText.isDigit(s[s.count - 2]), s[s.count - 3] == "{",
           s[s.count - 4] == "^", LatexText.isLetter(s[s.count - 5]) {
            return s.count - 4
        }
        return nil
    }

    /// Replaces the standalone words "and" and "or" with commas.
    static func replacingJoinerWords(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            guard LatexText.isLetter(s[i]) else {
                out.append(s[i])
                i += 1
                continue
            }
            var end = i
            while end < s.count, LatexText.isLetter(s[end]) { end += 1 }
            let isCommand = i > 0 && s[i - 1] == "\\"
            let isJoiner = (end - i == 3 && LatexText.hasPrefix(s, andWord, at: i, caseInsensitive: true))
                || (end - i == 2 && LatexText.hasPrefix(s, orWord, at: i, caseInsensitive: true))
            if isJoiner, !isCommand {
                out.append(",")
            } else {
                out.append(contentsOf: s[i..<end])
            }
            i = end
        }
        return out
    }

    static let andWord: [Unicode.Scalar] = ["a", "n", "d"]
    static let orWord: [Unicode.Scalar] = ["o", "r"]

    static func collapsingWhitespace(_ s: [Unicode.Scalar]) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var pendingSpace = false
        for c in s {
            if LatexText.isWhitespace(c) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return LatexText.string(out)
    }
}
