import Foundation
import HorizonEntropy

/// A two-sided confidence interval around a point estimate.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// The statistic on the original data.
    public var estimate: Double
    /// The lower end.
    public var lower: Double
    /// The upper end.
    public var upper: Double
    /// The nominal coverage, e.g. 0.95.
    public var confidence: Double
    /// How many resamples had a defined statistic and went into the ends.
    public var resampleCount: Int

    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, resampleCount: Int) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.resampleCount = resampleCount
    }
}

/// Bootstrap intervals for a set's Branching Factor and for each of its problems.
public struct BranchingFactorIntervals: Sendable, Equatable, Codable {
    /// The set-level BF (mean over problems of each problem's BF) with its two-level interval.
    public var set: ConfidenceInterval
    /// Each problem's BF with its interval over resampled samples, in input order.
    public var problems: [ConfidenceInterval]

    public init(set: ConfidenceInterval, problems: [ConfidenceInterval]) {
        self.set = set
        self.problems = problems
    }
}

/// Percentile bootstrap intervals (Efron & Tibshirani 1993, "An Introduction to the Bootstrap",
/// ch. 13): resample the data with replacement, recompute the statistic, and read the interval off
/// the (1 - c)/2 and (1 + c)/2 quantiles of the replicates (type-7 quantiles).
///
/// Randomness comes in as `inout some RandomNumberGenerator`; with a seeded ``SplitMix64`` the
/// same inputs and seed give the same interval, and draws are consumed in a documented order.
public enum Bootstrap {
    /// 1000 resamples: percentile intervals read 2.5% tails, which need about a thousand replicates
    /// to settle (Efron & Tibshirani suggest at least 1000 for them, against ~200 for a standard
    /// error).
    public static let defaultResamples = 1000
    /// 95% intervals.
    public static let defaultConfidence = 0.95

    /// A percentile interval of `statistic` over resamples of `sample`.
    ///
    /// ```swift
    /// var generator = SplitMix64(seed: 7)
    /// let interval = Bootstrap.percentileInterval(of: scores, using: &generator) { Statistics.mean($0) }
    /// ```
    ///
    /// - Parameters:
    ///   - sample: The observations; each resample has the same count, drawn with replacement.
    ///   - confidence: Nominal coverage, in (0, 1).
    ///   - resamples: How many resamples, at least 1.
    ///   - generator: Draws `resamples × sample.count` indices, resample by resample.
    ///   - statistic: The statistic; a `nil` or non-finite result leaves that resample out.
    /// - Returns: `nil` when the sample is empty, the statistic is undefined on it, or no resample
    ///   has a defined statistic. One observation gives the degenerate interval [s, s].
    /// - Precondition: `0 < confidence < 1` and `resamples >= 1`.
    /// - Complexity: O(resamples · (n + cost of statistic)).
    public static func percentileInterval<Element>(
        of sample: [Element],
        confidence: Double = defaultConfidence,
        resamples: Int = defaultResamples,
        using generator: inout some RandomNumberGenerator,
        statistic: ([Element]) -> Double?
    ) -> ConfidenceInterval? {
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

    /// Intervals for a set's Branching Factor and for every problem's, from the per-sample
    /// log-BFs the estimators kept (``ProblemBranchingFactor/sampleLogValues``, nats).
    ///
    /// - Problem j: a ``percentileInterval(of:confidence:resamples:using:statistic:)`` of
    ///   exp(mean log-BF) over resamples of its samples.
    /// - Set: a two-level bootstrap. Each replicate draws as many problems as there are, with
    ///   replacement, and for each drawn problem a fresh resample of its samples; the replicate is
    ///   the mean over drawn problems of exp(mean resampled log-BF). It covers both the choice of
    ///   problems and the sampling noise within each. Resampling both levels counts the
    ///   within-problem noise about twice (Davison & Hinkley 1997, §3.8), so the set interval errs
    ///   on the wide side.
    ///
    /// Draw order, for reproducibility: problem intervals in input order, then the set's replicates
    /// (per replicate: a problem index, then its sample indices, problem by problem).
    ///
    /// - Parameters:
    ///   - problems: One estimate per problem, each with at least one sample value.
    ///   - confidence: Nominal coverage, in (0, 1).
    ///   - resamples: Resamples per interval, at least 1.
    ///   - generator: The source of randomness.
    /// - Returns: `nil` for no problems. Estimates equal ``SetBranchingFactor/value`` and each
    ///   ``ProblemBranchingFactor/value``.
    /// - Precondition: `0 < confidence < 1`, `resamples >= 1`, and every problem has sample values,
    ///   all finite and below 709 nats (log-BFs are at most ln 1e12 ≈ 27.6 nats in practice).
    /// - Complexity: O(resamples · total samples).
    public static func branchingFactorIntervals(
        problems: [ProblemBranchingFactor],
        confidence: Double = defaultConfidence,
        resamples: Int = defaultResamples,
        using generator: inout some RandomNumberGenerator
    ) -> BranchingFactorIntervals? {
        checkSettings(confidence: confidence, resamples: resamples)
        let logValues = problems.map(\.sampleLogValues)
        precondition(logValues.allSatisfy { !$0.isEmpty }, "a problem estimate without sample values")
        guard !logValues.isEmpty else { return nil }
        let branchingFactor = { (values: [Double]) in exp(values.reduce(0, +) / Double(values.count)) }
        let problemIntervals = logValues.map { values in
            guard let interval = percentileInterval(
                of: values, confidence: confidence, resamples: resamples, using: &generator, statistic: branchingFactor
            ) else { preconditionFailure("sample log-BFs must be finite and below 709 nats, where exp overflows") }
            return interval
        }
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var total = 0.0
            for _ in logValues.indices {
                let values = logValues[Int.random(in: logValues.indices, using: &generator)]
                var sum = 0.0
                for _ in values.indices { sum += values[Int.random(in: values.indices, using: &generator)] }
                total += exp(sum / Double(values.count))
            }
            replicates.append(total / Double(logValues.count))
        }
        let estimate = logValues.reduce(0) { $0 + branchingFactor($1) } / Double(logValues.count)
        guard let setInterval = interval(estimate: estimate, replicates: replicates, confidence: confidence) else { return nil }
        return BranchingFactorIntervals(set: setInterval, problems: problemIntervals)
    }

    private static func checkSettings(confidence: Double, resamples: Int) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1), got \(confidence)")
        precondition(resamples >= 1, "at least one resample needed, got \(resamples)")
    }

    /// The percentile interval read off the replicates; `nil` when there are none.
    private static func interval(estimate: Double, replicates: [Double], confidence: Double) -> ConfidenceInterval? {
        let sorted = replicates.sorted()
        let tail = (1 - confidence) / 2
        guard let lower = Quantile.linear(sorted: sorted, probability: tail),
            let upper = Quantile.linear(sorted: sorted, probability: 1 - tail)
        else { return nil }
        return ConfidenceInterval(
            estimate: estimate, lower: lower, upper: upper, confidence: confidence, resampleCount: sorted.count
        )
    }
}
