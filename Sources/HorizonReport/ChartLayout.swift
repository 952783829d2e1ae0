/// Where a chart's parts go on the canvas: title, plot area, tick labels, axis labels and legend.
///
/// Text widths are estimated from the character count (no font metrics are available without a
/// renderer); the estimate errs wide so labels do not collide.
struct ChartLayout: Sendable, Equatable {
    /// One legend entry's position (the line sample starts at `x`; the text follows it).
    struct LegendEntry: Sendable, Equatable {
        var seriesIndex: Int
        var x: Double
        var y: Double
    }

    static let fontSize = 12.0
    static let titleFontSize = 15.0
    static let legendRowHeight = 18.0
    /// Length of the line sample in a legend entry.
    static let legendSampleWidth = 26.0

    var plot: ChartRect
    var xAxis: AxisScale
    var yAxis: AxisScale
    var legend: [LegendEntry]

    /// Estimated width in pixels of `text` at `fontSize`.
    static func textWidth(_ text: String, fontSize: Double = fontSize) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}

extension LineChart {
    /// Computes the layout: margins grow with the tick labels, the axis labels and the number of
    /// legend rows; the plot area gets the rest.
    func layout() -> ChartLayout {
        let (xScale, yScale) = fittedAxes
        let font = ChartLayout.fontSize
        let top = title.isEmpty ? 14.0 : 40.0
        let yTickWidth = yScale.tickLabels.map { ChartLayout.textWidth($0) }.max() ?? 0
        let left = 12 + (yAxis.label.isEmpty ? 0 : font + 10) + yTickWidth + 10
        let lastXTickWidth = xScale.tickLabels.last.map { ChartLayout.textWidth($0) } ?? 0
        let right = max(20, lastXTickWidth / 2 + 6)

        // Legend entries flow left to right under the x-axis label, wrapping into rows.
        let named = series.indices.filter { !series[$0].name.isEmpty }
        var rows: [[(index: Int, width: Double)]] = []
        let available = width - left - right
        for index in named {
            let entryWidth = ChartLayout.legendSampleWidth + 6 + ChartLayout.textWidth(series[index].name) + 18
            if let last = rows.last, last.map(\.width).reduce(0, +) + entryWidth <= available {
                rows[rows.count - 1].append((index, entryWidth))
            } else {
                rows.append([(index, entryWidth)])
            }
        }
        let legendHeight = rows.isEmpty ? 0 : Double(rows.count) * ChartLayout.legendRowHeight + 6
        let bottom = 6 + font + 8 + (xAxis.label.isEmpty ? 0 : font + 10) + legendHeight + 8
        let plot = ChartRect(
            minX: left, minY: top,
            width: max(width - left - right, 1), height: max(height - top - bottom, 1)
        )

        var legend: [ChartLayout.LegendEntry] = []
        let firstRowY = plot.maxY + 6 + font + 8 + (xAxis.label.isEmpty ? 0 : font + 10) + 12
        for (rowIndex, row) in rows.enumerated() {
            var x = left
            for entry in row {
                legend.append(.init(seriesIndex: entry.index, x: x, y: firstRowY + Double(rowIndex) * ChartLayout.legendRowHeight))
                x += entry.width
            }
        }
        return ChartLayout(plot: plot, xAxis: xScale, yAxis: yScale, legend: legend)
    }
}
