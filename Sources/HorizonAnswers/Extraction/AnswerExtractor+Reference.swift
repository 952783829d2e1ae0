extension AnswerExtractor {
    /// The reference answer of a dataset's gold field.
    ///
    /// GSM8K golds are worked solutions ending in `#### N`: the answer is N. A gold that is a
    /// whole solution (it has a box or a "final answer is" phrase) yields its anchored answer,
    /// and a sentence (two or more prose words) its last value.
    /// Anything else, such as MATH's `answer` field, already is the answer and is taken whole;
    /// unlike ``extract(from:)``, a gold is never narrowed to its last number (`10/9` stays
    /// `10/9`).
    ///
    /// ```swift
    /// AnswerExtractor().referenceAnswer(fromGold: "... she makes 9 * 2 = $18.\n#### 18")
    /// // ExtractedAnswer(text: "18", rule: .gsm8kHashes)
    /// ```
    /// - Parameter gold: The dataset's reference field.
    /// - Returns: The reference answer, or `nil` when `gold` is blank.
    /// - Complexity: O(n) in the length of `gold`.
    public func referenceAnswer(fromGold gold: String) -> ExtractedAnswer? {
        if let custom = customAnswer(in: gold) { return custom }
        let s = LatexText.collapsingEscapedCommands(LatexText.scalars(gold))
        if let hashes = Self.hashesAnswer(in: s) { return hashes }
        if let anchored = anchoredAnswer(in: s) { return anchored }
        let whole = LatexText.trimmed(s[...])
        // A sentence ("The value is 42.") yields its last value, as a model's output would.
        if Self.looksLikeProse(whole), let value = Self.lastMathItem(in: whole) { return value }
        return whole.isEmpty ? nil : ExtractedAnswer(text: LatexText.string(whole), rule: .wholeText)
    }
}
