/// The bytes a ``RegexPattern`` searches, validated as UTF-8 once.
///
/// A model's output is a sequence of token bytes, and a token may end in the middle of a UTF-8
/// character (token bytes `[0xE2]` then `[0x88, 0x9A]` spell "√"); an output cut off by a length
/// limit can therefore end with an incomplete character. Checking validity here, once, lets every
/// later match skip PCRE2's own check (`PCRE2_NO_UTF_CHECK`), which would otherwise rescan the
/// subject on every call: with thousands of matches in a long output that is quadratic.
///
/// An invalid subject is still matched, byte-exactly and without replacing anything: each invalid
/// sequence acts as a barrier that no match crosses (see ``RegexPattern``), so offsets always
/// refer to the original bytes.
///
/// ```swift
/// let subject = MatchSubject(bytes: [0x61, 0xE2, 0x88])   // "a" + half of "√"
/// subject.isValidUTF8                                       // false
/// ```
public struct MatchSubject: Sendable, Equatable {
    /// The subject's bytes, as given.
    public let bytes: [UInt8]
    /// Whether ``bytes`` is well-formed UTF-8 (no truncated, overlong or surrogate sequences).
    public let isValidUTF8: Bool

    /// A subject holding `bytes`, validated as UTF-8.
    /// - Complexity: O(*n*) in the number of bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        isValidUTF8 = String(validating: bytes, as: UTF8.self) != nil
    }

    /// A subject holding the UTF-8 of `text` (valid by construction, so not re-validated).
    /// - Complexity: O(*n*) in the length of `text`.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        isValidUTF8 = true
    }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// The text of a byte range, with any invalid UTF-8 in it decoded as U+FFFD.
    /// - Complexity: O(*m*) in the length of `range`.
    public func text(in range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The first offset at or after `offset` that does not fall on a UTF-8 continuation byte
    /// (`10xxxxxx`), i.e. where a character (or an invalid sequence) starts; `count` at the end.
    func characterBoundary(atOrAfter offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
