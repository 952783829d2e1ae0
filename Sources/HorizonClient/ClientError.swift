import HorizonCommon
import HorizonTraces
import HorizonCommon

/// Every failure of the sampling client: a ``Reason`` a program can switch on, and a message a
/// person can act on.
///
/// The message never contains the API key or request headers. Errors about a file (the dataset,
/// an existing output) carry its ``SourceLocation`` and print as `FILE:LINE: message`.
public struct ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// The settings cannot work (bad URL, zero samples, missing `{question}` in a template).
        case invalidConfiguration
        /// No connection could be made (refused, unknown host).
        case unreachable
        /// Connecting took longer than the connect timeout.
        case connectTimeout
        /// The server sent no bytes for longer than the read-gap timeout.
        case readTimeout
        /// A request as a whole took longer than its total deadline.
        case deadlineExceeded
        /// The connection was reset or closed before the response was complete.
        case connectionLost
        /// The server answered with a non-success HTTP status.
        case httpStatus
        /// The body is not valid JSON or not a valid event stream.
        case malformedResponse
        /// The body is valid JSON but not a completion (no choices, no text).
        case notACompletion
        /// The completion cannot make a trace `analyze` accepts: it lacks the log-probs the
        /// request asked for, or holds invalid ones (a positive log-probability).
        case unusableCompletion
        /// An event stream ended before its `[DONE]` or final event.
        case truncatedStream
        /// An existing output was written with other settings (and `force` was not given).
        case settingsChanged
        /// An existing output file holds a complete line that is not a trace line.
        case invalidExistingOutput
        /// The problem file cannot be read or holds an invalid line.
        case invalidDataset
        /// Reading or writing a local file failed.
        case fileSystem
    }

    /// What went wrong, for a program to switch on.
    public var reason: Reason
    /// A readable explanation, without the location prefix.
    public var message: String
    /// The file and line the error is about, when it is about one.
    public var location: SourceLocation?
    /// The HTTP status, for ``Reason/httpStatus``.
    public var httpStatus: Int?
    /// How long the server asked to wait (its `Retry-After`), in seconds, when it said.
    public var retryAfterSeconds: Double?

    public init(
        _ reason: Reason,
        _ message: String,
        location: SourceLocation? = nil,
        httpStatus: Int? = nil,
        retryAfterSeconds: Double? = nil
    ) {
        self.reason = reason
        self.message = message
        self.location = location
        self.httpStatus = httpStatus
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    /// The cause a retry of this error is counted and reported under: `HTTP 503`,
    /// `connection reset`, `read gap`, `malformed event` (a stream cut short or without its
    /// finish), ... — few distinct values, so counts per cause stay readable.
    public var retryCause: String {
        switch reason {
        case .httpStatus: return httpStatus.map { "HTTP \($0)" } ?? "HTTP error"
        case .connectionLost: return "connection reset"
        case .unreachable: return "connection refused"
        case .connectTimeout: return "connect timeout"
        case .readTimeout: return "read gap"
        case .deadlineExceeded: return "deadline"
        case .truncatedStream, .malformedResponse: return "malformed event"
        case .notACompletion, .unusableCompletion, .invalidConfiguration, .settingsChanged, .invalidExistingOutput,
            .invalidDataset, .fileSystem:
            return reason.rawValue
        }
    }

    /// Whether trying the same request again may succeed: connection trouble, timeouts, a
    /// truncated stream, 408, 429 and 5xx. A malformed body or a 4xx is the same on every try.
    public var isRetryable: Bool {
        switch reason {
        case .unreachable, .connectTimeout, .readTimeout, .deadlineExceeded, .connectionLost, .truncatedStream:
            return true
        case .httpStatus:
            guard let status = httpStatus else { return false }
            return status == 408 || status == 429 || (500...599).contains(status)
        case .invalidConfiguration, .malformedResponse, .notACompletion, .unusableCompletion, .settingsChanged,
            .invalidExistingOutput, .invalidDataset, .fileSystem:
            return false
        }
    }
}

extension ClientError {
    /// A syntax error in a response the client read.
    init(syntax error: JSONSyntaxError) {
        self.init(.malformedResponse, error.description)
    }
}
