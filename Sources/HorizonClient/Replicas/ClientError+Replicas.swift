extension ClientError {
    /// Whether the failure is the replica's rather than the request's, so another replica may
    /// well succeed: everything ``isRetryable`` (no connection, timeouts, a reset, a cut-off
    /// stream, 408, 429, 5xx) and a malformed body. A 4xx or a completion that lacks what was
    /// asked would fail the same anywhere.
    public var isReplicaFault: Bool {
        isRetryable || reason == .malformedResponse
    }
}
