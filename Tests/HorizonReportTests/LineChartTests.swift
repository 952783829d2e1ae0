import Testing
@testable import HorizonReport

@Suite struct LineChartTests {
    /// A chart with fixed ranges, so positions can be computed by hand from the plot area.
    func chart(_ series: [ChartSeries], x: ClosedRange<Double>? = 0...20, y: ClosedRange<Double>? = 0...4,
               yScale: LineChart.Scale = .linear, title: String = "test") -> LineChart {
        LineChart(title: title, xAxis: .init(label: "x", range: x), yAxis: .init(label: "y", scale: yScale, range: y), series: series)
    }

    func points(_ values: [(Double, Double)]) -> [ChartPoint] {
        values.map { ChartPoint(x: $0.0, y: $0.1) }
    }

    func expectClose(_ actual: (x: Double, y: Double), _ expected: (x: Double, y: Double), sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // Coordinates are written with 2 decimals.
        #expect(abs(actual.x - expected.x) <= 0.006 && abs(actual.y - expected.y) <= 0.006,
                "\(actual) is not \(expected)", sourceLocation: sourceLocation)
    }

    @Test func dataMapsLinearlyOntoThePlotArea() throws {
        let lineChart = chart([ChartSeries(name: "s", points: points([(0, 0), (10, 2), (20, 4), (5, 3)]), colorIndex: 0)])
        let plot = lineChart.plotArea
        let lines = try XMLTree(lineChart.svg()).all("polyline", class: "line")
        #expect(lines.count == 1)
        let drawn = lines[0].points
        #expect(drawn.count == 4)
        expectClose(drawn[0], (plot.minX, plot.maxY))
        expectClose(drawn[1], (plot.minX + plot.width / 2, plot.minY + plot.height / 2))
        expectClose(drawn[2], (plot.maxX, plot.minY))
        // x = 5 of 0...20 is a quarter across; y = 3 of 0...4 is three quarters up.
        expectClose(drawn[3], (plot.minX + plot.width / 4, plot.maxY - plot.height * 3 / 4))
    }

    @Test func logarithmicAxisMapsDecadesEvenly() throws {
        let lineChart = chart([ChartSeries(name: "s", points: points([(0, 1), (10, 10), (20, 100)]), colorIndex: 0)],
                              y: 1...100, yScale: .logarithmic)
        let plot = lineChart.plotArea
        let drawn = try XMLTree(lineChart.svg()).all("polyline", class: "line")[0].points
        expectClose(drawn[0], (plot.minX, plot.maxY))
        expectClose(drawn[1], (plot.minX + plot.width / 2, plot.minY + plot.height / 2))
        expectClose(drawn[2], (plot.maxX, plot.minY))
    }

    @Test func missingValuesSplitTheLine() throws {
        let series = ChartSeries(name: "s", points: points([(0, 1), (1, 2), (2, .nan), (3, 1), (4, .infinity), (5, 2), (6, 3)]), colorIndex: 0)
        let tree = try XMLTree(chart([series]).svg())
        // Runs: [0, 1], [3] (isolated), [5, 6].
        #expect(tree.all("polyline", class: "line").map(\.points.count) == [2, 2])
        #expect(tree.all("circle", class: "marker").count == 1)
    }

    @Test func nonPositiveValuesAreGapsOnALogAxis() throws {
        let series = ChartSeries(name: "s", points: points([(0, 2), (1, 0), (2, -1), (3, 4), (4, 5)]), colorIndex: 0)
        let tree = try XMLTree(chart([series], y: nil, yScale: .logarithmic).svg())
        #expect(tree.all("polyline", class: "line").map(\.points.count) == [2])
        #expect(tree.all("circle", class: "marker").count == 1)
    }

    @Test func singlePointIsAMarker() throws {
        let lineChart = chart([ChartSeries(name: "s", points: points([(10, 2)]), colorIndex: 0)])
        let tree = try XMLTree(lineChart.svg())
        #expect(tree.all("polyline", class: "line").isEmpty)
        let markers = tree.all("circle", class: "marker")
        #expect(markers.count == 1)
        let plot = lineChart.plotArea
        expectClose((Double(markers[0].attributes["cx"]!)!, Double(markers[0].attributes["cy"]!)!),
                    (plot.minX + plot.width / 2, plot.minY + plot.height / 2))
    }

    @Test func singlePointWithAutomaticAxesIsCentred() throws {
        let lineChart = chart([ChartSeries(name: "s", points: points([(7, 3)]), colorIndex: 0)], x: nil, y: nil)
        let marker = try XMLTree(lineChart.svg()).all("circle", class: "marker")[0]
        let plot = lineChart.plotArea
        expectClose((Double(marker.attributes["cx"]!)!, Double(marker.attributes["cy"]!)!),
                    (plot.minX + plot.width / 2, plot.minY + plot.height / 2))
    }

    @Test func constantSeriesIsAHorizontalLineMidPlot() throws {
        let lineChart = chart([ChartSeries(name: "s", points: points([(0, 1.5), (1, 1.5), (2, 1.5)]), colorIndex: 0)], x: nil, y: nil)
        let plot = lineChart.plotArea
        let drawn = try XMLTree(lineChart.svg()).all("polyline", class: "line")[0].points
        for point in drawn { #expect(abs(point.y - (plot.minY + plot.height / 2)) <= 0.006) }
    }

    @Test func emptyChartSaysNoData() throws {
        for series in [[], [ChartSeries(name: "empty", points: [], colorIndex: 0)], [ChartSeries(name: "nan", points: points([(0, .nan)]), colorIndex: 0)]] {
            let tree = try XMLTree(chart(series, x: nil, y: nil).svg())
            #expect(tree.all("polyline").isEmpty)
            #expect(tree.elements.contains { $0.name == "text" && $0.text == "no data" })
        }
    }

    @Test func bandIsAPolygonAroundTheLine() throws {
        let band = [ChartPoint(x: 0, y: 1, lower: 0.5, upper: 1.5), ChartPoint(x: 10, y: 2, lower: 1, upper: 3), ChartPoint(x: 20, y: 3, lower: 2, upper: 4)]
        let lineChart = chart([ChartSeries(name: "s", points: band, colorIndex: 0)])
        let plot = lineChart.plotArea
        let polygons = try XMLTree(lineChart.svg()).all("polygon", class: "band")
        #expect(polygons.count == 1)
        let outline = polygons[0].points
        #expect(outline.count == 6)
        // Upper ends left to right, then lower ends right to left.
        expectClose(outline[0], (plot.minX, plot.maxY - plot.height * 1.5 / 4))
        expectClose(outline[2], (plot.maxX, plot.minY))
        expectClose(outline[3], (plot.maxX, plot.maxY - plot.height * 2 / 4))
        expectClose(outline[5], (plot.minX, plot.maxY - plot.height * 0.5 / 4))
    }

    @Test func isolatedIntervalIsAnErrorBar() throws {
        let lineChart = chart([ChartSeries(name: "s", points: [ChartPoint(x: 10, y: 2, lower: 1, upper: 3)], colorIndex: 0)])
        let bars = try XMLTree(lineChart.svg()).all("line", class: "band")
        #expect(bars.count == 1)
        let plot = lineChart.plotArea
        #expect(abs(Double(bars[0].attributes["y1"]!)! - (plot.maxY - plot.height * 3 / 4)) <= 0.006)
        #expect(abs(Double(bars[0].attributes["y2"]!)! - (plot.maxY - plot.height / 4)) <= 0.006)
    }

    @Test func seriesHaveGroupsColoursDashesAndLegend() throws {
        let lineChart = chart([
            ChartSeries(name: "base", points: points([(0, 1), (1, 2)]), colorIndex: 0),
            ChartSeries(name: "sharpened", points: points([(0, 1), (1, 1)]), colorIndex: 1, dash: .dashed),
        ])
        let tree = try XMLTree(lineChart.svg())
        let lines = tree.all("polyline", class: "line")
        #expect(lines.map { $0.attributes["stroke"] } == [LineChart.color(0), LineChart.color(1)])
        #expect(lines[0].attributes["stroke-dasharray"] == nil)
        #expect(lines[1].attributes["stroke-dasharray"] == "7 4")
        #expect(tree.all("g", class: "series").map { $0.attributes["data-series"] } == ["0", "1"])
        let legend = tree.elements.filter { $0.name == "text" && $0.ancestors.contains("g.legend") }.map(\.text)
        #expect(legend == ["base", "sharpened"])
    }

    @Test func hostileTextStaysText() throws {
        let name = "<script>alert(\"x\")</script> & ]]>"
        let lineChart = chart([ChartSeries(name: name, points: points([(0, 1), (1, 2)]), colorIndex: 0)], title: "t <b>&</b>")
        let svg = lineChart.svg()
        #expect(!svg.contains("<script"))
        let texts = try XMLTree(svg).all("text").map(\.text)
        #expect(texts.contains(name))
        #expect(texts.contains("t <b>&</b>"))
    }

    @Test func outputIsDeterministic() {
        let make = { chart([ChartSeries(name: "s", points: points([(0, 1.25), (3, 2.5), (7, 1.75)]), colorIndex: 2)], x: nil, y: nil) }
        #expect(make().svg() == make().svg())
        var other = make()
        other.series[0].points[1].y = 2.6
        #expect(other.svg() != make().svg())
    }

    @Test func longSeriesAreThinnedToWhatThePixelsShow() throws {
        // 20,000 points with one spike: the line must keep the spike and both ends.
        let values = (0..<20_000).map { ($0 == 12_345 ? 10.0 : 1 + Double($0 % 7) / 10) }
        let lineChart = chart([ChartSeries(name: "s", points: values.enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }, colorIndex: 0)],
                              x: 0...19_999, y: 0...10)
        let plot = lineChart.plotArea
        let drawn = try XMLTree(lineChart.svg()).all("polyline", class: "line")[0].points
        #expect(drawn.count <= 4 * (Int(plot.width) + 1))
        #expect(drawn.count > 2 * Int(plot.width))
        expectClose(drawn[0], (plot.minX, plot.maxY - plot.height * 0.1))
        expectClose(drawn[drawn.count - 1], (plot.maxX, plot.maxY - plot.height * (1 + Double(19_999 % 7) / 10) / 10))
        // The spike is the topmost point: y = 10 is the top of the plot.
        #expect(abs((drawn.map(\.y).min() ?? 0) - plot.minY) <= 0.006)
    }

    @Test func legendWrapsAndShrinksThePlot() {
        let one = chart([ChartSeries(name: "a", points: [], colorIndex: 0)])
        let many = chart((0..<12).map { ChartSeries(name: "a fairly long series name \($0)", points: [], colorIndex: $0) })
        #expect(many.plotArea.height < one.plotArea.height)
        #expect(many.plotArea.height > 0)
    }
}
