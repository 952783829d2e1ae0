/// How far reading has got, for a progress line.
public struct TraceReadProgress: Sendable, Equatable {
    /// Bytes of the inputs consumed so far.
    public var bytesRead: Int
    /// The inputs' total size, when all are regular files.
    public var totalBytes: Int?
    /// Lines consumed so far (blank ones included).
    public var lines: Int
    /// Traces handed to the consumer so far.
    public var traces: Int

    public init(bytesRead: Int, totalBytes: Int?, lines: Int, traces: Int) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.lines = lines
        self.traces = traces
    }
}
