extension LineChart {
    /// Series colours: the Okabe–Ito palette, distinguishable with the common colour-vision
    /// deficiencies and in greyscale print (yellow left out: it vanishes on white).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The colour of palette slot `index` (wrapping around).
    static func color(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// The chart as a standalone SVG 1.1 document.
    ///
    /// Each series is a `<g class="series" data-series="i">` holding its band (`class="band"`,
    /// a polygon, or a vertical bar for an isolated point), its line (`<polyline class="line">`,
    /// one per run of drawable points, thinned by ``PixelDecimation/m4(_:)`` when it has more
    /// points than pixels) and its markers (`<circle class="marker">`). All text is XML-escaped.
    /// - Returns: The SVG text, ending in a newline.
    /// - Complexity: O(total number of points).
    public func svg() -> String {
        let layout = layout()
        let plot = layout.plot
        var svg = SVGMarkup()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
            "width": SVGMarkup.number(width), "height": SVGMarkup.number(height),
            "viewBox": "0 0 \(SVGMarkup.number(width)) \(SVGMarkup.number(height))",
            "font-family": "Helvetica, Arial, sans-serif", "font-size": SVGMarkup.number(ChartLayout.fontSize),
        ])
        svg.element("title", [:], content: title)
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"])
        if !title.isEmpty {
            svg.element("text", [
                "x": SVGMarkup.number(width / 2), "y": "24", "text-anchor": "middle",
                "font-size": SVGMarkup.number(ChartLayout.titleFontSize), "font-weight": "bold", "fill": "#222222",
            ], content: title)
        }
        drawAxes(layout, into: &svg)
        svg.open("defs")
        svg.open("clipPath", ["id": "plot-area"])
        // A little slack so strokes and markers on the domain's edge are not cut in half.
        svg.element("rect", [
            "x": SVGMarkup.number(plot.minX - 4), "y": SVGMarkup.number(plot.minY - 4),
            "width": SVGMarkup.number(plot.width + 8), "height": SVGMarkup.number(plot.height + 8),
        ])
        svg.close("clipPath")
        svg.close("defs")
        svg.open("g", ["clip-path": "url(#plot-area)"])
        var drewSomething = false
        for (index, series) in self.series.enumerated() {
            svg.open("g", ["class": "series", "data-series": String(index)])
            drewSomething = drawBand(series, layout, into: &svg) || drewSomething
            drewSomething = drawLine(series, layout, into: &svg) || drewSomething
            svg.close("g")
        }
        svg.close("g")
        drawMarkers(layout, into: &svg)
        if !drewSomething {
            svg.element("text", [
                "x": SVGMarkup.number(plot.minX + plot.width / 2), "y": SVGMarkup.number(plot.minY + plot.height / 2),
                "text-anchor": "middle", "fill": "#888888",
            ], content: "no data")
        }
        drawLegend(layout, into: &svg)
        svg.close("svg")
        return svg.text
    }

    /// The ``markers`` inside the x axis's range.
    private func drawMarkers(_ layout: ChartLayout, into svg: inout SVGMarkup) {
        let plot = layout.plot
        for marker in markers {
            let fraction = layout.xAxis.fraction(of: marker.x)
            guard fraction >= 0, fraction <= 1 else { continue }
            let x = SVGMarkup.number(plot.minX + fraction * plot.width)
            svg.element("line", [
                "class": "marker", "x1": x, "x2": x, "y1": SVGMarkup.number(plot.minY), "y2": SVGMarkup.number(plot.maxY),
                "stroke": "#888888", "stroke-width": "1", "stroke-dasharray": "4 3",
            ])
            svg.element("text", [
                "x": SVGMarkup.number(plot.minX + fraction * plot.width + 4), "y": SVGMarkup.number(plot.minY + 12),
                "fill": "#555555",
            ], content: marker.label)
        }
    }

    /// The pixel position of a data point.
    private func position(x: Double, y: Double, _ layout: ChartLayout) -> (x: Double, y: Double) {
        (layout.plot.minX + layout.xAxis.fraction(of: x) * layout.plot.width,
         layout.plot.maxY - layout.yAxis.fraction(of: y) * layout.plot.height)
    }

    /// Consecutive points that pass `isDrawable`; a point that fails ends the run (a gap).
    private func runs(_ points: [ChartPoint], where isDrawable: (ChartPoint) -> Bool) -> [[ChartPoint]] {
        var runs: [[ChartPoint]] = []
        var current: [ChartPoint] = []
        for point in points {
            if isDrawable(point) {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private func pointList(_ pixels: [(x: Double, y: Double)]) -> String {
        pixels.map { "\(SVGMarkup.number($0.x)),\(SVGMarkup.number($0.y))" }.joined(separator: " ")
    }

    /// Grid lines, frame, ticks, tick labels and axis labels.
    private func drawAxes(_ layout: ChartLayout, into svg: inout SVGMarkup) {
        let plot = layout.plot
        let font = ChartLayout.fontSize
        svg.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "1"])
        for tick in layout.yAxis.ticks {
            let y = SVGMarkup.number(plot.maxY - layout.yAxis.fraction(of: tick) * plot.height)
            svg.element("line", ["x1": SVGMarkup.number(plot.minX), "y1": y, "x2": SVGMarkup.number(plot.maxX), "y2": y])
        }
        for tick in layout.xAxis.ticks {
            let x = SVGMarkup.number(plot.minX + layout.xAxis.fraction(of: tick) * plot.width)
            svg.element("line", ["x1": x, "y1": SVGMarkup.number(plot.minY), "x2": x, "y2": SVGMarkup.number(plot.maxY)])
        }
        svg.close("g")
        svg.element("rect", [
            "class": "frame", "x": SVGMarkup.number(plot.minX), "y": SVGMarkup.number(plot.minY),
            "width": SVGMarkup.number(plot.width), "height": SVGMarkup.number(plot.height),
            "fill": "none", "stroke": "#9a9a9a", "stroke-width": "1",
        ])
        svg.open("g", ["class": "y-ticks", "fill": "#444444", "text-anchor": "end"])
        for (tick, label) in zip(layout.yAxis.ticks, layout.yAxis.tickLabels) {
            let y = plot.maxY - layout.yAxis.fraction(of: tick) * plot.height
            svg.element("text", ["x": SVGMarkup.number(plot.minX - 8), "y": SVGMarkup.number(y + font * 0.35)], content: label)
        }
        svg.close("g")
        svg.open("g", ["class": "x-ticks", "fill": "#444444", "text-anchor": "middle"])
        for (tick, label) in zip(layout.xAxis.ticks, layout.xAxis.tickLabels) {
            let x = plot.minX + layout.xAxis.fraction(of: tick) * plot.width
            svg.element("text", ["x": SVGMarkup.number(x), "y": SVGMarkup.number(plot.maxY + 6 + font)], content: label)
        }
        svg.close("g")
        if !xAxis.label.isEmpty {
            svg.element("text", [
                "class": "x-label", "x": SVGMarkup.number(plot.minX + plot.width / 2),
                "y": SVGMarkup.number(plot.maxY + 6 + font + 8 + font), "text-anchor": "middle", "fill": "#222222",
            ], content: xAxis.label)
        }
        if !yAxis.label.isEmpty {
            let x = SVGMarkup.number(12 + font)
            let y = SVGMarkup.number(plot.minY + plot.height / 2)
            svg.element("text", [
                "class": "y-label", "x": x, "y": y, "text-anchor": "middle", "fill": "#222222",
                "transform": "rotate(-90 \(x) \(y))",
            ], content: yAxis.label)
        }
    }

    /// The interval band of a series. Returns whether anything was drawn.
    private func drawBand(_ series: ChartSeries, _ layout: ChartLayout, into svg: inout SVGMarkup) -> Bool {
        let color = Self.color(series.colorIndex)
        let bandRuns = runs(series.points) { point in
            guard let lower = point.lower, let upper = point.upper else { return false }
            return layout.xAxis.canPlace(point.x) && layout.yAxis.canPlace(lower) && layout.yAxis.canPlace(upper)
        }
        for run in bandRuns {
            let uppers = run.map { position(x: $0.x, y: $0.upper ?? $0.y, layout) }
            let lowers = run.map { position(x: $0.x, y: $0.lower ?? $0.y, layout) }
            if run.count == 1 {
                // An isolated interval has no width to fill: draw it as an error bar.
                svg.element("line", [
                    "class": "band", "x1": SVGMarkup.number(uppers[0].x), "y1": SVGMarkup.number(uppers[0].y),
                    "x2": SVGMarkup.number(lowers[0].x), "y2": SVGMarkup.number(lowers[0].y),
                    "stroke": color, "stroke-opacity": "0.5", "stroke-width": "6",
                ])
            } else {
                svg.element("polygon", [
                    "class": "band", "points": pointList(uppers + lowers.reversed()),
                    "fill": color, "fill-opacity": "0.14", "stroke": "none",
                ])
            }
        }
        return !bandRuns.isEmpty
    }

    /// The line and markers of a series. Returns whether anything was drawn.
    private func drawLine(_ series: ChartSeries, _ layout: ChartLayout, into svg: inout SVGMarkup) -> Bool {
        let color = Self.color(series.colorIndex)
        let lineRuns = runs(series.points) { layout.xAxis.canPlace($0.x) && layout.yAxis.canPlace($0.y) }
        for run in lineRuns where run.count > 1 {
            svg.element("polyline", [
                "class": "line", "points": pointList(PixelDecimation.m4(run.map { position(x: $0.x, y: $0.y, layout) })),
                "fill": "none", "stroke": color, "stroke-width": "2", "stroke-linejoin": "round",
                "stroke-linecap": "round", "stroke-dasharray": series.dash.dashArray ?? "",
            ])
        }
        let marked = lineRuns.flatMap { run in series.showsMarkers || run.count == 1 ? run : [] }
        for point in marked {
            let pixel = position(x: point.x, y: point.y, layout)
            svg.element("circle", [
                "class": "marker", "cx": SVGMarkup.number(pixel.x), "cy": SVGMarkup.number(pixel.y), "r": "3.5",
                "fill": color, "stroke": "#ffffff", "stroke-width": "1",
            ])
        }
        return !lineRuns.isEmpty
    }

    /// One entry per named series: a line sample (with its band and marker style) and the name.
    private func drawLegend(_ layout: ChartLayout, into svg: inout SVGMarkup) {
        guard !layout.legend.isEmpty else { return }
        svg.open("g", ["class": "legend", "fill": "#222222"])
        for entry in layout.legend {
            let series = self.series[entry.seriesIndex]
            let color = Self.color(series.colorIndex)
            let sampleEnd = entry.x + ChartLayout.legendSampleWidth
            if series.hasBand {
                svg.element("rect", [
                    "x": SVGMarkup.number(entry.x), "y": SVGMarkup.number(entry.y - 6),
                    "width": SVGMarkup.number(ChartLayout.legendSampleWidth), "height": "12",
                    "fill": color, "fill-opacity": "0.14",
                ])
            }
            svg.element("line", [
                "x1": SVGMarkup.number(entry.x), "y1": SVGMarkup.number(entry.y),
                "x2": SVGMarkup.number(sampleEnd), "y2": SVGMarkup.number(entry.y),
                "stroke": color, "stroke-width": "2.5", "stroke-dasharray": series.dash.dashArray ?? "",
            ])
            if series.showsMarkers {
                svg.element("circle", [
                    "cx": SVGMarkup.number(entry.x + ChartLayout.legendSampleWidth / 2), "cy": SVGMarkup.number(entry.y),
                    "r": "3.5", "fill": color, "stroke": "#ffffff", "stroke-width": "1",
                ])
            }
            svg.element("text", [
                "x": SVGMarkup.number(sampleEnd + 6), "y": SVGMarkup.number(entry.y + ChartLayout.fontSize * 0.35),
            ], content: series.name)
        }
        svg.close("g")
    }
}
