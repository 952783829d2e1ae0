import HorizonCommon
import HorizonReport

extension GateResult {
    /// A Markdown summary for a CI job summary (`$GITHUB_STEP_SUMMARY`): the verdict, a table of
    /// every metric (values with intervals, change, limit, verdict, the test that decided), why
    /// each flagged metric was flagged, settings that differ, and the problems that got less
    /// stable.
    ///
    /// - Returns: GitHub-flavoured Markdown ending in a newline.
    /// - Complexity: O(m + p) in rows and listed problems.
    public func markdown() -> String {
        var blocks: [String] = []
        let heading = verdict == .pass ? "✅ pass" : "❌ regression"
        blocks.append("## Horizon check: \(heading)")
        blocks.append("**\(MarkdownText.escape(summary))**")
        blocks.append("Baseline \(describe(baseline)) → current \(describe(current)).  \n"
            + "Rule `\(rule.rawValue)`: \(rule.sentence(confidence: confidence)).")

        let rows = metrics.map { row -> [String] in
            [
                "\(MarkdownText.escape(row.label)) `\(row.id)`",
                MetricComparison.valueText(row.baseline, row.baselineCI),
                row.current.map { MetricComparison.valueText($0, row.currentCI) } ?? "—",
                changeText(row),
                row.differenceCI.map { NumberFormat.interval($0) } ?? "—",
                row.limitText,
                row.verdictText,
                row.decidedBy,
            ]
        }
        blocks.append(Self.table(
            ["Metric", "Baseline", "Current", "Change", "Difference interval", "Limit", "Verdict", "Decided by"], rows))

        let notable = metrics.filter { $0.verdict != .pass }
        if !notable.isEmpty {
            // Explanations are built from numbers and option names only; nothing to escape.
            blocks.append(notable.map { "- \($0.verdictText) `\($0.id)`: \($0.explanation)" }
                .joined(separator: "\n"))
        }
        if !settingsChanges.isEmpty {
            blocks.append("> ⚠️ Measured with different settings (allowed by `--allow-settings-change`); "
                + "the numbers may not be comparable.")
            blocks.append(Self.table(
                ["Setting", "Baseline", "Current"],
                settingsChanges.map { ["`\($0.setting)`", MarkdownText.escape($0.baseline), MarkdownText.escape($0.current)] }))
        }
        if !newMetrics.isEmpty {
            blocks.append("Not in the baseline, not judged: " + newMetrics.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        blocks.append(contentsOf: problemBlocks())
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A table of cells that are already Markdown (escaped text, code spans).
    private static func table(_ titles: [String], _ rows: [[String]]) -> String {
        var table = MarkdownTable(titles: titles)
        for row in rows { table.addRow(markdown: row) }
        // Blocks are joined with blank lines; the table's own final newline would add one more.
        return String(table.render().dropLast())
    }

    private func describe(_ run: RunIdentity) -> String {
        var details = run.model.map { ["model \(MarkdownText.escape($0))"] } ?? []
        details.append("horizon \(MarkdownText.escape(run.horizonVersion))")
        return "**\(MarkdownText.escape(run.label))** (\(details.joined(separator: ", ")))"
    }

    private func changeText(_ row: MetricComparison) -> String {
        guard let change = row.change else { return "—" }
        guard let relative = row.relativeChange else { return NumberFormat.signed(change) }
        return "\(NumberFormat.signed(change)) (\(NumberFormat.signedPercent(relative)))"
    }

    private func problemBlocks() -> [String] {
        var blocks = ["### Problems that got less stable",
                      "\(problems.matched) problem\(problems.matched == 1 ? "" : "s") in both runs."]
        func ranking(_ title: String, _ changes: [ProblemChange], total: Int, relative: Bool) {
            guard total > 0 else {
                blocks.append("**\(title)**: none.")
                return
            }
            guard !changes.isEmpty else {
                blocks.append("**\(title)**: \(total) problem\(total == 1 ? "" : "s"), not listed (`--top 0`).")
                return
            }
            let shown = changes.count < total ? " (top \(changes.count) of \(total))" : " (\(total))"
            blocks.append("**\(title)**\(shown):")
            let headers = ["Problem", "Baseline", "Current", "Change"] + (relative ? ["Relative"] : [])
            blocks.append(Self.table(headers, changes.map { change in
                [MarkdownText.escape(change.problemID), NumberFormat.decimal(change.baseline),
                 NumberFormat.decimal(change.current), NumberFormat.signed(change.change)]
                    + (relative ? [change.relativeChange.map(NumberFormat.signedPercent) ?? "—"] : [])
            }))
        }
        ranking("Largest agreement drops", problems.agreementDrops, total: problems.agreementDropCount, relative: false)
        ranking("Largest BF rises", problems.bfRises, total: problems.bfRiseCount, relative: true)
        func list(_ title: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            let shown = ids.prefix(problems.top).map { MarkdownText.escape($0) }
            guard !shown.isEmpty else {
                blocks.append("\(title): \(ids.count).")
                return
            }
            let rest = ids.count - shown.count
            let more = rest > 0 ? ", and \(rest) more" : ""
            blocks.append("\(title) (\(ids.count)): \(shown.joined(separator: ", "))\(more).")
        }
        list("New problems, not in the baseline", problems.newProblems)
        list("Problems missing from the current run", problems.missingProblems)
        return blocks
    }
}
