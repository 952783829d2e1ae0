import Foundation
import HorizonEntropy

/// A bootstrap percentile interval with the point estimate it surrounds.
public struct BootstrapInterval: Sendable, Equatable, Codable {
    /// The statistic on the original sample.
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var confidence: Double
    /// Replicates that gave a finite value.
    public var resampleCount: Int

    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, resampleCount: Int) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.resampleCount = resampleCount
    }

    /// The interval alone, as analyses store it.
    public var interval: ConfidenceInterval { ConfidenceInterval(lower: lower, upper: upper) }
}

/// Percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13), deterministic given the
/// generator's seed.
///
/// Intervals use the type-7 quantiles (``Quantile/linear(sorted:probability:)``) of the
/// replicates at (1 − confidence)/2 and (1 + confidence)/2. Replicates that are not finite are
/// dropped.
public enum Bootstrap {
    public static let defaultResamples = 1000
    public static let defaultConfidence = 0.95

    /// The percentile interval of `statistic` over resamples of `sample` drawn with replacement.
    ///
    /// - Returns: `nil` for an empty sample or when the statistic is not finite on it.
    /// - Complexity: O(resamples × (n + cost of `statistic`)).
    public static func percentileInterval<Element>(
        of sample: [Element],
        confidence: Double = defaultConfidence,
        resamples: Int = defaultResamples,
        using generator: inout some RandomNumberGenerator,
        statistic: ([Element]) -> Double?
    ) -> BootstrapInterval? {
        checkSettings(confidence: confidence, resamples: resamples)
        guard !sample.isEmpty, let estimate = statistic(sample), estimate.isFinite else { return nil }
        var resample = sample
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for index in resample.indices {
                resample[index] = sample[Int.random(in: sample.indices, using: &generator)]
            }
            if let value = statistic(resample), value.isFinite { replicates.append(value) }
        }
        return interval(estimate: estimate, replicates: replicates, confidence: confidence)
    }

    /// The percentile interval of replicates that `replicate` draws itself from the generator,
    /// for resampling schemes that are not one flat array (problems, then samples within them).
    ///
    /// - Returns: `nil` when no replicate was finite.
    public static func replicateInterval<Random: RandomNumberGenerator>(
        resamples: Int = defaultResamples,
        confidence: Double = defaultConfidence,
        using generator: inout Random,
        replicate: (inout Random) -> Double
    ) -> ConfidenceInterval? {
        checkSettings(confidence: confidence, resamples: resamples)
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let value = replicate(&generator)
            if value.isFinite { replicates.append(value) }
        }
        return interval(estimate: .nan, replicates: replicates, confidence: confidence)?.interval
    }

    /// Interval of the mean of `values`, resampling them; `nil` for fewer than two values.
    public static func meanInterval<Random: RandomNumberGenerator>(
        _ values: [Double], resamples: Int = defaultResamples, confidence: Double = defaultConfidence,
        using generator: inout Random
    ) -> ConfidenceInterval? {
        guard values.count > 1 else { return nil }
        return replicateInterval(resamples: resamples, confidence: confidence, using: &generator) {
            resampledMean(values, using: &$0)
        }
    }

    /// Two-level interval of mean over groups of `perGroup(mean of the group's values)`:
    /// each replicate draws groups with replacement, then values within each drawn group.
    ///
    /// With `perGroup = exp` and groups of per-sample log-BFs, this is the set-level BF's interval
    /// over problems and samples; with the identity and 0/1 values, accuracy's.
    ///
    /// - Returns: `nil` with no groups, or one group of fewer than two values.
    public static func twoLevelInterval<Random: RandomNumberGenerator>(
        _ groups: [[Double]], resamples: Int = defaultResamples, confidence: Double = defaultConfidence,
        using generator: inout Random, perGroup: (Double) -> Double = { exp($0) }
    ) -> ConfidenceInterval? {
        let groups = groups.filter { !$0.isEmpty }
        guard groups.count > 1 || (groups.first?.count ?? 0) > 1 else { return nil }
        return replicateInterval(resamples: resamples, confidence: confidence, using: &generator) { generator in
            var total = 0.0
            for _ in groups.indices {
                let group = groups[Int.random(in: groups.indices, using: &generator)]
                total += perGroup(resampledMean(group, using: &generator))
            }
            return total / Double(groups.count)
        }
    }

    /// The mean of `values` drawn with replacement; 0 for an empty array.
    public static func resampledMean<Random: RandomNumberGenerator>(_ values: [Double], using generator: inout Random) -> Double {
        guard !values.isEmpty else { return 0 }
        var total = 0.0
        for _ in values.indices { total += values[Int.random(in: values.indices, using: &generator)] }
        return total / Double(values.count)
    }

    private static func checkSettings(confidence: Double, resamples: Int) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got \(confidence)")
        precondition(resamples >= 1, "at least one resample needed, got \(resamples)")
    }

    private static func interval(estimate: Double, replicates: [Double], confidence: Double) -> BootstrapInterval? {
        let sorted = replicates.sorted()
        let tail = (1 - confidence) / 2
        guard let lower = Quantile.linear(sorted: sorted, probability: tail),
              let upper = Quantile.linear(sorted: sorted, probability: 1 - tail)
        else { return nil }
        return BootstrapInterval(estimate: estimate, lower: lower, upper: upper, confidence: confidence, resampleCount: sorted.count)
    }
}
