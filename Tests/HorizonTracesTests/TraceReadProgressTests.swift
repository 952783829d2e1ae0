import HorizonTraces
import Testing

@Suite struct TraceReadProgressTests {
    @Test("the status line shows bytes, share, traces and rates over the elapsed time")
    func statusLine() {
        let progress = TraceReadProgress(
            bytesRead: 12_000_000, totalBytes: 40_000_000, lines: 5200, traces: 5120, elapsed: .seconds(2.5))
        #expect(progress.statusLine == "read 12.0 MB of 40.0 MB (30%), 5120 traces, 2048 traces/s, 4.8 MB/s")
        let stdin = TraceReadProgress(bytesRead: 500, totalBytes: nil, lines: 3, traces: 2, elapsed: .seconds(1))
        #expect(stdin.statusLine == "read 500 B, 2 traces, 2 traces/s, 500 B/s")
    }
}
