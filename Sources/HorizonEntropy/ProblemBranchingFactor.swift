import Foundation

/// The Branching Factor of one problem (prompt), estimated from its samples.
///
/// B(x) = exp(mean over samples of the per-sample log-BF), where the per-sample log-BF is the
/// sample's mean entropy or mean NLL (nats), as chosen by the ``BranchingFactorEstimator``
/// (Yang & Holtzman 2025, eqs. for the entropy and AEP estimators).
///
/// ```swift
/// let samples = traces.map { TokenStatistics($0.logProbs!).measures }
/// if let bf = ProblemBranchingFactor(samples: samples) { print(bf.value, bf.estimator) }
/// ```
public struct ProblemBranchingFactor: Sendable, Equatable, Codable {
    /// The Branching Factor, exp(``logValue``).
    public var value: Double
    /// The mean per-sample log-BF, in nats.
    public var logValue: Double
    /// The estimator used: ``BranchingFactorEstimator/entropy`` or
    /// ``BranchingFactorEstimator/nll`` (``BranchingFactorEstimator/auto`` resolved).
    public var estimator: BranchingFactorEstimator
    /// The problem's ``CommonOutputLength`` (the ``CommonOutputLength/forEstimatorSwitch(_:)``
    /// variant), which ``BranchingFactorEstimator/auto`` compares with its limit.
    public var commonLength: Int
    /// Each measured sample's log-BF under ``estimator``, in nats, in input order; the raw
    /// material for bootstrap intervals.
    public var sampleLogValues: [Double]
    /// The "perplexity-style" value of the paper's figures, mean_i exp(mean_t H_t^(i)): at least
    /// the entropy estimator's value (Jensen), equal when every sample has the same mean entropy.
    public var perplexityStyle: Double

    public init(
        value: Double,
        logValue: Double,
        estimator: BranchingFactorEstimator,
        commonLength: Int,
        sampleLogValues: [Double],
        perplexityStyle: Double
    ) {
        self.value = value
        self.logValue = logValue
        self.estimator = estimator
        self.commonLength = commonLength
        self.sampleLogValues = sampleLogValues
        self.perplexityStyle = perplexityStyle
    }

    /// Estimates a problem's Branching Factor from its samples' measures.
    ///
    /// Samples with no tokens carry no estimate and are skipped (also when computing the common
    /// length).
    ///
    /// - Parameters:
    ///   - samples: One ``SegmentMeasures`` per sample (whole output or one segment).
    ///   - estimator: Which estimator; ``BranchingFactorEstimator/auto`` by default.
    ///   - asymptoticLimit: The common length above which ``BranchingFactorEstimator/auto`` picks
    ///     NLL; the reference's 50 by default.
    /// - Returns: `nil` when no sample has tokens.
    /// - Complexity: O(M log M) for M samples.
    public init?(
        samples: [SegmentMeasures],
        estimator: BranchingFactorEstimator = .auto,
        asymptoticLimit: Int = BranchingFactorEstimator.asymptoticLimit
    ) {
        let measured = samples.filter { $0.tokenCount > 0 }
        guard !measured.isEmpty else { return nil }
        let commonLength = CommonOutputLength.forEstimatorSwitch(measured.map(\.tokenCount))
        let resolved: BranchingFactorEstimator =
            switch estimator {
            case .auto: commonLength > asymptoticLimit ? .nll : .entropy
            case .entropy, .nll: estimator
            }
        let logValues = measured.compactMap { $0.logBranchingFactor(resolved) }
        let logValue = logValues.reduce(0, +) / Double(logValues.count)
        let perplexities = measured.compactMap { $0.meanEntropy.map { exp($0) } }
        self.init(
            value: exp(logValue),
            logValue: logValue,
            estimator: resolved,
            commonLength: commonLength,
            sampleLogValues: logValues,
            perplexityStyle: perplexities.reduce(0, +) / Double(perplexities.count)
        )
    }
}
