/// Something that can describe how far it has got in one line of text.
public protocol ProgressStatus: Sendable {
    /// One status line, without a line break.
    var statusLine: String { get }
}

/// Turns progress into text for a terminal or a log: the one place that decides when and how a
/// status line is printed, for sampling, probing and analysis alike.
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
    private var drewInPlace = false

    public init(isTTY: Bool, interval: Duration = .seconds(10)) {
        self.isTTY = isTTY
        self.interval = interval
    }

    /// The text to write to standard error for `progress`, or `nil` when nothing should be
    /// printed now.
    ///
    /// - Parameters:
    ///   - progress: the state.
    ///   - isFinal: the last update of the run.
    ///   - now: the current time (for the plain-line interval).
    public mutating func render(
        _ progress: some ProgressStatus,
        isFinal: Bool = false,
        now: ContinuousClock.Instant = .now
    ) -> String? {
        let line = progress.statusLine
        if isTTY {
            drewInPlace = !isFinal
            return Self.clearLine + line + (isFinal ? "\n" : "")
        }
        if !isFinal, let lastPrinted, now - lastPrinted < interval { return nil }
        lastPrinted = now
        return line + "\n"
    }

    /// What ends an in-place line without a final update (the run printed something else after
    /// it, or stopped early): the erase sequence on a terminal that has a line drawn, else nothing.
    public mutating func clear() -> String? {
        guard drewInPlace else { return nil }
        drewInPlace = false
        return Self.clearLine
    }

    /// Carriage return and erase-line.
    public static let clearLine = "\r\u{1B}[2K"
}
