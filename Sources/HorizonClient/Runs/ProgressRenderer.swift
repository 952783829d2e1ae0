/// Turns ``RunProgress`` into text for a terminal or a log.
///
/// On a terminal (`isTTY`) every update redraws one status line in place (carriage return and
/// erase-line); in a log every update at least ``interval`` after the last printed one becomes
/// its own line, so CI logs stay short. The final update always prints and ends with a newline.
///
/// ```swift
/// var renderer = ProgressRenderer(isTTY: isatty(2) == 1)
/// if let text = renderer.render(progress) { FileHandle.standardError.write(Data(text.utf8)) }
/// ```
public struct ProgressRenderer: Sendable {
    public var isTTY: Bool
    /// The least time between two plain lines.
    public var interval: Duration
    private var lastPrinted: ContinuousClock.Instant?

    public init(isTTY: Bool, interval: Duration = .seconds(10)) {
        self.isTTY = isTTY
        self.interval = interval
    }

    /// The text to write to stderr for `progress`, or `nil` when nothing should be printed now.
    ///
    /// - Parameters:
    ///   - progress: the state.
    ///   - isFinal: the last update of the run.
    ///   - now: the current time (for the plain-line interval).
    public mutating func render(
        _ progress: RunProgress,
        isFinal: Bool = false,
        now: ContinuousClock.Instant = .now
    ) -> String? {
        let line = Self.line(for: progress)
        if isTTY { return "\r\u{1B}[2K" + line + (isFinal ? "\n" : "") }
        if !isFinal, let lastPrinted, now - lastPrinted < interval { return nil }
        lastPrinted = now
        return line + "\n"
    }

    /// One status line: `sampled 37/120 (31%), 12 resumed, 52.3 tok/s, ETA 4m12s, 2 retries, 3 failed attempts`.
    public static func line(for progress: RunProgress) -> String {
        let percent = progress.total > 0 ? 100 * progress.completed / progress.total : 100
        var parts = ["sampled \(progress.completed)/\(progress.total) (\(percent)%)"]
        if progress.resumed > 0 { parts.append("\(progress.resumed) resumed") }
        if let rate = progress.tokensPerSecond { parts.append("\(formatted(rate)) tok/s") }
        if progress.completed < progress.total, let remaining = progress.estimatedRemaining {
            parts.append("ETA \(formatted(remaining))")
        }
        if progress.retries > 0 { parts.append(progress.retries == 1 ? "1 retry" : "\(progress.retries) retries") }
        if progress.failedAttempts > 0 {
            parts.append(progress.failedAttempts == 1 ? "1 failed attempt" : "\(progress.failedAttempts) failed attempts")
        }
        return parts.joined(separator: ", ")
    }

    /// A rate with one decimal.
    public static func formatted(_ rate: Double) -> String {
        let tenths = Int((rate * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `45s`, `4m12s`, `2h05m`.
    static func formatted(_ duration: Duration) -> String {
        let total = Int(duration.seconds.rounded())
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if hours > 0 { return "\(hours)h\(twoDigits(minutes))m" }
        if minutes > 0 { return "\(minutes)m\(twoDigits(seconds))s" }
        return "\(seconds)s"
    }
}
