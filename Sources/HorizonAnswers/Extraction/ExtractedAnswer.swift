/// A final answer found in a model's output (or a reference solution), with the rule that found it.
public struct ExtractedAnswer: Sendable, Hashable, Codable {
    /// The answer's text as it appears in the source, without the delimiters that found it
    /// (`\boxed{}`, the phrase); for ``ExtractionRule/boxedSet`` the boxes' contents as `\{a, b\}`.
    public var text: String
    /// Which extraction rule produced it.
    public var rule: ExtractionRule

    public init(text: String, rule: ExtractionRule) {
        self.text = text
        self.rule = rule
    }
}

/// The extraction rules, in the priority order ``AnswerExtractor`` tries them.
///
/// Raw values are stable: they are written to JSON output and read back.
public enum ExtractionRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// A caller-supplied ``AnswerPattern`` matched.
    case customPattern = "custom-pattern"
    /// Minerva style: `final answer is X. I hope it is correct.`
    case minerva
    /// The last balanced `\boxed{...}` or `\fbox{...}` (or `\boxed 5`).
    case boxed
    /// Several boxed answers joined by "and", "or", commas or spacing, read as a set.
    case boxedSet = "boxed-set"
    /// `The answer is X`.
    case theAnswerIs = "the-answer-is"
    /// `Final Answer: X`.
    case finalAnswerLabel = "final-answer-label"
    /// `Answer: X`.
    case answerLabel = "answer-label"
    /// GSM8K's `#### X`.
    case gsm8kHashes = "gsm8k-hashes"
    /// The last LaTeX math span: `$...$`, `$$...$$`, `\(...\)` or `\[...\]`.
    case latexSpan = "latex-span"
    /// The last number in plain text.
    case bareNumber = "bare-number"
    /// The whole text is the answer (a reference answer such as MATH's `answer` field).
    case wholeText = "whole-text"
}
