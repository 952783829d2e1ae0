import Foundation

/// The files ``ReportWriter/write(analyses:to:options:)`` wrote.
public struct ReportFiles: Sendable, Equatable {
    /// `DIRECTORY/report.md`.
    public var report: URL
    /// The SVG charts beside it, in the order the report shows them, then its other figures.
    public var charts: [URL]

    public init(report: URL, charts: [URL]) {
        self.report = report
        self.charts = charts
    }
}
