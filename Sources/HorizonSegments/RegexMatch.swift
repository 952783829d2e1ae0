/// One match of a ``RegexPattern``: byte ranges of the whole match and of each capture group.
///
/// Offsets are byte offsets into the ``MatchSubject``'s bytes; read the text with
/// ``MatchSubject/text(in:)``.
///
/// ```swift
/// let pattern = try RegexPattern(#"answer: (\d+)"#)
/// let subject = MatchSubject("the answer: 42")
/// let match = try pattern.firstMatch(in: subject)!
/// subject.text(in: match.captureRange(1)!)   // "42"
/// ```
public struct RegexMatch: Sendable, Hashable {
    /// The bytes the whole pattern matched (empty for a zero-width match).
    public var range: Range<Int>
    /// The bytes each capture group matched, group 1 first; `nil` for a group that took no part
    /// in the match (an unmatched alternative or optional group).
    public var captureRanges: [Range<Int>?]

    public init(range: Range<Int>, captureRanges: [Range<Int>?] = []) {
        self.range = range
        self.captureRanges = captureRanges
    }

    /// The bytes of capture group `group`, counting from 1 as PCRE2 does; 0 is the whole match.
    /// - Returns: `nil` when the group did not take part in the match or does not exist.
    public func captureRange(_ group: Int) -> Range<Int>? {
        if group == 0 { return range }
        guard group > 0, group <= captureRanges.count else { return nil }
        return captureRanges[group - 1]
    }
}
