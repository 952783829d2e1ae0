/// What a finished session of a run (sampling or probing) did.
public struct RunSummary: Sendable, Equatable {
    public var outputPath: String
    public var manifestPath: String
    /// Lines the run must have (one per sample or probe continuation).
    public var total: Int
    /// Lines already present when the session started.
    public var resumed: Int
    /// Lines written in this session.
    public var written: Int
    /// Bytes of a torn last line removed before resuming (0 when the file ended cleanly).
    public var tornBytesRemoved: Int
    /// Generated tokens in this session.
    public var completionTokens: Int
    public var retries: Int
    /// Retries per ``ClientError/retryCause``.
    public var retriesByCause: [String: Int]
    public var failedAttempts: Int
    public var elapsed: Duration
    /// What each replica did, in the order given (one entry for a single server).
    public var replicas: [ReplicaStatistics] = []

    /// Whether every expected line is now present.
    public var isComplete: Bool { resumed + written == total }
}
