import HorizonClient
import Testing

@Suite("Progress")
struct ProgressRendererTests {
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
            ProgressRenderer.line(for: progress)
                == "sampled 37/120 (30%), 12 resumed, 52.3 tok/s, ETA 5m32s, 2 retries, 3 failed attempts"
        )
        let fresh = RunProgress(completed: 0, total: 4, resumed: 0, completionTokens: 0, elapsed: .zero, failedAttempts: 0, retries: 0)
        #expect(ProgressRenderer.line(for: fresh) == "sampled 0/4 (0%)")
    }

    @Test("a terminal redraws in place every time; the final update ends the line")
    func tty() {
        var renderer = ProgressRenderer(isTTY: true)
        let first = renderer.render(progress)
        #expect(first == "\r\u{1B}[2K" + ProgressRenderer.line(for: progress))
        #expect(renderer.render(progress) == first)
        #expect(renderer.render(progress, isFinal: true)?.hasSuffix("\n") == true)
    }

    @Test("a log gets a line at most once per interval, and always the final one")
    func plain() {
        var renderer = ProgressRenderer(isTTY: false, interval: .seconds(10))
        let start = ContinuousClock.now
        #expect(renderer.render(progress, now: start) == ProgressRenderer.line(for: progress) + "\n")
        #expect(renderer.render(progress, now: start + .seconds(5)) == nil)
        #expect(renderer.render(progress, now: start + .seconds(10)) != nil)
        #expect(renderer.render(progress, isFinal: true, now: start + .seconds(11)) != nil)
    }
}
