import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// "Thinking longer (budget forcing)": a table per analysis and charts of accuracy and the
    /// extensions' BF against the number of waits; empty (no markdown, no chart) when no analysis
    /// has budget-forcing probes.
    func budgetForcingMarkdown() -> (markdown: String, charts: [ChartFile]) {
        let rows = analyses.map { $0.probes?.budgetForcing ?? [] }
        guard rows.contains(where: { !$0.isEmpty }) else { return ("", []) }
        var markdown = "\n### Thinking longer (budget forcing)\n\n"
        markdown += "s1's budget forcing (Muennighoff et al. 2025): each chain keeps a trace's whole thinking, writes the wait string where the end-of-thinking marker was, lets the model think on up to that marker, and forces an answer before the first wait and after each one. Changes compare each chain's answer with its own answer at 0 waits. Extension BF is the Branching Factor of the tokens the last wait drew out. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
        for index in analyses.indices {
            markdown += analysisHeading(index)
            guard !rows[index].isEmpty else {
                markdown += "No budget-forcing probes.\n\n"
                continue
            }
            var table = MarkdownTable(
                titles: ["Waits", "Chains", "Problems", "Accuracy", "Extra thinking tokens", "Extension BF", "Right → wrong", "Wrong → right", "Empty / capped extensions"],
                rightAligned: Set(0...8))
            let reason = Self.goldReason(analyses[index])
            for row in rows[index] {
                table.addRow(markdown: [
                    "\(row.waits)", "\(row.samples)", "\(row.problems)",
                    Self.shareCell(row.accuracy, row.accuracyCI, reason: reason),
                    NumberFormat.length(row.extensionTokens),
                    row.waits == 0 ? "–"
                        : row.extensionBF == nil ? Self.unavailable(Self.bfReason(analyses[index]))
                        : NumberFormat.withInterval(row.extensionBF, row.extensionBFCI, format: NumberFormat.bf),
                    row.waits == 0 ? "–" : "\(row.rightToWrong)",
                    row.waits == 0 ? "–" : "\(row.wrongToRight)",
                    row.waits == 0 ? "–" : "\(row.emptyExtensions) / \(row.lengthCapped)",
                ])
            }
            markdown += table.render() + "\n"
        }
        let charts = budgetForcingCharts(rows)
        markdown += charts.map { $0.imageReference + "\n" }.joined(separator: "\n")
        return (markdown, charts)
    }

    /// Accuracy (with bands) and extension BF against waits, one series per analysis.
    private func budgetForcingCharts(_ rows: [[BudgetForcingPoint]]) -> [ChartFile] {
        let xAxis = LineChart.Axis(label: "waits appended", integerTicks: true)
        var accuracySeries: [ChartSeries] = []
        var bfSeries: [ChartSeries] = []
        for (index, points) in rows.enumerated() {
            if points.contains(where: { $0.accuracy != nil }) {
                accuracySeries.append(ChartSeries(
                    name: labels[index],
                    points: points.map {
                        ChartPoint(x: Double($0.waits), y: $0.accuracy.map { $0 * 100 } ?? .nan,
                                   lower: $0.accuracyCI.map { $0.lower * 100 }, upper: $0.accuracyCI.map { $0.upper * 100 })
                    },
                    colorIndex: index, showsMarkers: true))
            }
            let extended = points.filter { $0.extensionBF != nil }
            if !extended.isEmpty {
                bfSeries.append(ChartSeries(
                    name: labels[index],
                    points: extended.map {
                        ChartPoint(x: Double($0.waits), y: $0.extensionBF!, lower: $0.extensionBFCI?.lower, upper: $0.extensionBFCI?.upper)
                    },
                    colorIndex: index, showsMarkers: true))
            }
        }
        var files: [ChartFile] = []
        if !accuracySeries.isEmpty {
            files.append(ChartFile(fileName: "probe-budget-accuracy.svg", chart: LineChart(
                title: "Accuracy vs waits (budget forcing)",
                xAxis: xAxis, yAxis: .init(label: "accuracy (%)", range: 0...100),
                series: accuracySeries, width: options.chartWidth, height: options.chartHeight)))
        }
        if !bfSeries.isEmpty {
            let values = bfSeries.flatMap { $0.points.flatMap { [$0.y, $0.lower, $0.upper].compactMap { $0 } } }
            files.append(ChartFile(fileName: "probe-budget-bf.svg", chart: LineChart(
                title: "Extension BF vs waits (budget forcing)",
                xAxis: xAxis, yAxis: .init(label: "extension Branching Factor", scale: Self.bfScale(values)),
                series: bfSeries, width: options.chartWidth, height: options.chartHeight)))
        }
        return files
    }
}
