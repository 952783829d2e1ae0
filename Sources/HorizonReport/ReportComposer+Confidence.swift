import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// DeepConf's trace confidence and the offline voting experiment: a table of the four
    /// measures, a table of vote accuracies and token savings, and a chart of accuracy against
    /// the share of most confident traces kept.
    func confidenceSection() -> ReportSection {
        var markdown = "## Confidence (DeepConf)\n\n"
        guard analyses.contains(where: { $0.confidence != nil }) else {
            return ReportSection(markdown: markdown + "Not available (no log-probs).\n")
        }
        markdown += "Token confidence C = −(1/k) Σ ln p over the k candidates returned at a step (higher: the model was surer). Per trace: its mean; the lowest mean over any W consecutive tokens (*lowest group*); the mean of its last W tokens (*tail*); the mean of the lowest 10% of its W-token window means (*bottom 10%*). Each is the mean over problems of the mean over samples. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
        let measures: [(name: String, value: (ConfidenceSummary) -> Double, ci: (ConfidenceSummary) -> ConfidenceInterval?)] = [
            ("Token confidence", \.tokenMean, \.tokenMeanCI), ("Lowest group", \.lowestGroupMean, \.lowestGroupMeanCI),
            ("Tail", \.tailMean, \.tailMeanCI), ("Bottom 10%", \.bottom10Mean, \.bottom10MeanCI),
        ]
        var rows = measures.map { measure in
            (name: measure.name, cell: { (analysis: Analysis) -> String in
                guard let confidence = analysis.confidence else { return Self.unavailable(Self.bfReason(analysis)) }
                return NumberFormat.withInterval(measure.value(confidence), measure.ci(confidence), format: NumberFormat.decimal)
            })
        }
        rows.append((name: "Window W (tokens)", cell: { $0.confidence.map { "\($0.window)" } ?? NumberFormat.unavailable }))
        rows.append((name: "Traces", cell: { $0.confidence.map { "\($0.traces)" } ?? NumberFormat.unavailable }))
        markdown += sideBySide("Confidence", rows: rows).render()

        markdown += "\n### Voting by confidence\n\n"
        guard analyses.contains(where: { $0.confidence?.voting != nil }) else {
            return ReportSection(markdown: markdown + "Not available (needs gold answers).\n")
        }
        markdown += "DeepConf's offline experiment on these samples. *Majority*: one vote per trace. *Weighted*: each vote weighs the trace's lowest group confidence. *Top η*: the weighted vote over the traces at or above the problem's (1 − η) quantile of lowest group confidence. *Online η*: the first half of each problem's traces (at most 16) are the warm-up and set the threshold, their (1 − η) quantile; every later trace stops at its first W-token window below it and does not vote; *tokens saved* is the share of all tokens the stopped traces would not have generated. Accuracy is the share of graded problems whose vote is correct.\n\n"
        for (index, analysis) in analyses.enumerated() {
            markdown += analysisHeading(index)
            guard let voting = analysis.confidence?.voting else {
                markdown += "Not available (\(Self.goldReason(analysis))).\n\n"
                continue
            }
            var table = MarkdownTable(titles: ["Vote", "Accuracy", "Tokens saved", "Later traces stopped"], rightAligned: [1, 2, 3])
            func accuracy(_ vote: VoteAccuracy) -> String { NumberFormat.withInterval(vote.accuracy, vote.ci, format: NumberFormat.percent) }
            table.addRow(markdown: ["Majority", accuracy(voting.majority), "—", "—"])
            table.addRow(markdown: ["Weighted by confidence", accuracy(voting.weighted), "—", "—"])
            for row in voting.filtered {
                table.addRow(markdown: ["Top \(NumberFormat.percent(row.eta)) (offline)", accuracy(row.offline), "—", "—"])
            }
            for row in voting.filtered {
                table.addRow(markdown: ["Online η = \(NumberFormat.percent(row.eta))", accuracy(row.online),
                              NumberFormat.percent(row.tokensSaved), NumberFormat.percent(row.tracesStopped)])
            }
            markdown += table.render() + "\n\(voting.problems) graded problems.\n\n"
        }
        var series: [ChartSeries] = []
        for (index, analysis) in analyses.enumerated() {
            guard let voting = analysis.confidence?.voting else { continue }
            let kept = voting.filtered.sorted { $0.eta < $1.eta }.map { ChartPoint(x: $0.eta * 100, y: $0.offline.accuracy * 100) }
            series.append(ChartSeries(name: "\(labels[index]) top-η vote", points: kept + [ChartPoint(x: 100, y: voting.weighted.accuracy * 100)],
                                      colorIndex: index, showsMarkers: true))
            series.append(ChartSeries(name: "\(labels[index]) majority", points: [ChartPoint(x: 0, y: voting.majority.accuracy * 100), ChartPoint(x: 100, y: voting.majority.accuracy * 100)],
                                      colorIndex: index, dash: .dashed))
        }
        let chart = LineChart(
            title: "Vote accuracy by share of most confident traces kept",
            xAxis: .init(label: "traces kept, most confident first (%)", range: 0...100),
            yAxis: .init(label: "problems answered correctly (%)", range: 0...100),
            series: series, width: options.chartWidth, height: options.chartHeight)
        let file = ChartFile(fileName: "confidence-voting.svg", chart: chart)
        markdown += file.imageReference + "\n"
        return ReportSection(markdown: markdown, charts: [file])
    }
}
