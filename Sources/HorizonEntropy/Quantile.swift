/// Sample quantiles of sorted data.
public enum Quantile {
    /// The `probability` quantile of ascending-sorted values by linear interpolation between
    /// order statistics: Hyndman & Fan (1996) type 7, the default of R's `quantile` and NumPy's
    /// `np.quantile` ("linear").
    ///
    /// With n values x_0 <= ... <= x_{n-1} and h = (n - 1) p, the quantile is
    /// x_⌊h⌋ + (h - ⌊h⌋)(x_⌊h⌋+1 - x_⌊h⌋).
    ///
    /// ```swift
    /// Quantile.linear(sorted: [1, 2, 3, 4], probability: 0.5)   // 2.5
    /// ```
    ///
    /// - Parameters:
    ///   - sorted: Values in ascending order (not checked).
    ///   - probability: In [0, 1]; values outside are clamped.
    /// - Returns: The quantile, or `nil` for no values. One value is its own every quantile.
    /// - Complexity: O(1).
    public static func linear<Values: RandomAccessCollection>(sorted: Values, probability: Double) -> Double?
    where Values.Element == Double, Values.Index == Int {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let position = Double(sorted.count - 1) * min(max(probability, 0), 1)
        let lowerOffset = Int(position.rounded(.down))
        let lower = sorted[sorted.startIndex + lowerOffset]
        guard lowerOffset + 1 < sorted.count else { return lower }
        let upper = sorted[sorted.startIndex + lowerOffset + 1]
        return lower + (position - Double(lowerOffset)) * (upper - lower)
    }
}
