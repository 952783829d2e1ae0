public struct Curves: Codable, Sendable, Equatable {
    /// Window width of ``windowed``, in tokens.
    public var window: Int = 5
    /// BF over non-overlapping windows of output position.
    public var windowed: SegmentCurves = SegmentCurves()
    /// BF of the prefix up to each position.
    public var cumulative: SegmentCurves = SegmentCurves()
    /// The first position of ``cumulative`` that is an NLL mean after entropy means before it
    /// (estimator `auto`: 50); `nil` when the curve never switches estimator.
    public var cumulativeNLLFrom: Int?

    enum CodingKeys: String, CodingKey {
        case window, windowed, cumulative, cumulativeNLLFrom = "cumulative_nll_from"
    }

    public init(
        window: Int = 5, windowed: SegmentCurves = SegmentCurves(), cumulative: SegmentCurves = SegmentCurves(),
        cumulativeNLLFrom: Int? = nil
    ) {
        self.window = window
        self.windowed = windowed
        self.cumulative = cumulative
        self.cumulativeNLLFrom = cumulativeNLLFrom
    }
}
