import Foundation

/// Builds one problem's cumulative-prefix Branching Factor curve, a sample at a time.
///
/// For a sample, the prefix log-BF at position k (nats) is the mean over tokens 0...k of the
/// per-token quantity the ``estimator`` names: the entropy for
/// ``BranchingFactorEstimator/entropy``, the NLL for ``BranchingFactorEstimator/nll``; for
/// ``BranchingFactorEstimator/auto`` the entropy while k + 1 <= ``asymptoticLimit`` and the NLL
/// beyond it (the reference's estimator switch applied to the prefix length, see
/// ``nllFromPosition``). The curve's value at k is exp(mean of the prefix log-BF over the
/// samples that reach k), so at a length all samples share, it equals ``ProblemBranchingFactor``
/// of those prefixes. With `auto` this matches the reference's `compute_bf_curve_from_profile`
/// at every position all samples still reach.
///
/// The builder keeps two numbers per position, never the tokens, and builders of the same problem
/// merge, so a file can be streamed.
///
/// ```swift
/// var builder = CumulativeCurveBuilder(estimator: .entropy)
/// for statistics in samples { builder.add(statistics, tokens: thinkingTokens) }
/// let curve = builder.curve()
/// ```
public struct CumulativeCurveBuilder: Sendable, Equatable, Codable {
    /// Which per-token quantity the prefix means average.
    public let estimator: BranchingFactorEstimator
    /// The prefix length above which `auto` takes the NLL mean instead of the entropy mean; 50
    /// by default.
    public let asymptoticLimit: Int
    /// Σ over samples reaching position k of the prefix log-BF at k, exact so that the sample
    /// order does not change the curve.
    private var logSums: [ExactSum] = []
    /// How many samples reach position k.
    private var sampleCounts: [Int] = []

    public init(estimator: BranchingFactorEstimator = .auto, asymptoticLimit: Int = BranchingFactorEstimator.asymptoticLimit) {
        self.estimator = estimator
        self.asymptoticLimit = asymptoticLimit
    }

    /// The first position whose value is an NLL mean while the ones before it are entropy
    /// means: ``asymptoticLimit`` for `auto`, `nil` for the single estimators, which never switch.
    public var nllFromPosition: Int? { estimator == .auto ? asymptoticLimit : nil }

    /// Adds one sample's tokens.
    ///
    /// - Parameters:
    ///   - sample: The sample's per-token measures.
    ///   - tokens: The span to measure; the whole output by default. Positions count from its
    ///     start.
    /// - Complexity: O(span length).
    public mutating func add(_ sample: TokenStatistics, tokens: Range<Int>? = nil) {
        let span = tokens ?? 0..<sample.count
        precondition(span.lowerBound >= 0 && span.upperBound <= sample.count, "token range \(span) outside 0..<\(sample.count)")
        if logSums.count < span.count {
            logSums.append(contentsOf: repeatElement(ExactSum(), count: span.count - logSums.count))
            sampleCounts.append(contentsOf: repeatElement(0, count: span.count - sampleCounts.count))
        }
        let entropyUpTo = switch estimator {
        case .entropy: Int.max
        case .nll: 0
        case .auto: asymptoticLimit
        }
        var entropySum = 0.0
        var negativeLogLikelihoodSum = 0.0
        for (position, token) in span.enumerated() {
            entropySum += sample.entropies[token]
            negativeLogLikelihoodSum += sample.negativeLogLikelihoods[token]
            let prefixLength = position + 1
            let prefixSum = prefixLength <= entropyUpTo ? entropySum : negativeLogLikelihoodSum
            logSums[position].add(prefixSum / Double(prefixLength))
            sampleCounts[position] += 1
        }
    }

    /// Adds the samples another builder of the same problem has seen.
    ///
    /// - Precondition: Both builders use the same ``estimator`` and ``asymptoticLimit``.
    public mutating func merge(_ other: CumulativeCurveBuilder) {
        precondition(estimator == other.estimator, "merging curves of different estimators")
        precondition(asymptoticLimit == other.asymptoticLimit, "merging curves with different asymptotic limits")
        if logSums.count < other.logSums.count {
            logSums.append(contentsOf: repeatElement(ExactSum(), count: other.logSums.count - logSums.count))
            sampleCounts.append(contentsOf: repeatElement(0, count: other.sampleCounts.count - sampleCounts.count))
        }
        for position in other.logSums.indices {
            logSums[position].add(other.logSums[position])
            sampleCounts[position] += other.sampleCounts[position]
        }
    }

    /// The curve: one point per position, while at least `minimumSamples` samples reach it.
    ///
    /// - Parameter minimumSamples: The fewest samples a point may average.
    /// - Returns: Points at positions 0, 1, 2, ...; counts fall as samples end.
    public func curve(minimumSamples: Int = PositionCurve.defaultMinimumSamples) -> PositionCurve {
        // Counts never rise with position, so the first short position ends the curve.
        let required = max(1, minimumSamples)
        let points = 0..<(sampleCounts.firstIndex { $0 < required } ?? sampleCounts.count)
        return PositionCurve(
            positions: Array(points),
            values: points.map { exp(logSums[$0].value / Double(sampleCounts[$0])) },
            counts: points.map { sampleCounts[$0] }
        )
    }
}
