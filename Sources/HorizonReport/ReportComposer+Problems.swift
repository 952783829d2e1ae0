import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// One table per analysis: problems ordered by overall BF, the lowest and the highest shown
    /// (capped); without BF, ordered by agreement instead, least stable first.
    func problemsSection() -> ReportSection {
        var markdown = "## Per-problem results\n\n"
        let cap = max(options.problemRows, 1)
        for index in analyses.indices {
            markdown += analysisHeading(index)
            let analysis = analyses[index]
            guard !analysis.problems.isEmpty else {
                markdown += "No problems.\n\n"
                continue
            }
            var table = MarkdownTable(
                titles: ["Problem", "Samples", "BF overall", "BF thinking", "BF answer", "Thinking length", "Accuracy", "Agreement", "Majority answer", "Gold"],
                rightAligned: Set(1...7)
            )
            // Ties keep the analysis's order (problems in order of first appearance).
            let numbered = Array(analysis.problems.enumerated())
            let withBF = numbered.filter { $0.element.bf.overall != nil }
            if withBF.isEmpty {
                markdown += "Ordered by agreement, least stable first (BF not available: \(Self.bfReason(analysis))).\n\n"
                let ordered = numbered.sorted { first, second in
                    let (a, b) = (first.element.agreement ?? 1, second.element.agreement ?? 1)
                    return a != b ? a < b : first.offset < second.offset
                }.map(\.element)
                for problem in ordered.prefix(2 * cap) { table.addRow(markdown: problemRow(problem)) }
                if ordered.count > 2 * cap { table.addRow(markdown: ["*\(ordered.count - 2 * cap) more problems*"]) }
            } else {
                markdown += "Ordered by overall BF, lowest (most concentrated) first.\n\n"
                let ordered = withBF.sorted { first, second in
                    let (a, b) = (first.element.bf.overall ?? 0, second.element.bf.overall ?? 0)
                    return a != b ? a < b : first.offset < second.offset
                }.map(\.element)
                if ordered.count <= 2 * cap {
                    for problem in ordered { table.addRow(markdown: problemRow(problem)) }
                } else {
                    for problem in ordered.prefix(cap) { table.addRow(markdown: problemRow(problem)) }
                    table.addRow(markdown: ["*… \(ordered.count - 2 * cap) problems in between*"])
                    for problem in ordered.suffix(cap) { table.addRow(markdown: problemRow(problem)) }
                }
            }
            markdown += table.render()
            if !withBF.isEmpty && withBF.count < numbered.count {
                markdown += "\n\(numbered.count - withBF.count) problems without a BF are not listed.\n"
            }
            markdown += "\n"
        }
        return ReportSection(markdown: markdown)
    }

    /// The cells of one problem's row; model text is escaped and cut.
    private func problemRow(_ problem: ProblemAnalysis) -> [String] {
        [
            quoted(problem.problemID), "\(problem.samples)",
            NumberFormat.withInterval(problem.bf.overall, problem.bf.overallCI, format: NumberFormat.bf),
            NumberFormat.bf(problem.bf.thinking), NumberFormat.bf(problem.bf.answer),
            NumberFormat.length(problem.lengths.thinking),
            NumberFormat.percent(problem.accuracy), NumberFormat.percent(problem.agreement),
            problem.majorityAnswer.map(quoted) ?? NumberFormat.unavailable,
            problem.gold.map(quoted) ?? NumberFormat.unavailable,
        ]
    }
}
