import Foundation
import Horizon
import HorizonCommon

/// Prints progress on standard error through the one ``ProgressRenderer``: redrawn in place on a
/// terminal, a plain line every few seconds otherwise (so CI logs stay short).
final class ProgressPrinter: @unchecked Sendable {
    // Runs report from several tasks; the lock keeps lines whole.
    private let lock = NSLock()
    private var renderer: ProgressRenderer
    private let isTerminal = isatty(STDERR_FILENO) != 0

    init(interval: Duration = .seconds(10)) {
        renderer = ProgressRenderer(isTTY: isTerminal, interval: interval)
    }

    func update(_ progress: some ProgressStatus, isFinal: Bool = false) {
        lock.withLock {
            if let text = renderer.render(progress, isFinal: isFinal) { FileHandle.standardError.write(Data(text.utf8)) }
        }
    }

    /// A line of its own (a retry, a warning), printed above the status line.
    func note(_ line: String) {
        lock.withLock {
            let clear = isTerminal ? ProgressRenderer.clearLine : ""
            FileHandle.standardError.write(Data((clear + line + "\n").utf8))
        }
    }

    /// Erases the status line left on a terminal, so later output starts on a clean line.
    func finish() {
        lock.withLock {
            if let text = renderer.clear() { FileHandle.standardError.write(Data(text.utf8)) }
        }
    }
}

/// One line for standard error after `analyze`.
enum AnalysisSummary {
    static func line(_ analysis: Analysis) -> String {
        let bf = NumberFormat.bf
        var parts = ["\(analysis.counts.traces) traces, \(analysis.counts.problems) problems",
                     "BF overall \(bf(analysis.bf.overall)), thinking \(bf(analysis.bf.thinking)), answer \(bf(analysis.bf.answer))"]
        if let accuracy = analysis.accuracy { parts.append("accuracy \(NumberFormat.decimal(accuracy))") }
        if let agreement = analysis.agreement { parts.append("agreement \(NumberFormat.decimal(agreement))") }
        if analysis.counts.invalidLines > 0 { parts.append("\(analysis.counts.invalidLines) invalid lines skipped") }
        return parts.joined(separator: "; ")
    }
}
