/// Recognises a number written in plain text: `-5`, `.4`, `1,000.99`, `1 000`, `2,74`, `2/3`,
/// `28%`, `28 percent`.
///
/// A number glued to the end of a word (`AZYUK2A`, `x23`) is not a bare number.
enum BareNumber {
    /// The range of the bare number starting exactly at `i`, or `nil`.
    /// - Complexity: O(length of the number).
    static func match(in s: [Unicode.Scalar], at i: Int) -> Range<Int>? {
        guard i < s.count else { return nil }
        if i > 0, LatexText.isWordCharacter(s[i - 1]) || s[i - 1] == "." { return nil }
        var j = i
        if s[j] == "-" || s[j] == "\u{2212}" {
            j += 1
        }
        guard j < s.count else { return nil }
        let startsWithPoint = s[j] == "." && j + 1 < s.count && LatexText.isDigit(s[j + 1])
        guard LatexText.isDigit(s[j]) || startsWithPoint else { return nil }
        if !startsWithPoint {
            j = integerPartEnd(in: s, from: j)
        }
        var hasFraction = false
        if j + 1 < s.count, s[j] == "." || s[j] == ",", LatexText.isDigit(s[j + 1]) {
            j += 1
            while j < s.count, LatexText.isDigit(s[j]) { j += 1 }
            hasFraction = true
        }
        if !hasFraction, j + 1 < s.count, s[j] == "/", LatexText.isDigit(s[j + 1]) {
            j += 1
            while j < s.count, LatexText.isDigit(s[j]) { j += 1 }
        }
        return i..<percentEnd(in: s, from: j)
    }

    /// The end of the integer digits at `start`, taking thousands groups (`7,425,000`,
    /// `1 000`) when every group after the first has exactly three digits.
    static func integerPartEnd(in s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count, LatexText.isDigit(s[j]) { j += 1 }
        let leading = j - start
        guard leading <= 3, s[start] != "0" else { return j }
        for separator in [",", " "] as [Unicode.Scalar] {
            var end = j
            var groups = 0
            while end < s.count, s[end] == separator {
                let groupEnd = end + 4
                guard groupEnd <= s.count, ((end + 1)..<groupEnd).allSatisfy({ LatexText.isDigit(s[$0]) }),
                      groupEnd == s.count || !LatexText.isDigit(s[groupEnd]) else { break }
                end = groupEnd
                groups += 1
            }
            if groups > 0 { return end }
        }
        return j
    }

    /// The end of an optional percent marker after a number: `%`, `\%`, ` percent`, ` pct`,
    /// ` percentage` (the space is optional).
    static func percentEnd(in s: [Unicode.Scalar], from end: Int) -> Int {
        let k = LatexText.skipWhitespace(s, from: end)
        if k < s.count, s[k] == "%" { return k + 1 }
        if LatexText.hasPrefix(s, "\\%", at: k) { return k + 2 }
        for word in ["percentage", "percent", "pct"] where LatexText.hasPrefix(s, word, at: k, caseInsensitive: true) {
            let wordEnd = k + word.unicodeScalars.count
            if wordEnd == s.count || !LatexText.isLetter(s[wordEnd]) { return wordEnd }
        }
        return end
    }
}
