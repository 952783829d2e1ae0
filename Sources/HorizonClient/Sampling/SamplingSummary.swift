/// What a finished sampling session did.
public struct SamplingSummary: Sendable, Equatable {
    public var outputPath: String
    public var manifestPath: String
    /// Samples the run must have (problems × samples per problem).
    public var total: Int
    /// Samples already present when the session started.
    public var resumed: Int
    /// Samples written in this session.
    public var written: Int
    /// Bytes of a torn last line removed before resuming (0 when the file ended cleanly).
    public var tornBytesRemoved: Int
    /// Generated tokens in this session.
    public var completionTokens: Int
    public var retries: Int
    public var failedAttempts: Int
    public var elapsed: Duration

    /// Whether every expected sample is now present.
    public var isComplete: Bool { resumed + written == total }
}
