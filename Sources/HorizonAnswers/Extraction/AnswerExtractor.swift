/// Finds the final answer in the answer span of a model's output.
///
/// Rules are tried in priority order (Math-Verify and Qwen2.5-Math agree on the gist), and the
/// first that matches wins:
/// 1. the ``customPattern``, when one is set;
/// 2. Minerva style `final answer is X. I hope it is correct.` (the last occurrence);
/// 3. the last balanced `\boxed{...}` / `\fbox{...}` (also `\boxed 5`); boxes joined only by
///    "and", "or", commas or spacing are read together as a set;
/// 4. `The answer is X`, then `Final Answer: X`, then `Answer: X`, then GSM8K's `#### X`;
/// 5. a short text that is only maths, without delimiters (`\frac{10}{9}`, `-5`, `28 percent`),
///    taken whole;
/// 6. the last LaTeX span (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`) or the last bare number,
///    whichever ends later. Inline spans do not cross line breaks.
///
/// A phrase-anchored capture (rules 2 and 4) that reads like a sentence ("The volume of $V$ is
/// 120") is narrowed to its last math span or number. Doubled backslashes before known commands
/// (`\\boxed`, from JSON-escaped text) are read as single ones.
///
/// ```swift
/// let answer = AnswerExtractor().extract(from: #"so the sum is $\boxed{\frac{14}{3}}$."#)
/// // ExtractedAnswer(text: "\\frac{14}{3}", rule: .boxed)
/// ```
public struct AnswerExtractor: Sendable {
    /// Tried before the built-in rules; its capture is then normalised like any other answer.
    public var customPattern: (any AnswerPattern)?

    public init(customPattern: (any AnswerPattern)? = nil) {
        self.customPattern = customPattern
    }

    /// The final answer of `answerSpan`, or `nil` when no rule finds one.
    ///
    /// Pass only the answer span when the trace has one: a boxed value inside unfinished
    /// thinking is not an answer.
    /// - Parameter answerSpan: The text after the model's reasoning (or the whole output).
    /// - Returns: The answer text with the rule that found it, or `nil`.
    /// - Complexity: O(n) in the length of `answerSpan`.
    public func extract(from answerSpan: String) -> ExtractedAnswer? {
        if let custom = customAnswer(in: answerSpan) { return custom }
        var s = LatexText.collapsingEscapedCommands(LatexText.scalars(answerSpan))
        // An `<answer>...</answer>` tag (the RL reward format) holds the answer: read only it.
        if let tagged = Self.answerTagContent(in: s) { s = tagged }
        return anchoredAnswer(in: s) ?? Self.bareExpression(in: s) ?? Self.lastMathItem(in: s[...])
    }

