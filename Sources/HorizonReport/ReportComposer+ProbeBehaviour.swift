import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Tokens to first correct and the consistency stop rule, read off the truncation probes;
    /// empty when no analysis has either.
    func probeBehaviourMarkdown() -> String {
        let first = analyses.map { $0.probes?.firstCorrect }
        let stop = analyses.map { $0.probes?.consistencyStop }
        var markdown = ""
        if first.contains(where: { $0 != nil }) {
            markdown += "\n### Tokens to first correct\n\n"
            markdown += "Per probed trace, the shortest thinking kept from which the forced answer (the modal answer of a cut's samples) is right at every longer cut; token efficiency is that length over the trace's whole thinking. It is known only as finely as the lengths probed. Traces whose longest cut is wrong never get there. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
            var table = MarkdownTable(
                titles: ["Run", "Traces", "Get there", "Never", "Tokens to first correct", "Token efficiency", "Thinking tokens"],
                rightAligned: Set(1...6))
            for (index, summary) in first.enumerated() {
                guard let summary else {
                    table.addRow(markdown: [label(index)] + Array(repeating: Self.unavailable(Self.goldReason(analyses[index])), count: 6))
                    continue
                }
                table.addRow(markdown: [
                    label(index), "\(summary.samples)",
                    "\(summary.reached) (\(NumberFormat.withInterval(summary.reachedShare, summary.reachedShareCI, format: NumberFormat.percent)))",
                    "\(summary.never)",
                    NumberFormat.withInterval(summary.tokens, summary.tokensCI, format: NumberFormat.length),
                    NumberFormat.withInterval(summary.efficiency, summary.efficiencyCI, format: NumberFormat.percent),
                    NumberFormat.length(summary.thinkingTokens),
                ])
            }
            markdown += table.render()
        }
        if stop.contains(where: { $0 != nil }) {
            markdown += "\n### Consistency stop rule\n\n"
            markdown += "Dynasor's rule (Certaindex, Fu et al. 2024) replayed on the probes: a trace's thinking stops at the first run of K consecutive cuts with the same answer, and that answer is kept; a trace without such a run thinks to its end and keeps its own answer. Saved: the share of all thinking tokens not spent; probe cost: one forced answer per cut up to the stop, as a share of the same. Dynasor reports 29% fewer tokens at equal accuracy; a change interval that holds 0 is equal accuracy at this sample size.\n\n"
            for index in analyses.indices {
                markdown += analysisHeading(index)
                guard let summary = stop[index] else {
                    markdown += "No probed trace that the traces also hold.\n\n"
                    continue
                }
                if let chosen = summary.chosen {
                    markdown += "At K = \(chosen.k): \(NumberFormat.withInterval(chosen.tokensSavedShare, chosen.tokensSavedShareCI, format: NumberFormat.percent)) of the thinking saved"
                    if let change = chosen.accuracyChange {
                        let equal = chosen.accuracyChangeCI.map { $0.contains(0) ? ", within noise of equal accuracy" : ", beyond noise" } ?? ""
                        markdown += ", accuracy \(NumberFormat.percent(chosen.accuracyFull)) → \(NumberFormat.percent(chosen.accuracyStopped)) (\(NumberFormat.withInterval(change, chosen.accuracyChangeCI, format: NumberFormat.percentagePoints))\(equal))"
                    }
                    markdown += ".\n\n"
                }
                var table = MarkdownTable(
                    titles: ["K", "Traces", "Stopped early", "Accuracy, own answer", "Accuracy, stopped", "Change", "Same answer as own", "Thinking saved", "Probe cost"],
                    rightAligned: Set(0...8))
                let reason = Self.goldReason(analyses[index])
                for row in summary.rows {
                    table.addRow(markdown: [
                        row.k == summary.k ? "**\(row.k)**" : "\(row.k)", "\(row.samples)", "\(row.stopped)",
                        Self.shareCell(row.accuracyFull, nil, reason: reason),
                        Self.shareCell(row.accuracyStopped, nil, reason: reason),
                        row.accuracyChange == nil ? Self.unavailable(reason)
                            : NumberFormat.withInterval(row.accuracyChange, row.accuracyChangeCI, format: NumberFormat.percentagePoints),
                        NumberFormat.percent(row.agreementWithFull),
                        NumberFormat.withInterval(row.tokensSavedShare, row.tokensSavedShareCI, format: NumberFormat.percent),
                        NumberFormat.percent(row.probeTokensShare),
                    ])
                }
                markdown += table.render() + "\n"
            }
        }
        return markdown
    }
}
