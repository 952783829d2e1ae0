internal import CPCRE2

/// Every call into libpcre2-8, and every PCRE2 constant Horizon uses.
///
/// Keeping the C surface in one file means the rest of the module sees only Swift types: compiled
/// code is an `OpaquePointer` owned by ``RegexPattern``, subjects are byte buffers, and results
/// are `Range<Int>` byte offsets. Each wrapper names its C counterpart; the library is built for
/// 8-bit code units, so the linked symbol carries the `_8` suffix the `pcre2.h` macros add.
enum PCRE2 {
    /// Compile-time and match-time option bits, as Swift `UInt32`s.
    enum Option {
        /// `PCRE2_UTF`: the pattern and the subject are UTF-8, matched by character.
        static let utf = UInt32(PCRE2_UTF)
        /// `PCRE2_MATCH_INVALID_UTF`: the subject may hold invalid UTF-8, which no pattern item
        /// matches (each invalid sequence is a barrier that no match crosses).
        static let matchInvalidUTF = UInt32(PCRE2_MATCH_INVALID_UTF)
        /// `PCRE2_NO_UTF_CHECK`: skip PCRE2's own validation of the subject (done once by the caller).
        static let noUTFCheck = UInt32(PCRE2_NO_UTF_CHECK)
        /// `PCRE2_NOTEMPTY_ATSTART`: an empty match at the start offset is not a match (a
        /// non-empty one there, or an empty one further on, is).
        static let notEmptyAtStart = UInt32(PCRE2_NOTEMPTY_ATSTART)
    }

    /// Why `pcre2_compile` refused a pattern: PCRE2's error code and the byte offset in the
    /// pattern where it stopped.
    struct CompileFailure: Error {
        var errorCode: Int32
        var patternOffset: Int
    }

    /// Compiles `pattern` with `options`.
    ///
    /// Wraps `pcre2_compile()` (`pcre2_compile_8`). The pattern is passed with its byte length, so
    /// it may contain NUL.
    /// - Returns: The compiled code, which the caller frees with ``freeCode(_:)``.
    /// - Throws: ``CompileFailure`` with PCRE2's error code and the offset of the error.
    static func compile(_ pattern: String, options: UInt32) throws(CompileFailure) -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset = 0
        // The NUL is not passed (the length excludes it); it only guarantees a non-nil pointer
        // for the empty pattern.
        let utf8 = Array(pattern.utf8) + [0]
        let code = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count - 1, options, &errorCode, &errorOffset, nil)
        }
        guard let code else { throw CompileFailure(errorCode: errorCode, patternOffset: errorOffset) }
        return code
    }

    /// Adds JIT-compiled machine code to `code` for complete (non-partial) matching.
    ///
    /// Wraps `pcre2_jit_compile()` (`pcre2_jit_compile_8`) with `PCRE2_JIT_COMPLETE`. When it
    /// fails (a build without JIT, or memory the OS will not make executable), `pcre2_match`
    /// keeps using the interpreter, so failure is not an error.
    /// - Returns: Whether JIT code is now attached.
    static func jitCompile(_ code: OpaquePointer) -> Bool {
        pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    /// Frees compiled code and its JIT code. Wraps `pcre2_code_free()` (`pcre2_code_free_8`).
    static func freeCode(_ code: OpaquePointer) {
        pcre2_code_free_8(code)
    }

    /// The number of capture groups in the pattern.
    ///
    /// Wraps `pcre2_pattern_info()` (`pcre2_pattern_info_8`) with `PCRE2_INFO_CAPTURECOUNT`.
    static func captureCount(_ code: OpaquePointer) -> Int {
        var count: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        return Int(count)
    }

    /// PCRE2's English text for an error code.
    ///
    /// Wraps `pcre2_get_error_message()` (`pcre2_get_error_message_8`).
    static func errorMessage(_ errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { buffer in
            pcre2_get_error_message_8(errorCode, buffer.baseAddress, buffer.count)
        }
        guard length >= 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }

    /// Match data sized for `code`'s capture groups, alive for the duration of `body`.
    ///
    /// Wraps `pcre2_match_data_create_from_pattern()` and `pcre2_match_data_free()`
    /// (`_8` suffixed). A fresh block per call is what lets one compiled pattern serve many
    /// threads at once.
    static func withMatchData<Result>(for code: OpaquePointer, _ body: (OpaquePointer) -> Result) -> Result {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
            // Only an allocation failure gets here; there is nothing sensible to continue with.
            fatalError("PCRE2 could not allocate match data")
        }
        defer { pcre2_match_data_free_8(matchData) }
        return body(matchData)
    }

    /// The outcome of one `pcre2_match` call.
    enum MatchOutcome {
        /// A match, read from the ovector.
        case matched(RegexMatch)
        /// No match from this offset.
        case noMatch
        /// Matching stopped with an error (match limit, JIT stack limit, ...): PCRE2's code.
        case failed(Int32)
    }

    /// Runs one match of `code` against `subject` from byte `offset`.
    ///
    /// Wraps `pcre2_match()` (`pcre2_match_8`), reading the result through
    /// `pcre2_get_ovector_pointer()`. `pcre2_match` runs the JIT code when the pattern has it
    /// and `options` allow it, the interpreter otherwise.
    /// - Parameters:
    ///   - captureCount: The pattern's capture groups; the match holds a range for each.
    /// - Returns: The byte ranges of the match and of each group (`nil` when unset).
    static func match(
        _ code: OpaquePointer,
        subject: UnsafeBufferPointer<UInt8>,
        offset: Int,
        options: UInt32,
        matchData: OpaquePointer,
        captureCount: Int
    ) -> MatchOutcome {
        guard let base = subject.baseAddress else {
            // An empty array may have no storage; PCRE2 wants a pointer even for zero bytes.
            var empty: UInt8 = 0
            return withUnsafePointer(to: &empty) { pointer in
                match(
                    code, subject: UnsafeBufferPointer(start: pointer, count: 0), offset: offset,
                    options: options, matchData: matchData, captureCount: captureCount
                )
            }
        }
        let status = pcre2_match_8(code, base, subject.count, offset, options, matchData, nil)
        if status == PCRE2_ERROR_NOMATCH { return .noMatch }
        if status < 0 { return .failed(status) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let unset = horizon_pcre2_unset()
        // `\K` can report an end before the start; PCRE2 forbids it in lookarounds by default,
        // but clamp so a range is always well-formed.
        func pair(_ index: Int) -> Range<Int>? {
            let start = ovector[2 * index], end = ovector[2 * index + 1]
            return start == unset ? nil : Int(start)..<Int(max(start, end))
        }
        // PCRE2 always sets pair 0 on a match.
        let captures = captureCount == 0 ? [] : (1...captureCount).map(pair)
        return .matched(RegexMatch(range: pair(0)!, captureRanges: captures))
    }
}
