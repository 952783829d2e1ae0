import HorizonCommon
import HorizonStability

/// One section of the report: its Markdown (starting with its heading) and the charts it
/// references.
struct ReportSection: Sendable, Equatable {
    var markdown: String
    var charts: [ChartFile] = []
}

/// Builds the report from one or several analyses. Each section lives in its own
/// `ReportComposer+Section.swift` file; this file holds what they share: labels, cells for
/// absent values and side-by-side tables.
struct ReportComposer: Sendable {
    let analyses: [Analysis]
    /// The analyses' labels, made unique (`base`, `base (2)`) so columns can be told apart.
    let labels: [String]
    let options: ReportOptions

    /// - Precondition: `analyses` is not empty.
    init(analyses: [Analysis], options: ReportOptions) {
        precondition(!analyses.isEmpty, "a report needs at least one analysis")
        self.analyses = analyses
        self.options = options
        var used: Set<String> = []
        labels = analyses.map { analysis in
            let base = analysis.label.isEmpty ? "analysis" : analysis.label
            var candidate = base
            var number = 1
            while used.contains(candidate) {
                number += 1
                candidate = "\(base) (\(number))"
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The whole report.
    func compose() -> RenderedReport {
        let sections = [
            summarySection(), segmentSection(), curvesSection(), answersSection(), lengthSection(),
            probesSection(), problemsSection(), warningsSection(), settingsSection(),
        ]
        let title = options.title ?? "Horizon report: " + labels.joined(separator: " vs ")
        // Sections end in varying blank lines; one blank line between them keeps the source tidy.
        let bodies = sections.map { section in
            var body = Substring(section.markdown)
            while body.hasSuffix("\n") { body = body.dropLast() }
            return body
        }
        let markdown = "# \(MarkdownText.escape(title))\n\n" + bodies.joined(separator: "\n\n") + "\n"
        return RenderedReport(markdown: markdown, charts: sections.flatMap(\.charts))
    }

    // MARK: Labels and text

    /// The label of analysis `index`, escaped for Markdown.
    func label(_ index: Int) -> String { MarkdownText.escape(labels[index]) }

    /// Untrusted text (answers, ids, golds) escaped and cut for a table cell.
    func quoted(_ text: String) -> String {
        MarkdownText.escape(text, maxLength: options.maxCellCharacters)
    }

    /// A sub-heading per analysis when several are shown one after the other; none for one.
    func analysisHeading(_ index: Int) -> String {
        analyses.count > 1 ? "#### \(label(index))\n\n" : ""
    }

    // MARK: Absent values

    /// A cell for a value that is absent, with the reason when one is known: `n/a (no log-probs)`.
    static func unavailable(_ reason: String?) -> String {
        reason.map { "\(NumberFormat.unavailable) (\($0))" } ?? NumberFormat.unavailable
    }

    /// Why an analysis has no Branching Factor.
    static func bfReason(_ analysis: Analysis) -> String {
        analysis.counts.tracesWithLogProbs == 0 ? "no log-probs" : "not computed"
    }

    /// Why an analysis has no accuracy (or maj@k, pass@k).
    static func goldReason(_ analysis: Analysis) -> String {
        let graded = analysis.answers?.gradedProblems ?? 0
        return graded == 0 && analysis.problems.allSatisfy({ $0.gold == nil }) ? "no gold answers" : "not computed"
    }

    /// The interval level as printed in prose, from the first analysis (settings differences are
    /// flagged in the Settings section).
    var intervalLevel: String { NumberFormat.level(analyses[0].settings.confidence) }

    // MARK: Side-by-side tables

    /// A table with one row per metric and one column per analysis.
    ///
    /// - Parameters:
    ///   - firstColumn: The title of the metric column.
    ///   - rows: Each row's name (plain text) and its cell for an analysis (trusted Markdown).
    ///   - extraColumns: Further columns after the analyses (for example ratios), each a title
    ///     and a cell per row.
    func sideBySide(
        _ firstColumn: String, rows: [(name: String, cell: (Analysis) -> String)],
        extraColumns: [(title: String, cell: (Int) -> String)] = []
    ) -> MarkdownTable {
        var table = MarkdownTable(
            titles: [firstColumn] + labels + extraColumns.map(\.title),
            rightAligned: Set(1...(labels.count + extraColumns.count))
        )
        for (rowIndex, row) in rows.enumerated() {
            table.addRow(markdown: [MarkdownText.escape(row.name)] + analyses.map(row.cell)
                + extraColumns.map { $0.cell(rowIndex) })
        }
        return table
    }
}
