/// A line chart rendered to a standalone SVG document: series with optional interval bands,
/// linear or logarithmic axes with nice ticks, a title and a legend.
///
/// ```swift
/// let chart = LineChart(
///     title: "BF over position",
///     xAxis: .init(label: "token position"),
///     yAxis: .init(label: "Branching Factor", scale: .logarithmic),
///     series: [ChartSeries(name: "base", points: [ChartPoint(x: 0, y: 12), ChartPoint(x: 5, y: 8)], colorIndex: 0)]
/// )
/// try chart.svg().write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// The output depends only on the chart value (no clock, no randomness), so the same chart
/// always gives the same bytes. The default 640×360 size reads well on GitHub and in a paper.
public struct LineChart: Sendable, Equatable {
    /// How data values map to positions along an axis.
    public enum Scale: String, Sendable, Equatable {
        case linear
        /// Positions are linear in log10 of the value; values ≤ 0 cannot be drawn.
        case logarithmic
    }

    /// An axis: its label, scale and optional fixed range.
    public struct Axis: Sendable, Equatable {
        public var label: String
        public var scale: Scale
        /// The data range the axis covers; `nil` fits the data, widened to nice ticks. Data
        /// outside a fixed range is clipped.
        public var range: ClosedRange<Double>?
        /// Whether ticks fall on whole numbers only (token positions, counts), so a short axis
        /// is not ticked at 0.5.
        public var integerTicks: Bool

        public init(label: String, scale: Scale = .linear, range: ClosedRange<Double>? = nil, integerTicks: Bool = false) {
            self.label = label
            self.scale = scale
            self.range = range
            self.integerTicks = integerTicks
        }
    }

    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [ChartSeries]
    /// Dashed vertical lines with a label, at data x values (e.g. where an estimator switches).
    public var markers: [ChartMarker] = []
    /// Size of the SVG canvas in pixels.
    public var width: Double
    public var height: Double

    public init(title: String, xAxis: Axis, yAxis: Axis, series: [ChartSeries], width: Double = 640, height: Double = 360) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.width = width
        self.height = height
    }

    /// The rectangle the data are drawn in, in SVG pixels (y grows downwards): a data point at
    /// the lower end of both axes lands on (`minX`, `maxY`), one at the upper ends on (`maxX`,
    /// `minY`).
    public var plotArea: ChartRect { layout().plot }

    /// The x and y axes fitted to the series (intervals included).
    var fittedAxes: (x: AxisScale, y: AxisScale) {
        let points = series.flatMap(\.points)
        let yValues = points.flatMap { [$0.y, $0.lower, $0.upper].compactMap { $0 } }
        return (AxisScale.fitting(points.map(\.x), axis: xAxis), AxisScale.fitting(yValues, axis: yAxis))
    }
}

/// An axis-aligned rectangle in SVG pixels.
public struct ChartRect: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var width: Double
    public var height: Double

    public init(minX: Double, minY: Double, width: Double, height: Double) {
        self.minX = minX
        self.minY = minY
        self.width = width
        self.height = height
    }

    public var maxX: Double { minX + width }
    public var maxY: Double { minY + height }
}

/// A dashed vertical line across the plot at a data x value, labelled at its top.
public struct ChartMarker: Sendable, Equatable {
    public var x: Double
    public var label: String

    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}
