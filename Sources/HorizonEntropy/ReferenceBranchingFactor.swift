import Foundation

/// A problem's Branching Factor computed exactly as the reference implementation does
/// (`--reference-compat`; github.com/yangalan123/LLMBranchingFactor, `demo.py`
/// `step3_compute_bf_values` with `compute_bf_values`).
///
/// The reference first condenses the samples position by position: at each position
/// i < L (L = ``CommonOutputLength/of(_:minimumSamples:)``, the 95th-percentile length cut where 3
/// or fewer samples remain) it averages over the samples that reach position i. Then:
/// - L <= 50: log-BF = (1/L) Σ_{i<L} mean_{samples reaching i} H_i, the mean of the per-position
///   mean entropies;
/// - L > 50: log-BF = mean over samples with at least L tokens of (1/L) Σ_{i<L} NLL_i, the mean
///   NLL of every long-enough sample's first L tokens.
///
/// Unlike ``ProblemBranchingFactor`` it reads every sample only up to L, weighs positions rather
/// than samples, and has no value for a problem with fewer than 4 samples (the reference fails
/// there).
public struct ReferenceBranchingFactor: Sendable, Equatable, Codable {
    /// The Branching Factor, exp(``logValue``).
    public var value: Double
    /// The condensed log-BF, in nats.
    public var logValue: Double
    /// ``BranchingFactorEstimator/entropy`` when L <= the limit, else
    /// ``BranchingFactorEstimator/nll``.
    public var estimator: BranchingFactorEstimator
    /// L, the number of positions the condensation kept.
    public var condensedLength: Int

    public init(value: Double, logValue: Double, estimator: BranchingFactorEstimator, condensedLength: Int) {
        self.value = value
        self.logValue = logValue
        self.estimator = estimator
        self.condensedLength = condensedLength
    }

    /// Condenses a problem's samples the reference's way.
    ///
    /// - Parameters:
    ///   - samples: Each sample's per-token measures (a whole output, or one segment via
    ///     ``TokenStatistics/subscript(_:)``). Empty samples count toward the percentile, as in
    ///     the reference.
    ///   - asymptoticLimit: The reference's 50 by default.
    /// - Returns: `nil` when L is 0 (fewer than 4 samples, or too short).
    /// - Complexity: O(M · L) for M samples.
    public init?(samples: [TokenStatistics], asymptoticLimit: Int = BranchingFactorEstimator.asymptoticLimit) {
        let length = CommonOutputLength.of(samples.map(\.count))
        guard length > 0 else { return nil }
        let logValue: Double
        let estimator: BranchingFactorEstimator
        if length > asymptoticLimit {
            estimator = .nll
            let prefixMeans = samples.filter { $0.count >= length }.map {
                $0.negativeLogLikelihoods[0..<length].reduce(0, +) / Double(length)
            }
            logValue = prefixMeans.reduce(0, +) / Double(prefixMeans.count)
        } else {
            estimator = .entropy
            var positionSums = [Double](repeating: 0, count: length)
            var positionCounts = [Int](repeating: 0, count: length)
            for sample in samples {
                for position in 0..<min(length, sample.count) {
                    positionSums[position] += sample.entropies[position]
                    positionCounts[position] += 1
                }
            }
            let positionMeans = zip(positionSums, positionCounts).map { $0 / Double($1) }
            logValue = positionMeans.reduce(0, +) / Double(length)
        }
        self.init(value: exp(logValue), logValue: logValue, estimator: estimator, condensedLength: length)
    }
}
