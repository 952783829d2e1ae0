import HorizonCommon

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
    /// Time since reading started.
    public var elapsed: Duration

    public init(bytesRead: Int, totalBytes: Int?, lines: Int, traces: Int, elapsed: Duration = .zero) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.lines = lines
        self.traces = traces
        self.elapsed = elapsed
    }
}

extension TraceReadProgress: ProgressStatus {
    /// `read 12.3 MB of 40.0 MB (30%), 5120 traces, 2048 traces/s, 4.9 MB/s`.
    public var statusLine: String {
        let components = elapsed.components
        let seconds = max(Double(components.seconds) + Double(components.attoseconds) / 1e18, 1e-3)
        var line = "read \(NumberFormat.bytes(bytesRead))"
        if let totalBytes, totalBytes > 0 {
            line += " of \(NumberFormat.bytes(totalBytes)) (\(100 * bytesRead / totalBytes)%)"
        }
        line += ", \(traces) traces, \(NumberFormat.fixed(Double(traces) / seconds, decimals: 0)) traces/s"
        return line + ", \(NumberFormat.bytes(Int(Double(bytesRead) / seconds)))/s"
    }
}
