import Foundation

/// Enforces a request's read-gap timeout and total deadline around head and body together.
///
/// AsyncHTTPClient's own deadline ends when the response head arrives, and a streamed body can
/// stall after it; so the operation reports every received chunk to ``Activity`` and a watchdog
/// task fails the request when the gap since the last chunk or the time since the start grows too
/// long. Both limits hold for any ``HTTPTransport``.
enum RequestWatchdog {
    /// The time of the last received bytes, shared between the operation and its watchdog.
    ///
    /// `@unchecked Sendable`: the only state is one instant, read and written under `lock`.
    final class Activity: @unchecked Sendable {
        private let lock = NSLock()
        private var last: ContinuousClock.Instant

        init(now: ContinuousClock.Instant) { last = now }

        /// Records that bytes arrived now.
        func touch() {
            let now = ContinuousClock.now
            lock.withLock { last = now }
        }

        var lastActivity: ContinuousClock.Instant { lock.withLock { last } }
    }

    /// Runs `operation` under `timeouts`' read gap and total deadline.
    ///
    /// - Parameters:
    ///   - timeouts: the read gap (measured from the start, then from each ``Activity/touch()``)
    ///     and the total time.
    ///   - url: named in the error message.
    ///   - operation: the request; calls `touch()` whenever bytes arrive.
    /// - Returns: the operation's result.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/readTimeout`` or
    ///   ``ClientError/Reason/deadlineExceeded`` (the operation is cancelled), or what the
    ///   operation throws.
    static func run<Result: Sendable>(
        timeouts: RequestTimeouts,
        url: String,
        operation: @escaping @Sendable (Activity) async throws -> Result
    ) async throws -> Result {
        let start = ContinuousClock.now
        let activity = Activity(now: start)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await operation(activity) }
            group.addTask {
                try await watch(activity, start: start, timeouts: timeouts, url: url)
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw CancellationError()
        }
    }

    /// Sleeps until a limit passes (then throws) or until cancelled.
    private static func watch(
        _ activity: Activity,
        start: ContinuousClock.Instant,
        timeouts: RequestTimeouts,
        url: String
    ) async throws {
        let deadline = start + timeouts.total
        while true {
            let gapEnd = activity.lastActivity + timeouts.readGap
            let now = ContinuousClock.now
            if now >= deadline {
                throw ClientError(.deadlineExceeded, "request to \(url) took longer than its total deadline of \(timeouts.total)")
            }
            if now >= gapEnd {
                throw ClientError(.readTimeout, "\(url) sent nothing for \(timeouts.readGap)")
            }
            try await Task.sleep(until: min(gapEnd, deadline), clock: .continuous)
        }
    }
}
