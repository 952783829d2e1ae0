/// When and how long to wait before trying a failed request again.
///
/// Retryable failures (``ClientError/isRetryable``) are retried up to ``maximumAttempts`` in all,
/// waiting an exponentially growing delay with jitter in between, or as long as the server's
/// `Retry-After` asks (capped by ``maximumRetryAfter``). The jitter comes from a generator the
/// caller seeds, so a run's waits are reproducible.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included (1 = never retry).
    public var maximumAttempts: Int
    /// The delay before the first retry, before jitter.
    public var initialDelay: Duration
    /// The longest delay before jitter; doubling stops here.
    public var maximumDelay: Duration
    /// The longest `Retry-After` honoured.
    public var maximumRetryAfter: Duration

    public init(
        maximumAttempts: Int = 6,
        initialDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        maximumRetryAfter: Duration = .seconds(120)
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The wait before the next attempt after `attempt` failed with `error`, or `nil` when the
    /// error is not retryable or the attempts are used up.
    ///
    /// Without `Retry-After` the delay is `min(maximumDelay, initialDelay · 2^(attempt−1))`
    /// scaled by a uniform factor in [0.5, 1) ("equal jitter", so concurrent clients spread out
    /// while the delay never collapses to zero). With `Retry-After` the delay is exactly what the
    /// server asked, capped at ``maximumRetryAfter``.
    ///
    /// - Parameters:
    ///   - attempt: the 1-based number of the attempt that failed.
    ///   - error: its error.
    ///   - generator: the source of jitter.
    /// - Returns: the delay, or `nil` to give up.
    public func delay(
        afterAttempt attempt: Int,
        failedWith error: ClientError,
        using generator: inout some RandomNumberGenerator
    ) -> Duration? {
        guard error.isRetryable, attempt < maximumAttempts else { return nil }
        if let seconds = error.retryAfterSeconds {
            return min(Duration.seconds(max(0, seconds)), maximumRetryAfter)
        }
        let doublings = min(attempt - 1, 30)
        let exponential = min(initialDelay * (1 << doublings), maximumDelay)
        return exponential * Double.random(in: 0.5..<1, using: &generator)
    }
}
