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
        blocks.append("**\(GateMarkdown.escaped(summary))**")
        blocks.append("Baseline \(describe(baseline)) → current \(describe(current)).  \n"
            + "Rule `\(rule.rawValue)`: \(rule.sentence(confidence: confidence)).")

        let rows = metrics.map { row -> [String] in
            [
                "\(GateMarkdown.escaped(row.label)) `\(row.id)`",
                MetricComparison.valueText(row.baseline, row.baselineCI),
                row.current.map { MetricComparison.valueText($0, row.currentCI) } ?? "—",
                changeText(row),
                row.differenceCI.map(GateFormat.interval) ?? "—",
                row.limitText,
                row.verdictText,
                row.decidedBy,
            ]
        }
        blocks.append(GateMarkdown.table(
            headers: ["Metric", "Baseline", "Current", "Change", "Difference interval", "Limit", "Verdict", "Decided by"],
            rows: rows))

        let notable = metrics.filter { $0.verdict != .pass }
        if !notable.isEmpty {
            // Explanations are built from numbers and option names only; nothing to escape.
            blocks.append(notable.map { "- \($0.verdictText) `\($0.id)`: \($0.explanation)" }
                .joined(separator: "\n"))
        }
        if !settingsChanges.isEmpty {
            blocks.append("> ⚠️ Measured with different settings (allowed by `--allow-settings-change`); "
                + "the numbers may not be comparable.")
            blocks.append(GateMarkdown.table(
                headers: ["Setting", "Baseline", "Current"],
                rows: settingsChanges.map { ["`\($0.setting)`", GateMarkdown.escaped($0.baseline), GateMarkdown.escaped($0.current)] }))
        }
        if !newMetrics.isEmpty {
            blocks.append("Not in the baseline, not judged: " + newMetrics.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        blocks.append(contentsOf: problemBlocks())
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func describe(_ run: RunIdentity) -> String {
        var details = run.model.map { ["model \(GateMarkdown.escaped($0))"] } ?? []
        details.append("horizon \(GateMarkdown.escaped(run.horizonVersion))")
        return "**\(GateMarkdown.escaped(run.label))** (\(details.joined(separator: ", ")))"
    }

    private func changeText(_ row: MetricComparison) -> String {
        guard let change = row.change else { return "—" }
        guard let relative = row.relativeChange else { return GateFormat.signed(change) }
        return "\(GateFormat.signed(change)) (\(GateFormat.signedPercent(relative)))"
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
            blocks.append(GateMarkdown.table(headers: headers, rows: changes.map { change in
                [GateMarkdown.escaped(change.problemID), GateFormat.value(change.baseline),
                 GateFormat.value(change.current), GateFormat.signed(change.change)]
                    + (relative ? [change.relativeChange.map(GateFormat.signedPercent) ?? "—"] : [])
            }))
        }
        ranking("Largest agreement drops", problems.agreementDrops, total: problems.agreementDropCount, relative: false)
        ranking("Largest BF rises", problems.bfRises, total: problems.bfRiseCount, relative: true)
        func list(_ title: String, _ ids: [String]) {
            guard !ids.isEmpty else { return }
            let shown = ids.prefix(problems.top).map(GateMarkdown.escaped)
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
