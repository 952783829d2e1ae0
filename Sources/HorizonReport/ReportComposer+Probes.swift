import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Truncation probes (table and charts with interval bands), mid-generation resampling and
    /// budget forcing.
    func probesSection() -> ReportSection {
        var markdown = "## Truncation probes\n\n"
        let truncation = analyses.map { $0.probes?.truncation ?? [] }
        let resample = analyses.map { $0.probes?.resample ?? [] }
        let budget = budgetForcingMarkdown()
        guard truncation.contains(where: { !$0.isEmpty }) || resample.contains(where: { !$0.isEmpty }) || !budget.markdown.isEmpty else {
            return ReportSection(markdown: markdown + "Not available (the traces hold no truncation or resampling probes).\n")
        }
        var charts: [ChartFile] = []
        if truncation.contains(where: { !$0.isEmpty }) {
            markdown += "Each trace's thinking is cut to a given length and an answer is forced from there. If the answer already agrees at short lengths, the rest of the thinking did not change it. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
            for index in analyses.indices {
                markdown += analysisHeading(index)
                guard !truncation[index].isEmpty else {
                    markdown += "No truncation probes.\n\n"
                    continue
                }
                var table = MarkdownTable(
                    titles: ["Thinking kept", "Mean tokens kept", "Samples", "Problems", "Agreement", "Accuracy", "Answer BF", "Tokens per answer"],
                    rightAligned: Set(1...7)
                )
                for point in truncation[index] {
                    table.addRow(markdown: [
                        Self.truncationLength(point), NumberFormat.length(point.keptTokens), "\(point.samples)", "\(point.problems)",
                        Self.shareCell(point.agreement, point.agreementCI, reason: nil),
                        Self.shareCell(point.accuracy, point.accuracyCI, reason: Self.goldReason(analyses[index])),
                        point.answerBF == nil ? Self.unavailable(Self.bfReason(analyses[index]))
                            : NumberFormat.withInterval(point.answerBF, point.answerBFCI, format: NumberFormat.bf),
                        NumberFormat.length(point.tokensSpent),
                    ])
                }
                markdown += table.render() + "\n"
            }
            charts = truncationCharts(truncation)
            markdown += charts.map { $0.imageReference + "\n" }.joined(separator: "\n")
        }
        if resample.contains(where: { !$0.isEmpty }) {
            markdown += "\n### Mid-generation resampling\n\n"
            markdown += "A sample is cut after token t and continuations are resampled from that prefix (the paper's experiment): BF@t is the continuations' Branching Factor, maj accuracy the accuracy of their majority answer.\n\n"
            for index in analyses.indices {
                markdown += analysisHeading(index)
                guard !resample[index].isEmpty else {
                    markdown += "No resampling probes.\n\n"
                    continue
                }
                var table = MarkdownTable(titles: ["Cut after token", "Samples", "Problems", "BF@t", "Maj accuracy", "Agreement"], rightAligned: Set(0...5))
                for point in resample[index] {
                    table.addRow(markdown: [
                        "\(point.position)", "\(point.samples)", "\(point.problems)",
                        point.bf == nil ? Self.unavailable(Self.bfReason(analyses[index]))
                            : NumberFormat.withInterval(point.bf, point.bfCI, format: NumberFormat.bf),
                        Self.shareCell(point.majAccuracy, point.majAccuracyCI, reason: Self.goldReason(analyses[index])),
                        NumberFormat.percent(point.agreement),
                    ])
                }
                markdown += table.render() + "\n"
            }
        }
        markdown += probeBehaviourMarkdown()
        markdown += budget.markdown
        return ReportSection(markdown: markdown, charts: charts + budget.charts)
    }

    /// "256 tokens" or "25.0% of thinking".
    static func truncationLength(_ point: TruncationPoint) -> String {
        point.lengthUnit == "fraction"
            ? "\(NumberFormat.percent(point.length)) of thinking"
            : "\(NumberFormat.length(point.length)) \(MarkdownText.escape(point.lengthUnit))"
    }

    /// Agreement and accuracy against truncation length (shares, with bands), and answer BF
    /// against truncation length.
    private func truncationCharts(_ truncation: [[TruncationPoint]]) -> [ChartFile] {
        // Lengths in one unit are plotted as given (fractions as percent); mixed units fall back
        // to the tokens actually kept, which every probe reports.
        let units = Set(truncation.flatMap { $0.map(\.lengthUnit) })
        let xAxis: LineChart.Axis
        let x: (TruncationPoint) -> Double
        switch units.count == 1 ? units.first : nil {
        case "fraction"?:
            (xAxis, x) = (.init(label: "thinking kept (% of each trace's thinking)", range: 0...100), { $0.length * 100 })
        case let unit?: (xAxis, x) = (.init(label: "thinking kept (\(unit))"), \.length)
        case nil: (xAxis, x) = (.init(label: "mean thinking tokens kept"), \.keptTokens)
        }
        func percentPoint(_ point: TruncationPoint, _ value: Double?, _ interval: ConfidenceInterval?) -> ChartPoint {
            ChartPoint(x: x(point), y: value.map { $0 * 100 } ?? .nan, lower: interval.map { $0.lower * 100 }, upper: interval.map { $0.upper * 100 })
        }
        var shareSeries: [ChartSeries] = []
        var bfSeries: [ChartSeries] = []
        for (index, points) in truncation.enumerated() where !points.isEmpty {
            if points.contains(where: { $0.agreement != nil }) {
                shareSeries.append(ChartSeries(name: "\(labels[index]) agreement", points: points.map { percentPoint($0, $0.agreement, $0.agreementCI) },
                                               colorIndex: index, showsMarkers: true))
            }
            if points.contains(where: { $0.accuracy != nil }) {
                shareSeries.append(ChartSeries(name: "\(labels[index]) accuracy", points: points.map { percentPoint($0, $0.accuracy, $0.accuracyCI) },
                                               colorIndex: index, dash: .dashed, showsMarkers: true))
            }
            if points.contains(where: { $0.answerBF != nil }) {
                bfSeries.append(ChartSeries(
                    name: labels[index],
                    points: points.map { ChartPoint(x: x($0), y: $0.answerBF ?? .nan, lower: $0.answerBFCI?.lower, upper: $0.answerBFCI?.upper) },
                    colorIndex: index, showsMarkers: true
                ))
            }
        }
        var files: [ChartFile] = []
        if !shareSeries.isEmpty {
            files.append(ChartFile(fileName: "probe-truncation.svg", chart: LineChart(
                title: "Agreement and accuracy vs thinking kept",
                xAxis: xAxis, yAxis: .init(label: "share of samples (%)", range: 0...100),
                series: shareSeries, width: options.chartWidth, height: options.chartHeight
            )))
        }
        if !bfSeries.isEmpty {
            let values = bfSeries.flatMap { $0.points.flatMap { [$0.y, $0.lower, $0.upper].compactMap { $0 } } }
            files.append(ChartFile(fileName: "probe-truncation-bf.svg", chart: LineChart(
                title: "Answer BF vs thinking kept",
                xAxis: xAxis, yAxis: .init(label: "answer Branching Factor", scale: Self.bfScale(values)),
                series: bfSeries, width: options.chartWidth, height: options.chartHeight
            )))
        }
        return files
    }
}
