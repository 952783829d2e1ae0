/// One data point of a chart series, with an optional interval drawn as a band around the line.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// Lower end of the interval at `x`; the band is drawn only where both ends are present.
    public var lower: Double?
    public var upper: Double?

    public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil) {
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
    }
}

/// The stroke pattern of a series line, to tell series of the same colour apart (for example
/// agreement solid, accuracy dashed).
public enum LineDash: String, Sendable, Equatable, CaseIterable {
    case solid, dashed, dotted

    /// The SVG `stroke-dasharray` value, or `nil` for a solid line.
    var dashArray: String? {
        switch self {
        case .solid: return nil
        case .dashed: return "7 4"
        case .dotted: return "2 3"
        }
    }
}

/// A named line on a ``LineChart``.
///
/// Points are drawn in the order given (sort them by x). Points that cannot be placed on the axes
/// (NaN, infinity, or a value ≤ 0 on a logarithmic axis) are skipped and leave a gap: the line
/// is split there rather than drawn across missing data.
public struct ChartSeries: Sendable, Equatable {
    /// The legend text; a series with an empty name gets no legend entry.
    public var name: String
    public var points: [ChartPoint]
    /// Index into the chart's colour palette; series with the same index share a colour.
    public var colorIndex: Int
    public var dash: LineDash
    /// Whether to draw a dot at every point (useful for a few points; isolated points always get
    /// one so they stay visible).
    public var showsMarkers: Bool

    public init(name: String, points: [ChartPoint], colorIndex: Int, dash: LineDash = .solid, showsMarkers: Bool = false) {
        self.name = name
        self.points = points
        self.colorIndex = colorIndex
        self.dash = dash
        self.showsMarkers = showsMarkers
    }

    /// Whether any point carries an interval.
    var hasBand: Bool { points.contains { $0.lower != nil && $0.upper != nil } }
}
