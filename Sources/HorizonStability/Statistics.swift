import HorizonEntropy

/// Descriptive statistics and rank correlation over plain arrays of doubles.
///
/// Inputs must not contain NaN (sorting and ranking are unspecified for it); empty or too-short
/// inputs return `nil` instead of NaN, so a caller has to decide what "unavailable" looks like.
public enum Statistics {
    /// The arithmetic mean.
    ///
    /// - Returns: `nil` for no values.
    /// - Complexity: O(n).
    public static func mean(_ values: some Collection<Double>) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The sample variance, Σ (x - mean)² / (n - 1), computed in two passes for accuracy.
    ///
    /// - Returns: `nil` for fewer than 2 values.
    /// - Complexity: O(n).
    public static func variance(_ values: some Collection<Double>) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        let squaredDeviations = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return squaredDeviations / Double(values.count - 1)
    }

    /// The sample standard deviation, the square root of ``variance(_:)``.
    ///
    /// - Returns: `nil` for fewer than 2 values.
    public static func standardDeviation(_ values: some Collection<Double>) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// The `probability` quantile by linear interpolation between order statistics (Hyndman &
    /// Fan type 7, the default of R and NumPy); see `Quantile.linear(sorted:probability:)`.
    ///
    /// ```swift
    /// Statistics.quantile([4, 1, 3, 2], probability: 0.5)   // 2.5
    /// ```
    ///
    /// - Parameters:
    ///   - values: In any order.
    ///   - probability: In [0, 1]; clamped.
    /// - Returns: `nil` for no values.
    /// - Complexity: O(n log n).
    public static func quantile(_ values: [Double], probability: Double) -> Double? {
        Quantile.linear(sorted: values.sorted(), probability: probability)
    }

    /// Ranks 1...n, tied values sharing the mean of the ranks they span ("fractional" ranking).
    ///
    /// ```swift
    /// Statistics.ranks([10, 30, 20, 30])   // [1, 3.5, 2, 3.5]
    /// ```
    ///
    /// - Returns: One rank per value, in input order.
    /// - Complexity: O(n log n).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var groupStart = 0
        while groupStart < order.count {
            var groupEnd = groupStart + 1
            while groupEnd < order.count, values[order[groupEnd]] == values[order[groupStart]] { groupEnd += 1 }
            // Positions groupStart..<groupEnd hold ranks groupStart + 1 ... groupEnd.
            let sharedRank = Double(groupStart + 1 + groupEnd) / 2
            for position in groupStart..<groupEnd { ranks[order[position]] = sharedRank }
            groupStart = groupEnd
        }
        return ranks
    }

    /// Spearman's rank correlation ρ: the Pearson correlation of the fractional ranks, which is
    /// exact with ties (the shortcut 1 - 6 Σd² / (n(n² - 1)) is not).
    ///
    /// - Parameters:
    ///   - x: First variable.
    ///   - y: Second variable, paired with `x` by index.
    /// - Returns: ρ in [-1, 1], or `nil` for fewer than 2 pairs or when either variable is
    ///   constant (ρ undefined).
    /// - Precondition: `x.count == y.count`.
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "Spearman needs pairs: \(x.count) x values, \(y.count) y values")
        guard x.count >= 2 else { return nil }
        return pearson(ranks(x), ranks(y))
    }

    /// A bootstrap percentile interval for Spearman's ρ, resampling pairs.
    ///
    /// Resamples whose values are constant on either side have no ρ and are left out (see
    /// ``Bootstrap/percentileInterval(of:confidence:resamples:using:statistic:)``).
    ///
    /// - Parameters:
    ///   - x: First variable.
    ///   - y: Second variable, paired with `x` by index.
    ///   - confidence: The interval's coverage, in (0, 1); 0.95 by default.
    ///   - resamples: How many resamples; ``Bootstrap/defaultResamples`` by default.
    ///   - generator: The source of randomness; seed it for reproducible intervals.
    /// - Returns: The interval around ``spearman(_:_:)`` of the data, or `nil` when that is `nil`.
    /// - Precondition: `x.count == y.count`.
    /// - Complexity: O(resamples · n log n).
    public static func spearmanInterval(
        _ x: [Double],
        _ y: [Double],
        confidence: Double = Bootstrap.defaultConfidence,
        resamples: Int = Bootstrap.defaultResamples,
        using generator: inout some RandomNumberGenerator
    ) -> BootstrapInterval? {
        precondition(x.count == y.count, "Spearman needs pairs: \(x.count) x values, \(y.count) y values")
        let pairs = Array(zip(x, y))
        return Bootstrap.percentileInterval(of: pairs, confidence: confidence, resamples: resamples, using: &generator) {
            spearman($0.map(\.0), $0.map(\.1))
        }
    }

    /// Pearson's correlation; `nil` when either side has zero variance.
    private static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard let meanX = mean(x), let meanY = mean(y) else { return nil }
        var covariance = 0.0
        var sumSquaresX = 0.0
        var sumSquaresY = 0.0
        for (valueX, valueY) in zip(x, y) {
            covariance += (valueX - meanX) * (valueY - meanY)
            sumSquaresX += (valueX - meanX) * (valueX - meanX)
            sumSquaresY += (valueY - meanY) * (valueY - meanY)
        }
        guard sumSquaresX > 0, sumSquaresY > 0 else { return nil }
        // Rounding can push |ρ| a hair past 1 for perfectly monotone data.
        return min(1, max(-1, covariance / (sumSquaresX * sumSquaresY).squareRoot()))
    }
}
