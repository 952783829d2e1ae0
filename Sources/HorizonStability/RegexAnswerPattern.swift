import HorizonAnswers
import HorizonSegments

/// `--answer-regex`: a PCRE2 pattern whose first capture group is the final answer.
public struct RegexAnswerPattern: AnswerPattern {
    public let pattern: RegexPattern

    /// - Throws: ``SegmentationError`` when the pattern does not compile or has no capture group.
    public init(_ source: String) throws {
        pattern = try RegexPattern(source)
        guard pattern.captureGroupCount >= 1 else {
            throw SegmentationError(.invalidPattern(pattern: source, offset: 0, message: "--answer-regex needs a capture group around the answer"))
        }
    }

    public func firstCapture(in text: String) -> String? {
        let subject = MatchSubject(text)
        // A pattern that exceeds PCRE2's match limit on one output extracts nothing there.
        guard let match = try? pattern.firstMatch(in: subject), let range = match.captureRange(1) else { return nil }
        return subject.text(in: range)
    }
}
