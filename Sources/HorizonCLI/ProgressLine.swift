import Foundation
import Horizon

/// A progress line on standard error: rewritten in place on a terminal, a plain line every few
/// seconds otherwise (so CI logs stay short).
final class ProgressLine: @unchecked Sendable {
    // Called from the reading thread only; the lock guards against a stray concurrent caller.
    private let lock = NSLock()
    private let label: String
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private var lastPrinted = Date.distantPast
    private var printedInPlace = false

    init(label: String) {
        self.label = label
    }

    func update(_ progress: TraceReadProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastPrinted) >= (isTerminal ? 0.2 : 5) else { return }
        lastPrinted = now
        let elapsed = max(now.timeIntervalSince(started), 1e-3)
        var line = "\(label): \(Self.bytes(progress.bytesRead))"
        if let total = progress.totalBytes, total > 0 {
            line += " of \(Self.bytes(total)) (\(Int(100 * Double(progress.bytesRead) / Double(total)))%)"
        }
        line += String(format: ", %d traces, %.0f traces/s, %@/s", progress.traces, Double(progress.traces) / elapsed,
                       Self.bytes(Int(Double(progress.bytesRead) / elapsed)))
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            printedInPlace = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printedInPlace { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1e3 { return String(format: "%.1f kB", value / 1e3) }
        return "\(count) B"
    }
}

/// One line for standard error after `analyze`.
enum AnalysisSummary {
    static func line(_ analysis: Analysis) -> String {
        func bf(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
        var parts = ["\(analysis.counts.traces) traces, \(analysis.counts.problems) problems",
                     "BF overall \(bf(analysis.bf.overall)), thinking \(bf(analysis.bf.thinking)), answer \(bf(analysis.bf.answer))"]
        if let accuracy = analysis.accuracy { parts.append(String(format: "accuracy %.3f", accuracy)) }
        if let agreement = analysis.agreement { parts.append(String(format: "agreement %.3f", agreement)) }
        if analysis.counts.invalidLines > 0 { parts.append("\(analysis.counts.invalidLines) invalid lines skipped") }
        return parts.joined(separator: "; ")
    }
}
