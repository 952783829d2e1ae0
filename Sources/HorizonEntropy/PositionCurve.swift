/// A Branching Factor curve over output position: one value per point, with the position it
/// starts at and how many samples (per-problem curves) or problems (set curves) it averages.
///
/// Built by ``WindowedCurveBuilder``, ``CumulativeCurveBuilder`` and ``SetCurveBuilder``.
public struct PositionCurve: Sendable, Equatable, Codable {
    /// The token position (0-based, relative to the measured span) of each point: a window's
    /// first token, or the last token of a prefix.
    public var positions: [Int]
    /// The Branching Factor at each point (exponentiated, not nats).
    public var values: [Double]
    /// How many samples or problems each point averages.
    public var counts: [Int]

    /// The fewest samples a per-problem point may average by default: 4, the reference's own
    /// per-position minimum (more than 3). The paper's figures used 25 and its demo 10; raise it
    /// for publication-grade curves, lower it for very small runs.
    public static let defaultMinimumSamples = CommonOutputLength.referenceMinimumSamples

    /// The EMA factor the reference's plots use: 0.1.
    public static let defaultSmoothingFactor = 0.1

    public init(positions: [Int] = [], values: [Double] = [], counts: [Int] = []) {
        precondition(positions.count == values.count && values.count == counts.count, "curve arrays differ in length")
        self.positions = positions
        self.values = values
        self.counts = counts
    }

    /// The number of points.
    public var count: Int { values.count }

    /// The curve smoothed by an exponential moving average, for plots:
    /// s_0 = v_0, s_i = α v_i + (1 - α) s_{i-1}. Positions and counts are unchanged.
    ///
    /// ```swift
    /// let plotted = try curve.smoothed()            // α = 0.1
    /// ```
    ///
    /// - Parameter alpha: The weight of the newest point, in (0, 1]; 1 returns the curve as is.
    /// - Returns: A curve of the same points.
    /// - Throws: ``EntropyError`` with ``EntropyError/Reason/smoothingFactorOutOfRange(_:)``.
    /// - Complexity: O(n).
    public func smoothed(alpha: Double = defaultSmoothingFactor) throws(EntropyError) -> PositionCurve {
        guard alpha > 0, alpha <= 1 else { throw EntropyError(.smoothingFactorOutOfRange(alpha)) }
        var smoothed = self
        for index in values.indices.dropFirst() {
            smoothed.values[index] = alpha * values[index] + (1 - alpha) * smoothed.values[index - 1]
        }
        return smoothed
    }
}
