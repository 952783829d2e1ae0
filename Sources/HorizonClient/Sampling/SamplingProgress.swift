/// Where a sampling run stands, passed to the progress callback after each sample and retry.
public struct SamplingProgress: Sendable, Equatable {
    /// Samples present: already in the file at start plus written in this session.
    public var completed: Int
    /// Samples the run must have in the end (problems × samples per problem).
    public var total: Int
    /// Samples already present when this session started.
    public var resumed: Int
    /// Generated tokens in this session (the server's counts, else log-prob entries).
    public var completionTokens: Int
    /// Time since this session started.
    public var elapsed: Duration
    /// Attempts that failed (each retried or, the last one, reported).
    public var failedAttempts: Int
    /// Retries scheduled.
    public var retries: Int

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

    /// Samples written in this session.
    public var writtenThisSession: Int { completed - resumed }

    /// Generated tokens per second in this session, `nil` before any time has passed.
    public var tokensPerSecond: Double? {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(completionTokens) / seconds : nil
    }

    /// The time left at this session's pace, `nil` before its first sample.
    public var estimatedRemaining: Duration? {
        guard writtenThisSession > 0 else { return nil }
        return elapsed * (Double(total - completed) / Double(writtenThisSession))
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