    /// The trimmed content of the last `<answer>...</answer>` (case-insensitive), if any.
    static func answerTagContent(in s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let open = LatexText.scalars("<answer>")
        let close = LatexText.scalars("</answer>")
        var i = s.count - close.count
        while i >= 0 {
            if LatexText.hasPrefix(s, close, at: i, caseInsensitive: true) {
                var j = i - open.count
                while j >= 0 {
                    if LatexText.hasPrefix(s, open, at: j, caseInsensitive: true) {
                        let content = LatexText.trimmed(s[(j + open.count)..<i])
                        return content.isEmpty ? nil : Array(content)
                    }
                    j -= 1
                }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// The longest text read whole as a bare expression: the grader's default normalised length,
    /// so that any answer it can parse (a 31-deep `\frac`) is taken whole, not by its last number.
    static let longestBareExpression = GradingLimits().maximumAnswerLength

    /// A short text that is nothing but maths, with no delimiters (`\frac{10}{9}`, `-5`,
    /// `28 percent`, `(1, 4.5)`), or a single word (`yes`): the whole text, rather than its
    /// last number.
    static func bareExpression(in s: [Unicode.Scalar]) -> ExtractedAnswer? {
        let trimmed = LatexText.trimmed(s[...])
        guard !trimmed.isEmpty, trimmed.count <= Self.longestBareExpression, !trimmed.contains("$"), !trimmed.contains("\n") else { return nil }
        let scalars = Array(trimmed)
        for i in scalars.indices where scalars[i] == "\\" && LatexText.mathSpan(in: scalars, at: i) != nil {
            return nil
        }
        let words = wordCount(trimmed)
        let hasCommand = scalars.indices.contains { LatexText.command(in: scalars, at: $0) != nil }
        // A lone word is an answer too (`yes`, `odd`, `Evelyn`).
        let isOneWord = scalars.count <= 32 && scalars.allSatisfy { LatexText.isLetter($0) }
        guard words == 0 || (words == 1 && (hasCommand || isOneWord)) else { return nil }
        return ExtractedAnswer(text: LatexText.string(trimmed), rule: .wholeText)
    }

    func customAnswer(in text: String) -> ExtractedAnswer? {
        guard let pattern = customPattern, let capture = pattern.firstCapture(in: text) else { return nil }
        let trimmed = LatexText.trimmed(LatexText.scalars(capture)[...])
        return trimmed.isEmpty ? nil : ExtractedAnswer(text: LatexText.string(trimmed), rule: .customPattern)
    }

    /// Rules 2–4: answers anchored by a phrase, a box or `####`.
    func anchoredAnswer(in s: [Unicode.Scalar]) -> ExtractedAnswer? {
        if let found = Self.phraseAnswer(in: s, phrase: "final answer is", rule: .minerva) { return found }
        if let found = Self.boxedAnswer(in: s) { return found }
        if let found = Self.phraseAnswer(in: s, phrase: "the answer is", rule: .theAnswerIs) { return found }
        // "The correct answer is 7", "so our answer is 0.25 + 3".
        if let found = Self.phraseAnswer(in: s, phrase: "answer is", rule: .theAnswerIs) { return found }
        if let found = Self.phraseAnswer(in: s, phrase: "final answer", rule: .finalAnswerLabel, needsColon: true) {
            return found
        }
        if let found = Self.phraseAnswer(in: s, phrase: "answer", rule: .answerLabel, needsColon: true) {
            return found
        }
        return Self.hashesAnswer(in: s)
    }

    // MARK: Phrase-anchored answers

    /// The answer after the last occurrence of `phrase` (case-insensitive, at a word start).
    /// With `needsColon`, the phrase must be followed by a colon (Markdown bold allowed:
    /// `**Final Answer:**`, `**Final Answer**:`).
    static func phraseAnswer(
        in s: [Unicode.Scalar], phrase: String, rule: ExtractionRule, needsColon: Bool = false
    ) -> ExtractedAnswer? {
        let literal = LatexText.scalars(phrase.lowercased())
        let length = literal.count
        var i = s.count - length
        while i >= 0 {
            defer { i -= 1 }
            guard LatexText.lowercase(s[i]) == literal[0], LatexText.hasPrefix(s, literal, at: i, caseInsensitive: true),
                  i == 0 || !LatexText.isLetter(s[i - 1]) else { continue }
            var start = i + length
            while start < s.count, s[start] == "*" { start += 1 }
            start = LatexText.skipWhitespace(s, from: start)
            if needsColon {
                guard start < s.count, s[start] == ":" else { continue }
            }
            while start < s.count, s[start] == ":" || s[start] == "*" || LatexText.isWhitespace(s[start]) {
                start += 1
            }
            let end = captureEnd(in: s, from: start)
            guard let text = cleanedCapture(s[start..<end]) else { continue }
            return ExtractedAnswer(text: text, rule: rule)
        }
        return nil
    }

    /// Where a phrase-anchored answer ends: at a line break, at "I hope", or at a sentence end
    /// (a period followed by whitespace), skipping over math spans and brace groups.
    static func captureEnd(in s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let c = s[i]
            if c == "\n" { break }
            if c == "$" || c == "\\", let span = LatexText.mathSpan(in: s, at: i) {
                i = span.end
                continue
            }
            if c == "{", let close = LatexText.closingBrace(in: s, openingAt: i) {
                i = close + 1
                continue
            }
            if c == "I" || c == "i", LatexText.hasPrefix(s, "I hope", at: i, caseInsensitive: true) { break }
            if c == ".", i + 1 == s.count || LatexText.isWhitespace(s[i + 1]) { break }
            i += 1
        }
        return i
    }

    /// Trims quotes, bold markers and trailing periods; narrows sentence-like captures to their
    /// last math item. `nil` when nothing is left.
    static func cleanedCapture(_ capture: ArraySlice<Unicode.Scalar>) -> String? {
        var slice = LatexText.trimmed(capture)
        let wrappers: Set<Unicode.Scalar> = ["\"", "*", "\u{201C}", "\u{201D}", "'", "`"]
        var changed = true
        while changed, !slice.isEmpty {
            changed = false
            if let first = slice.first, wrappers.contains(first) || first == ":" {
                slice = slice.dropFirst()
                changed = true
            }
            if slice.count >= 2, slice.first == "\\", let second = slice.dropFirst().first, second == "\"" {
                slice = slice.dropFirst(2)
                changed = true
            }
            if let last = slice.last, wrappers.contains(last) || last == "." {
                slice = slice.dropLast()
                if slice.last == "\\" { slice = slice.dropLast() }
                changed = true
            }
            slice = LatexText.trimmed(slice)
        }
        guard !slice.isEmpty else { return nil }
        if looksLikeProse(slice), let inner = lastMathItem(in: slice) { return inner.text }
        return LatexText.string(slice)
    }

    /// Whether a capture reads like a sentence: two or more words outside math spans and braces
    /// that are not joiners, units, percent words or number words.
    static func looksLikeProse(_ s: ArraySlice<Unicode.Scalar>) -> Bool { wordCount(s) >= 2 }

    /// The words (two or more letters) outside math spans and commands' braces that are not
    /// joiners, units, percent words or number words.
    static func wordCount(_ s: ArraySlice<Unicode.Scalar>) -> Int {
        let scalars = Array(s)
        var words = 0
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "$" || c == "\\", let span = LatexText.mathSpan(in: scalars, at: i) {
                i = span.end
                continue
            }
            if c == "\\", let (_, end) = LatexText.command(in: scalars, at: i) {
                i = end
                if i < scalars.count, scalars[i] == "{", let close = LatexText.closingBrace(in: scalars, openingAt: i) {
                    i = close + 1
                }
                continue
            }
            if LatexText.isLetter(c) {
                var end = i
                while end < scalars.count, LatexText.isLetter(scalars[end]) { end += 1 }
                let word = LatexText.string(scalars[i..<end]).lowercased()
                if end - i >= 2, !UnitWords.isNeutralWord(word) { words += 1 }
                i = end
                continue
            }
            i += 1
        }
        return words
    }

    // MARK: Boxed answers

    struct Box {
        var start: Int
        var end: Int
        var content: Range<Int>
    }

    /// The last box, or the last run of boxes joined by "and"/"or"/commas/spacing (as a list).
    static func boxedAnswer(in s: [Unicode.Scalar], maximumSetSize: Int = 16) -> ExtractedAnswer? {
        let boxes = allBoxes(in: s)
        guard let last = boxes.last else { return nil }
        var group = [last]
        var index = boxes.count - 1
        while index > 0, group.count < maximumSetSize {
            let previous = boxes[index - 1]
            guard isJoiner(s[previous.end..<group[0].start]) else { break }
            group.insert(previous, at: 0)
            index -= 1
        }
        let contents = group.map { LatexText.string(LatexText.trimmed(s[$0.content])) }
        if contents.count == 1 {
            return contents[0].isEmpty ? nil : ExtractedAnswer(text: contents[0], rule: .boxed)
        }
        // A list in text order: it matches a tuple in order and a set in any order.
        return ExtractedAnswer(text: contents.joined(separator: ", "), rule: .boxedSet)
    }

    /// Every balanced `\boxed{...}` / `\fbox{...}` / `\boxed X`, in text order (nested boxes
    /// are inside their outer box and are not listed separately).
    static func allBoxes(in s: [Unicode.Scalar]) -> [Box] {
        var boxes: [Box] = []
        var i = 0
        while i < s.count {
            guard s[i] == "\\", let (name, nameEnd) = LatexText.command(in: s, at: i),
                  name == "boxed" || name == "fbox" else {
                i += 1
                continue
            }
            let open = LatexText.skipWhitespace(s, from: nameEnd)
            if open < s.count, s[open] == "{" {
                if let close = LatexText.closingBrace(in: s, openingAt: open) {
                    boxes.append(Box(start: i, end: close + 1, content: open + 1..<close))
                    i = close + 1
                } else {
                    i = open + 1
                }
                continue
            }
            // `\boxed 5`: the following run of non-space characters.
            var end = open
            while end < s.count, !LatexText.isWhitespace(s[end]), s[end] != "$", s[end] != "\\" { end += 1 }
            var contentEnd = end
            while contentEnd > open, [".", ",", ";", ":"].contains(s[contentEnd - 1]) { contentEnd -= 1 }
            if open > nameEnd, contentEnd > open { boxes.append(Box(start: i, end: end, content: open..<contentEnd)) }
            i = max(end, nameEnd)
        }
        return boxes
    }

    /// Whether the text between two boxes only joins them: spacing, math delimiters, commas,
    /// semicolons, "and"/"or" (bare or in `\text{}`).
    static func isJoiner(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        guard gap.count <= 64 else { return false }
        let s = Array(gap)
        var i = 0
        while i < s.count {
            let c = s[i]
            if LatexText.isWhitespace(c) || c == "$" || c == "," || c == ";" || c == "&" || c == "~" {
                i += 1
                continue
            }
            if c == "\\" {
                guard i + 1 < s.count else { return false }
                let next = s[i + 1]
                if next == "(" || next == ")" || next == "[" || next == "]" || next == "," || next == ";"
                    || next == " " || next == "\\" {
                    i += 2
                    continue
                }
                guard let (name, end) = LatexText.command(in: s, at: i) else { return false }
                if name == "quad" || name == "qquad" {
                    i = end
                    continue
                }
                if ["text", "mbox", "textrm", "mathrm"].contains(name), end < s.count, s[end] == "{",
                   let close = LatexText.closingBrace(in: s, openingAt: end),
                   isJoiner(s[(end + 1)..<close]) {
                    i = close + 1
                    continue
                }
                return false
            }
            if LatexText.hasPrefix(s, "and", at: i, caseInsensitive: true) {
                i += 3
                continue
            }
            if LatexText.hasPrefix(s, "or", at: i, caseInsensitive: true) {
                i += 2
                continue
            }
            return false
        }
        return true
    }

    // MARK: GSM8K

    /// The text after the last `####`, to the end of its line.
    static func hashesAnswer(in s: [Unicode.Scalar]) -> ExtractedAnswer? {
        var i = s.count - 4
        while i >= 0 {
            if s[i] == "#", s[i + 1] == "#", s[i + 2] == "#", s[i + 3] == "#" {
                var end = i + 4
                while end < s.count, s[end] != "\n" { end += 1 }
                let content = LatexText.trimmed(s[(i + 4)..<end])
                return content.isEmpty ? nil : ExtractedAnswer(text: LatexText.string(content), rule: .gsm8kHashes)
            }
            i -= 1
        }
        return nil
    }

    // MARK: Last math item

    /// The last LaTeX span or bare number of `s`, whichever ends later. Numbers inside spans
    /// belong to their span. Items of the same kind joined only by "and"/"or"/commas before the
    /// last one are part of the answer, as a list (`$x = 2$ and $x = 3$`, `-1 and 4`).
    static func lastMathItem(in s: ArraySlice<Unicode.Scalar>, maximumListSize: Int = 16) -> ExtractedAnswer? {
        let scalars = Array(s)
        var items: [(start: Int, content: Range<Int>, end: Int, isSpan: Bool)] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "$" || c == "\\", let span = LatexText.mathSpan(in: scalars, at: i) {
                if !LatexText.trimmed(scalars[span.content]).isEmpty { items.append((i, span.content, span.end, true)) }
                i = span.end
                continue
            }
            if let number = BareNumber.match(in: scalars, at: i) {
                items.append((number.lowerBound, number, number.upperBound, false))
                i = number.upperBound
                continue
            }
            if LatexText.isWordCharacter(c) {
                // Skip the rest of a word so that "x23" does not yield "3".
                while i < scalars.count, LatexText.isWordCharacter(scalars[i]) { i += 1 }
                continue
            }
            i += 1
        }
        guard let last = items.last else { return nil }
        var first = items.count - 1
        while first > 0, items.count - first < maximumListSize, items[first - 1].isSpan == last.isSpan,
              isJoiner(scalars[items[first - 1].end..<items[first].start]) {
            first -= 1
        }
        let texts = items[first...].map { LatexText.string(LatexText.trimmed(scalars[$0.content])) }
        return ExtractedAnswer(text: texts.joined(separator: ", "), rule: last.isSpan ? .latexSpan : .bareNumber)
    }
}
