import HorizonStability

extension ReportComposer {
    /// BF over output position: windowed and cumulative, for the whole output, the thinking span
    /// and the answer span; one chart each, one series per analysis.
    func curvesSection() -> ReportSection {
        var markdown = "## Branching Factor over output position\n\n"
        let hasAnyPoint = analyses.contains { analysis in
            [analysis.curves.windowed, analysis.curves.cumulative].contains { !$0.overall.isEmpty || !$0.thinking.isEmpty || !$0.answer.isEmpty }
        }
        guard hasAnyPoint else {
            let reasons = Set(analyses.map(Self.bfReason)).sorted()
            return ReportSection(markdown: markdown + "Not available (\(reasons.joined(separator: "; "))).\n")
        }
        let windows = analyses.map(\.curves.window)
        let windowText = Set(windows).count == 1
            ? "\(windows[0])-token windows"
            : "windows of " + Self.list(analyses.indices.map { "\(windows[$0]) tokens for \(label($0))" })
        let switches = Set(analyses.compactMap(\.curves.cumulativeNLLFrom)).sorted()
        let switchText = switches.isEmpty
            ? ""
            : " With estimator `auto` the cumulative curve averages entropy up to position \(switches.map(String.init).joined(separator: ", ")) and NLL after it (the paper's switch), marked by a dashed line: a jump there is the estimators disagreeing (see the entropy-vs-NLL gap), not the model."
        markdown += "*Windowed*: BF of non-overlapping \(windowText), plotted at each window's first token; it shows where in the output the model still has choices. *Cumulative*: BF of the prefix up to each position.\(switchText) Positions in the thinking and answer charts count from the span's first token. The y axis is logarithmic when the values span a factor of 5 or more.\n"

        var charts: [ChartFile] = []
        let kinds: [(key: String, name: String, curves: (Curves) -> PerSegment<[CurvePoint]>)] = [
            ("windowed", "Windowed", \.windowed), ("cumulative", "Cumulative", \.cumulative),
        ]
        let segments: [(suffix: String, name: String, axis: String, points: (PerSegment<[CurvePoint]>) -> [CurvePoint])] = [
            ("", "whole output", "token position", \.overall),
            ("-thinking", "thinking", "position in the thinking span (tokens)", \.thinking),
            ("-answer", "answer", "position in the answer span (tokens)", \.answer),
        ]
        for kind in kinds {
            markdown += "\n### \(kind.name)\n\n"
            for segment in segments {
                let curves = analyses.map { segment.points(kind.curves($0.curves)) }
                let title = "\(kind.name) BF, \(segment.name)"
                guard curves.contains(where: { !$0.isEmpty }) else {
                    markdown += "\(title): not available (no curve points).\n\n"
                    continue
                }
                let series = curves.enumerated().map { index, points in
                    ChartSeries(
                        name: labels[index],
                        points: points.map { ChartPoint(x: Double($0.position), y: $0.bf) },
                        colorIndex: index
                    )
                }
                var chart = LineChart(
                    title: title,
                    xAxis: .init(label: segment.axis, integerTicks: true),
                    yAxis: .init(label: "Branching Factor", scale: Self.bfScale(curves.flatMap { $0.map(\.bf) })),
                    series: series, width: options.chartWidth, height: options.chartHeight
                )
                if kind.key == "cumulative" {
                    chart.markers = Set(analyses.compactMap(\.curves.cumulativeNLLFrom)).sorted().map {
                        ChartMarker(x: Double($0), label: "entropy → NLL")
                    }
                }
                let file = ChartFile(fileName: "bf-\(kind.key)\(segment.suffix).svg", chart: chart)
                charts.append(file)
                markdown += file.imageReference + "\n\n"
                let missing = analyses.indices.filter { curves[$0].isEmpty }
                if !missing.isEmpty {
                    markdown += "No curve for " + Self.list(missing.map { "\(label($0)) (\(Self.bfReason(analyses[$0])))" }) + ".\n\n"
                }
            }
        }
        return ReportSection(markdown: markdown, charts: charts)
    }

    /// Logarithmic when the positive, finite values span a factor of 5 or more (base models
    /// start near 10 and fall towards 1; a linear axis would flatten the low end), else linear.
    static func bfScale(_ values: [Double]) -> LineChart.Scale {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return .linear }
        return high / low >= 5 ? .logarithmic : .linear
    }
}
