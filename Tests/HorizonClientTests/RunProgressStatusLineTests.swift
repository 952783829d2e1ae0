import HorizonClient
import Testing

@Suite("Progress")
struct RunProgressStatusLineTests {
    let progress = RunProgress(
        completed: 37, total: 120, resumed: 12, completionTokens: 5230, elapsed: .seconds(100),
        failedAttempts: 3, retries: 2
    )

    @Test("derived figures: rate over this session, ETA at this session's pace")
    func derived() {
        #expect(progress.writtenThisSession == 25)
        #expect(progress.tokensPerSecond == 52.3)
        // 83 left at 25 per 100 s.
        #expect(progress.estimatedRemaining == .seconds(332))
    }

    @Test("the status line")
    func line() {
        #expect(
            progress.statusLine
                == "sampled 37/120 (30%), 12 resumed, 52.3 tok/s, ETA 5m32s, 2 retries, 3 failed attempts"
        )
        let fresh = RunProgress(completed: 0, total: 4, resumed: 0, completionTokens: 0, elapsed: .zero, failedAttempts: 0, retries: 0)
        #expect(fresh.statusLine == "sampled 0/4 (0%)")
    }
}
