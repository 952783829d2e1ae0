import HorizonCommon
import Testing

@Suite struct ProgressRendererTests {
    struct Status: ProgressStatus {
        var statusLine: String
    }

    let progress = Status(statusLine: "sampled 37/120 (30%)")

    @Test("a terminal redraws in place every time; the final update ends the line")
    func tty() {
        var renderer = ProgressRenderer(isTTY: true)
        let first = renderer.render(progress)
        #expect(first == "\r\u{1B}[2K" + progress.statusLine)
        #expect(renderer.render(progress) == first)
        #expect(renderer.render(progress, isFinal: true) == "\r\u{1B}[2K" + progress.statusLine + "\n")
    }

    @Test("a log gets a line at most once per interval, and always the final one")
    func plain() {
        var renderer = ProgressRenderer(isTTY: false, interval: .seconds(10))
        let start = ContinuousClock.now
        #expect(renderer.render(progress, now: start) == progress.statusLine + "\n")
        #expect(renderer.render(progress, now: start + .seconds(5)) == nil)
        #expect(renderer.render(progress, now: start + .seconds(10)) != nil)
        #expect(renderer.render(progress, now: start + .seconds(12)) == nil)
        #expect(renderer.render(progress, isFinal: true, now: start + .seconds(13)) != nil)
    }

    @Test("clearing erases only a line drawn in place and not yet ended")
    func clearing() {
        var terminal = ProgressRenderer(isTTY: true)
        #expect(terminal.clear() == nil)
        _ = terminal.render(progress)
        #expect(terminal.clear() == ProgressRenderer.clearLine)
        #expect(terminal.clear() == nil)
        _ = terminal.render(progress, isFinal: true)
        #expect(terminal.clear() == nil)
        var log = ProgressRenderer(isTTY: false)
        _ = log.render(progress)
        #expect(log.clear() == nil)
    }
}
