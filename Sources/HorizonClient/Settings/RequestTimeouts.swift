/// How long a request may take, in three parts.
///
/// A non-streamed completion sends nothing until generation ends, so the read gap must cover
/// the longest generation; stream for long outputs to keep the gap short.
public struct RequestTimeouts: Sendable, Equatable {
    /// The longest wait for a TCP connection.
    public var connect: Duration
    /// The longest time without receiving any bytes, once the request is sent.
    public var readGap: Duration
    /// The longest a whole request may take, head and body, per attempt.
    public var total: Duration

    public init(connect: Duration = .seconds(10), readGap: Duration = .seconds(300), total: Duration = .seconds(3600)) {
        self.connect = connect
        self.readGap = readGap
        self.total = total
    }
}
