import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Thinking length against correctness, agreement and answer BF: Spearman correlations with
    /// intervals, the quantile bins, and a chart of agreement and accuracy per bin.
    func lengthSection() -> ReportSection {
        var markdown = "## Thinking length vs stability\n\n"
        guard analyses.contains(where: { $0.lengthVsStability != nil }) else {
            return ReportSection(markdown: markdown + "Not available (needs traces with a thinking span and extracted answers).\n")
        }
        markdown += "Does thinking longer go with more stable answers? Spearman's ρ between a sample's thinking length and its correctness, whether its answer is in its problem's modal cluster, and its answer-span BF; a negative ρ means longer thinking goes with lower values. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
        let correlations: [(name: String, value: (LengthVsStability) -> RankCorrelation?)] = [
            ("Correctness", \.correctness), ("Agreement with modal answer", \.agreement), ("Answer BF", \.answerBF),
        ]
        let rows = correlations.map { correlation in
            (name: correlation.name, cell: { (analysis: Analysis) -> String in
                guard let rank = analysis.lengthVsStability.flatMap(correlation.value) else { return NumberFormat.unavailable }
                return "ρ = \(NumberFormat.withInterval(rank.rho, rank.ci, format: NumberFormat.decimal)), n = \(rank.samples)"
            })
        }
        markdown += sideBySide("Thinking length vs", rows: rows).render()

        markdown += "\n### By thinking length\n\n"
        for index in analyses.indices {
            markdown += analysisHeading(index)
            guard let stability = analyses[index].lengthVsStability, !stability.bins.isEmpty else {
                markdown += "No length bins.\n\n"
                continue
            }
            var table = MarkdownTable(
                titles: ["Thinking length (\(stability.unit))", "Samples", "Accuracy", "Agreement", "Answer BF"],
                rightAligned: [1, 2, 3, 4]
            )
            for bin in stability.bins {
                table.addRow([
                    "\(NumberFormat.length(bin.lowerLength))–\(NumberFormat.length(bin.upperLength))", "\(bin.samples)",
                    NumberFormat.percent(bin.accuracy), NumberFormat.percent(bin.agreement), NumberFormat.bf(bin.answerBF),
                ])
            }
            markdown += table.render() + "\n"
        }

        var series: [ChartSeries] = []
        for (index, analysis) in analyses.enumerated() {
            let bins = analysis.lengthVsStability?.bins ?? []
            let metrics: [(name: String, dash: LineDash, value: (LengthBin) -> Double?)] = [
                ("agreement", .solid, \.agreement), ("accuracy", .dashed, \.accuracy),
            ]
            for metric in metrics where bins.contains(where: { metric.value($0) != nil }) {
                series.append(ChartSeries(
                    name: "\(labels[index]) \(metric.name)",
                    points: bins.map { ChartPoint(x: ($0.lowerLength + $0.upperLength) / 2, y: metric.value($0).map { $0 * 100 } ?? .nan) },
                    colorIndex: index, dash: metric.dash, showsMarkers: true
                ))
            }
        }
        guard !series.isEmpty else { return ReportSection(markdown: markdown) }
        let units = Set(analyses.compactMap { $0.lengthVsStability?.unit })
        let chart = LineChart(
            title: "Agreement and accuracy by thinking length",
            xAxis: .init(label: "thinking length (\(units.count == 1 ? units.first! : "tokens or characters"), bin midpoint)"),
            yAxis: .init(label: "share of samples (%)", range: 0...100),
            series: series, width: options.chartWidth, height: options.chartHeight
        )
        let file = ChartFile(fileName: "length-vs-stability.svg", chart: chart)
        markdown += file.imageReference + "\n"
        return ReportSection(markdown: markdown, charts: [file])
    }
}
