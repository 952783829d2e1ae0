import HorizonEntropy
import HorizonTraces

/// Percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13).
public enum Bootstrap {
    /// The percentile interval of a statistic over `resamples` bootstrap draws.
    ///
    /// `statistic` draws its own resample from the generator it is given, so one function
    /// serves plain and nested (problems, then samples) bootstraps alike.
    ///
    /// - Parameters:
    ///   - resamples: Number of draws (1000 by default in `analyze`).
    ///   - confidence: Two-sided level, e.g. 0.95 → the 2.5th and 97.5th percentiles.
    ///   - random: The seeded generator; the same seed gives the same interval.
    ///   - statistic: One bootstrap replicate; non-finite replicates are dropped.
    /// - Returns: `nil` when `resamples` is below 1 or no replicate was finite.
    /// - Complexity: O(resamples × cost of `statistic` + resamples log resamples).
    public static func percentileInterval<Random: RandomNumberGenerator>(
        resamples: Int,
        confidence: Double,
        using random: inout Random,
        statistic: (inout Random) -> Double
    ) -> ConfidenceInterval? {
        guard resamples > 0 else { return nil }
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let value = statistic(&random)
            if value.isFinite { replicates.append(value) }
        }
        guard !replicates.isEmpty else { return nil }
        replicates.sort()
        let tail = (1 - confidence) / 2
        guard let lower = Quantile.linear(sorted: replicates, probability: tail),
              let upper = Quantile.linear(sorted: replicates, probability: 1 - tail) else { return nil }
        return ConfidenceInterval(lower: lower, upper: upper)
    }

    /// The mean of `values` drawn with replacement; 0 for an empty array.
    public static func resampledMean<Random: RandomNumberGenerator>(_ values: [Double], using random: inout Random) -> Double {
        guard !values.isEmpty else { return 0 }
        var total = 0.0
        for _ in values.indices { total += values[Int.random(in: 0..<values.count, using: &random)] }
        return total / Double(values.count)
    }

    /// Interval of the mean of `values`, resampling them; `nil` for fewer than two values.
    public static func meanInterval<Random: RandomNumberGenerator>(
        _ values: [Double], resamples: Int, confidence: Double, using random: inout Random
    ) -> ConfidenceInterval? {
        guard values.count > 1 else { return nil }
        return percentileInterval(resamples: resamples, confidence: confidence, using: &random) {
            resampledMean(values, using: &$0)
        }
    }
}
