/// Markup a family writes inside its spans that is not content: Cohere's citation tags
/// (`<co>` … `</co: 0:[1]>`), the headers between two gpt-oss messages of one span.
///
/// The inference servers' reasoning parsers drop it from the reasoning and content they return,
/// so span *texts* replace each match with ``replacement``. Byte and token ranges still cover it:
/// they index the output as generated, and a span's Branching Factor includes the markup tokens.
public struct InlineMarkup: Sendable, Hashable {
    /// What the markup looks like.
    public var pattern: RegexPattern
    /// The text that stands in for each match: empty for tags around content, a newline for the
    /// boundary between two messages, so their texts do not run together.
    public var replacement: String

    public init(_ pattern: RegexPattern, replacement: String = "") {
        self.pattern = pattern
        self.replacement = replacement
    }

    /// The text of `span` in `subject` with every non-empty match wholly inside it replaced.
    /// - Throws: ``SegmentationError`` when matching fails.
    /// - Complexity: O(*n*) in the subject's length from the span's start.
    func text(of span: Range<Int>, in subject: MatchSubject) throws -> String {
        var text = "", position = span.lowerBound
        for match in try pattern.allMatches(in: subject, from: span.lowerBound) {
            // Matches come in order and do not overlap: the first to leave the span ends the search.
            guard match.range.upperBound <= span.upperBound else { break }
            guard !match.range.isEmpty else { continue }
            text += subject.text(in: position..<match.range.lowerBound) + replacement
            position = match.range.upperBound
        }
        return text + subject.text(in: position..<span.upperBound)
    }
}
