/// A Perl-compatible regular expression, compiled once by PCRE2 and matched against UTF-8 bytes.
///
/// The pattern is compiled in UTF mode (`.` is one character, `\x{221A}` is "√") and, where the
/// platform allows, JIT-compiled to machine code; otherwise PCRE2's interpreter runs it with the
/// same results. Matches report byte offsets into a ``MatchSubject``.
///
/// ```swift
/// let end = try RegexPattern("</think>")
/// let subject = MatchSubject("<think>2+2</think>4")
/// try end.firstMatch(in: subject)?.range   // 10..<18
/// ```
///
/// Two compiled forms are kept: one for valid UTF-8 subjects, matched with `PCRE2_NO_UTF_CHECK`
/// (validity was checked once by ``MatchSubject``), and one compiled with
/// `PCRE2_MATCH_INVALID_UTF` for subjects holding invalid UTF-8 (a trace that ends in the middle
/// of a character). In the second, invalid byte sequences match nothing, not even `.` or `[^x]`,
/// so a match never spans them, while offsets still count the original bytes. Replacing invalid
/// bytes with U+FFFD was rejected because it shifts every later offset, and matching without UTF
/// mode because it would change what `.` and character classes mean in the valid parts.
///
/// ## Sendable
/// The class is `@unchecked Sendable` because its only mutable state is C memory that is never
/// mutated after `init`: PCRE2 documents compiled code (including JIT code) as read-only during
/// matching and safe to share between threads. Every match allocates its own match data, so no
/// per-match state is shared. The memory is freed in `deinit`, when no reference remains.
public final class RegexPattern: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The number of capture groups in the pattern.
    public let captureGroupCount: Int
    /// Whether matching uses JIT machine code (`false` means PCRE2's interpreter).
    public let isJITCompiled: Bool

    /// Compiled with `PCRE2_UTF`, for valid subjects.
    private let validUTF8Code: OpaquePointer
    /// Compiled with `PCRE2_MATCH_INVALID_UTF`, for subjects holding invalid UTF-8.
    private let invalidUTF8Code: OpaquePointer

    /// Compiles `source`.
    /// - Parameter source: A PCRE2 pattern. Inline options such as `(?i)` (caseless) and `(?m)`
    ///   (`^`/`$` at line breaks) work as usual.
    /// - Throws: ``SegmentationError`` with reason
    ///   ``SegmentationError/Reason/invalidPattern(pattern:offset:message:)``, carrying the byte
    ///   offset in `source` and PCRE2's message.
    /// - Complexity: O(*m*) in the pattern's length, plus JIT compilation.
    public init(_ source: String) throws {
        func compile(options: UInt32) throws -> OpaquePointer {
            do {
                return try PCRE2.compile(source, options: options)
            } catch {
                throw SegmentationError(.invalidPattern(
                    pattern: source, offset: error.patternOffset, message: PCRE2.errorMessage(error.errorCode)
                ))
            }
        }
        let validCode = try compile(options: PCRE2.Option.utf)
        let invalidCode: OpaquePointer
        do {
            // PCRE2 documents that this option does not change compilation, so this cannot
            // fail where the first succeeded; the memory is released if it somehow does.
            invalidCode = try compile(options: PCRE2.Option.utf | PCRE2.Option.matchInvalidUTF)
        } catch {
            PCRE2.freeCode(validCode)
            throw error
        }
        self.source = source
        validUTF8Code = validCode
        invalidUTF8Code = invalidCode
        captureGroupCount = PCRE2.captureCount(validCode)
        isJITCompiled = PCRE2.jitCompile(validCode)
        _ = PCRE2.jitCompile(invalidCode)
    }

    deinit {
        PCRE2.freeCode(validUTF8Code)
        PCRE2.freeCode(invalidUTF8Code)
    }

    /// A pattern source that matches `literal` exactly (every metacharacter escaped).
    ///
    /// ```swift
    /// RegexPattern.escaping("<|end|>")   // "<\|end\|>"
    /// ```
    public static func escaping(_ literal: String) -> String {
        var escaped = ""
        for character in literal {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The first match that starts at or after `offset`.
    /// - Parameters:
    ///   - subject: The bytes to search.
    ///   - offset: Where the search starts; an offset inside a multi-byte character moves to the
    ///     next character. Past the end, there is no match.
    /// - Throws: ``SegmentationError`` when PCRE2 stops with an error (match limit exceeded).
    /// - Complexity: Usually O(*n*) in the bytes searched; a pattern that backtracks badly can be
    ///   worse, up to PCRE2's match limit.
    public func firstMatch(in subject: MatchSubject, from offset: Int = 0) throws -> RegexMatch? {
        var first: RegexMatch?
        try scan(subject, from: offset) { match in
            first = match
            return false
        }
        return first
    }

    /// The last of the successive non-overlapping matches that start at or after `offset`.
    ///
    /// Matches are found left to right, each search resuming where the previous match ended, as
    /// ``allMatches(in:from:)`` does; this is the last of those.
    /// - Throws: ``SegmentationError`` when PCRE2 stops with an error.
    /// - Complexity: O(*n*) searches the whole subject after `offset`.
    public func lastMatch(in subject: MatchSubject, from offset: Int = 0) throws -> RegexMatch? {
        var last: RegexMatch?
        try scan(subject, from: offset) { match in
            last = match
            return true
        }
        return last
    }

    /// Every non-overlapping match that starts at or after `offset`, left to right.
    ///
    /// After an empty match the next match may not be empty at the same place, as in Perl; so
    /// `x*` in `"ax"` matches `""`, `"x"`, `""`.
    /// - Throws: ``SegmentationError`` when PCRE2 stops with an error.
    /// - Complexity: O(*n*) for the usual patterns.
    public func allMatches(in subject: MatchSubject, from offset: Int = 0) throws -> [RegexMatch] {
        var matches: [RegexMatch] = []
        try scan(subject, from: offset) { match in
            matches.append(match)
            return true
        }
        return matches
    }

    /// Calls `visit` with each successive match until it returns `false` or matches run out.
    private func scan(_ subject: MatchSubject, from offset: Int, _ visit: (RegexMatch) -> Bool) throws {
        precondition(offset >= 0, "negative match offset \(offset)")
        guard offset <= subject.count else { return }
        let code = subject.isValidUTF8 ? validUTF8Code : invalidUTF8Code
        // PCRE2 ignores NO_UTF_CHECK for MATCH_INVALID_UTF code, and must not get it otherwise
        // unless the subject is known valid.
        let baseOptions = subject.isValidUTF8 ? PCRE2.Option.noUTFCheck : 0
        let groups = captureGroupCount
        let failure: Int32? = PCRE2.withMatchData(for: code) { matchData in
            subject.bytes.withUnsafeBufferPointer { buffer in
                var position = subject.characterBoundary(atOrAfter: offset)
                var afterEmptyMatch = false
                while true {
                    // After an empty match, the next may be non-empty at the same place or
                    // anything further on (Perl's rule), so the search always moves forward.
                    let options = afterEmptyMatch ? baseOptions | PCRE2.Option.notEmptyAtStart : baseOptions
                    switch PCRE2.match(
                        code, subject: buffer, offset: position, options: options,
                        matchData: matchData, captureCount: groups
                    ) {
                    case .failed(let errorCode):
                        return errorCode
                    case .noMatch:
                        return nil
                    case .matched(let match):
                        guard visit(match) else { return nil }
                        position = match.range.upperBound
                        afterEmptyMatch = match.range.isEmpty
                    }
                }
            }
        }
        if let failure {
            throw SegmentationError(.matchFailed(pattern: source, message: PCRE2.errorMessage(failure)))
        }
    }

    public static func == (lhs: RegexPattern, rhs: RegexPattern) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// The pattern as written.
    public var description: String { source }
}
