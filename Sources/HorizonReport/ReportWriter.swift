import HorizonCommon
import Foundation
import HorizonStability

/// Writes the Markdown report with its SVG charts for one analysis, or several side by side.
///
/// ```swift
/// let files = try ReportWriter.write(analyses: [base, sharpened], to: URL(fileURLWithPath: "Reports/demo"))
/// print(files.report.path)   // Reports/demo/report.md, charts beside it
/// ```
///
/// Several analyses get one column each in every table, and their curves share each chart (one
/// series per analysis, in the given order); the first analysis is the reference the others are
/// compared with in the summary. The sections are described in docs/report.md.
public enum ReportWriter {
    /// The report's file name inside the output folder.
    public static let reportFileName = "report.md"

    /// Builds the report in memory.
    ///
    /// - Parameters:
    ///   - analyses: One or more analyses; the first is the reference for comparisons.
    ///   - options: Caps, chart size, analysis file names.
    /// - Returns: The Markdown and the charts it references. The same input always gives the
    ///   same output (nothing depends on the clock or on randomness).
    /// - Throws: ``ReportError`` with ``ReportError/Reason/noAnalyses`` when `analyses` is empty.
    /// - Complexity: O(total size of the analyses), plus sorting each analysis's problems.
    public static func render(analyses: [Analysis], options: ReportOptions = ReportOptions()) throws -> RenderedReport {
        guard !analyses.isEmpty else { throw ReportError(.noAnalyses) }
        return ReportComposer(analyses: analyses, options: options).compose()
    }

    /// Writes `report.md` and its SVG charts into `directory` (created when missing; files of
    /// the same names are replaced).
    ///
    /// - Parameters:
    ///   - analyses: One or more analyses; the first is the reference for comparisons.
    ///   - directory: The output folder.
    ///   - options: Caps, chart size, analysis file names.
    /// - Returns: The files written.
    /// - Throws: ``ReportError`` when `analyses` is empty, the folder cannot be created or a file
    ///   cannot be written. Charts are written before the report, so a report on disk never
    ///   points at a chart that is missing.
    public static func write(analyses: [Analysis], to directory: URL, options: ReportOptions = ReportOptions()) throws -> ReportFiles {
        let report = try render(analyses: analyses, options: options)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.cannotCreateDirectory(error.localizedDescription), at: SourceLocation(file: directory.path))
        }
        var chartURLs: [URL] = []
        for chart in report.charts {
            let url = directory.appendingPathComponent(chart.fileName)
            try write(chart.chart.svg(), to: url)
            chartURLs.append(url)
        }
        let reportURL = directory.appendingPathComponent(reportFileName)
        try write(report.markdown, to: reportURL)
        return ReportFiles(report: reportURL, charts: chartURLs)
    }

    private static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportError(.cannotWrite(error.localizedDescription), at: SourceLocation(file: url.path))
        }
    }
}
