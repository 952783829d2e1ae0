import HorizonStability

extension ReportComposer {
    /// One table per analysis: problems ordered by overall BF, the lowest and the highest shown
    /// (capped); without BF, ordered by agreement instead.
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
            let numbered = Array(analysis.problems.enumerated())
            let withBF = numbered.filter { $0.element.bf.overall != nil }
            var ordered: [EnumeratedSequence<[ProblemAnalysis]>.Element]
            if withBF.isEmpty {
                markdown += "Ordered by agreement, least stable first (BF not available: \(Self.bfReason(analysis))).\n\n"
                ordered = numbered.sorted { first, second in
                    let (a, b) = (first.element.agreement ?? 1, second.element.agreement ?? 1)
                    return a != b ? a < b : first.offset < second.offset
                }
            } else {
                markdown += "Ordered by overall BF, lowest (most concentrated) first.\n\n"
                ordered = withBF.sorted { first, second in
                    let (a, b) = (first.element.bf.overall!, second.element.bf.overall!)
                    return a != b ? a < b : first.offset < second.offset
                }
            }
            let omittedWithoutBF = numbered.count - (withBF.isEmpty ? numbered.count : withBF.count)

            var table = MarkdownTable(
                titles: ["Problem", "Samples", "BF overall", "BF thinking", "BF answer", "Thinking length", "Accuracy", "Agreement", "Majority answer", "Gold"],
                rightAligned: Set(1...7)
            )
            let addRow = { (problem: ProblemAnalysis, table: inout MarkdownTable) in
                table.addRow(markdown: [
                    quoted(problem.problemID), "\(problem.samples)",
                    NumberFormat.withInterval(problem.bf.overall, problem.bf.overallCI, format: NumberFormat.bf),
                    NumberFormat.bf(problem.bf.thinking), NumberFormat.bf(problem.bf.answer),
                    NumberFormat.length(problem.lengths.thinking),
                    NumberFormat.percent(problem.accuracy), NumberFormat.percent(problem.agreement),
                    problem.majorityAnswer.map(quoted) ?? NumberFormat.unavailable,
                    problem.gold.map(quoted) ?? NumberFormat.unavailable,
                ])
            }
            if withBF.isEmpty {
                for entry in ordered.prefix(2 * cap) { addRow(entry.element, &table) }
                if ordered.count > 2 * cap { table.addRow(markdown: ["*\(ordered.count - 2 * cap) more problems*"]) }
            } else if ordered.count <= 2 * cap {
                for entry in ordered { addRow(entry.element, &table) }
            } else {
                for entry in ordered.prefix(cap) { addRow(entry.element, &table) }
                table.addRow(markdown: ["*… \(ordered.count - 2 * cap) problems in between*"])
                for entry in ordered.suffix(cap) { addRow(entry.element, &table) }
            }
            markdown += table.render()
            if omittedWithoutBF > 0 {
                markdown += "\n\(omittedWithoutBF) problems without a BF are not listed.\n"
            }
            markdown += "\n"
        }
        return ReportSection(markdown: markdown)
    }
}
