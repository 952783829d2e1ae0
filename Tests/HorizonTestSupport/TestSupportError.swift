import Foundation

/// A failure of the test-support helpers: the real-server harness, a test-model table or a
/// system command.
///
/// The message names the file or command involved and, for a server that would not start, ends
/// with the tail of the server's own log, so a failing CI run shows why.
public struct TestSupportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The Python environment at `.venv` is missing or cannot import `llama_cpp.server`.
        case pythonEnvironmentUnavailable
        /// llama.cpp's `llama-server` or a real model is not in Horizon's cache.
        case serverUnavailable
        /// No free TCP port on 127.0.0.1 could be found.
        case noFreePort
        /// The server process ended before it was ready.
        case serverExited(status: Int32)
        /// The server was not ready within the startup timeout.
        case startupTimedOut(seconds: Double)
        /// The server answered a request with a status other than 200.
        case httpStatus(Int)
        /// The server's answer was not the JSON shape asked for.
        case malformedResponse
        /// A transition table could not be read or decoded.
        case unreadableTable
        /// A system command (`gzip`, `zstd`) failed.
        case commandFailed(status: Int32)
    }

    /// What went wrong.
    public var reason: Reason
    /// Details: the file, command or URL involved and, where there is one, the log tail.
    public var detail: String

    /// Creates an error from a reason and its details.
    public init(_ reason: Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String {
        let summary: String
        switch reason {
        case .pythonEnvironmentUnavailable: summary = "Python environment for llama_cpp.server unavailable"
        case .serverUnavailable: summary = "llama-server or a real model missing"
        case .noFreePort: summary = "no free loopback port"
        case .serverExited(let status): summary = "the server exited with status \(status) before it was ready"
        case .startupTimedOut(let seconds): summary = "the server was not ready within \(seconds) s"
        case .httpStatus(let status): summary = "server answered HTTP \(status)"
        case .malformedResponse: summary = "server answer is not the expected JSON"
        case .unreadableTable: summary = "transition table unreadable"
        case .commandFailed(let status): summary = "command exited with status \(status)"
        }
        return "\(summary): \(detail)"
    }
}
