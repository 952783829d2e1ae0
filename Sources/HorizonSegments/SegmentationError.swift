import HorizonCommon
import HorizonTraces

/// Why a pattern, a profile name or a segmentation was refused.
///
/// ```swift
/// do { _ = try RegexPattern("(unclosed") } catch let error as SegmentationError {
///     print(error)   // invalid regular expression "(unclosed" at byte 9: missing closing parenthesis
/// }
/// ```
public struct SegmentationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, with the details a user needs to fix it.
    public enum Reason: Sendable, Equatable {
        /// PCRE2 could not compile `pattern`; `offset` is the byte in the pattern where it
        /// stopped and `message` is PCRE2's explanation.
        case invalidPattern(pattern: String, offset: Int, message: String)
        /// Matching `pattern` stopped with an error (PCRE2's match limit or JIT stack limit,
        /// usually from catastrophic backtracking in a user pattern).
        case matchFailed(pattern: String, message: String)
        /// No profile is called `name`; `known` lists the names that exist.
        case unknownProfile(name: String, known: [String])
    }

    /// What went wrong.
    public var reason: Reason
    /// The trace being segmented when the error arose, if any.
    public var location: SourceLocation?

    public init(_ reason: Reason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    /// A one-line message, prefixed with `FILE:LINE:` when the error concerns a trace.
    public var description: String {
        let message: String
        switch reason {
        case let .invalidPattern(pattern, offset, pcreMessage):
            message = "invalid regular expression \"\(pattern)\" at byte \(offset): \(pcreMessage)"
        case let .matchFailed(pattern, pcreMessage):
            message = "matching \"\(pattern)\" failed: \(pcreMessage)"
        case let .unknownProfile(name, known):
            message = "unknown segmentation profile \"\(name)\"; known profiles: \(known.joined(separator: ", "))"
        }
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
