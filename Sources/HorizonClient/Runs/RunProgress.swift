/// Where a run (sampling or probing) stands, passed to the progress callback after each written
/// line and each failed attempt.
public struct RunProgress: Sendable, Equatable {
    /// Lines present: already in the file at start plus written in this session.
    public var completed: Int
    /// Lines the run must have in the end (one per sample or probe continuation).
    public var total: Int
    /// Lines already present when this session started.
    public var resumed: Int
    /// Generated tokens in this session (the server's counts, else log-prob entries).
    public var completionTokens: Int
    /// Time since this session started.
    public var elapsed: Duration
    /// Attempts that failed (each retried or, the last one, reported).
    public var failedAttempts: Int
    /// Retries scheduled.
    public var retries: Int
    /// Retries scheduled, per ``ClientError/retryCause``.
    public var retriesByCause: [String: Int] = [:]
    /// The retry this update reports, `nil` on updates of another kind.
    public var retry: RetryNote?

    public init(
        completed: Int,
        total: Int,
        resumed: Int,
        completionTokens: Int,
        elapsed: Duration,
        failedAttempts: Int,
        retries: Int
    ) {
        self.completed = completed
        self.total = total
        self.resumed = resumed
        self.completionTokens = completionTokens
        self.elapsed = elapsed
        self.failedAttempts = failedAttempts
        self.retries = retries
    }

    /// Lines written in this session.
    public var writtenThisSession: Int { completed - resumed }

    /// Generated tokens per second in this session, `nil` before any time has passed.
    public var tokensPerSecond: Double? {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(completionTokens) / seconds : nil
    }

    /// The time left at this session's pace, `nil` before its first line.
    public var estimatedRemaining: Duration? {
        guard writtenThisSession > 0 else { return nil }
        return elapsed * (Double(total - completed) / Double(writtenThisSession))
    }
}

/// One failed attempt that will be tried again, for a `--verbose` line.
public struct RetryNote: Sendable, Equatable {
    /// The sample or probe, e.g. `gsm-3 sample 1`.
    public var label: String
    /// The 1-based attempt that failed.
    public var attempt: Int
    /// Its ``ClientError/retryCause``.
    public var cause: String
    /// The error's message.
    public var message: String
    /// The wait before the next attempt.
    public var delay: Duration

    /// `gsm-3 sample 1: attempt 1 failed (connection reset: …); retrying in 0.4 s`.
    public var line: String {
        let seconds = (delay.seconds * 10).rounded() / 10
        return "\(label): attempt \(attempt) failed (\(cause): \(message)); retrying in \(seconds) s"
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
