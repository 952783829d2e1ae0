import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// The analyses' warnings, data-quality counts side by side, and the invalid lines skipped.
    func warningsSection() -> ReportSection {
        var markdown = "## Warnings and data quality\n\n"
        for index in analyses.indices {
            let warnings = analyses[index].warnings
            let owner = analyses.count > 1 ? "\(label(index)): " : ""
            if warnings.isEmpty {
                markdown += "- \(owner)no warnings.\n"
            }
            for warning in warnings {
                markdown += "- \(owner)**\(MarkdownText.escape(warning.kind))**: \(MarkdownText.escape(warning.message))\n"
            }
        }
        markdown += "\n"
        let rows: [(name: String, cell: (Analysis) -> String)] = [
            ("Input lines", { "\($0.counts.lines)" }),
            ("Invalid lines skipped", { "\($0.counts.invalidLines)" }),
            ("Duplicate traces", { "\($0.counts.duplicates)" }),
            ("Thinking never closed (no end marker)", { "\($0.counts.truncated) of \($0.counts.traces) traces" }),
            ("Opening marker missing", { "\($0.counts.openingMarkerMissing)" }),
            ("Tokens with an empty top-k list", { "\($0.counts.emptyTopLists)" }),
            ("Sampled token not in its top-k list", { "\($0.counts.sampledNotInTop)" }),
            ("Low-coverage tokens (top-k mass below top-p)", { counts in
                let share = counts.counts.tokens > 0 ? Double(counts.counts.lowCoverageTokens) / Double(counts.counts.tokens) : nil
                return "\(counts.counts.lowCoverageTokens) of \(counts.counts.tokens) tokens" + (share.map { " (\(NumberFormat.percent($0)))" } ?? "")
            }),
            ("Missing tail mass per token", { Self.massCell($0.missingMass.overall) }),
        ]
        markdown += sideBySide("Count", rows: rows).render()

        for index in analyses.indices where analyses[index].counts.invalidLines > 0 || !analyses[index].invalid.isEmpty {
            let invalid = analyses[index].invalid
            let shown = invalid.prefix(max(options.invalidLines, 0))
            let total = max(analyses[index].counts.invalidLines, invalid.count)
            let owner = analyses.count > 1 ? " in \(label(index))" : ""
            markdown += "\nInvalid lines skipped\(owner) (\(shown.count) of \(total) shown):\n\n"
            for line in shown {
                markdown += "- \(MarkdownText.escape(line.file)):\(line.line): \(MarkdownText.escape(line.message, maxLength: 200))\n"
            }
        }
        return ReportSection(markdown: markdown)
    }
}
