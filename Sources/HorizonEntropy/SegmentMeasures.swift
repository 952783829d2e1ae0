import Foundation

/// Summary measures of a run of tokens (a whole output, its thinking or its answer): what the
/// Branching Factor estimators need from one sample, plus how much of the distribution the
/// server left out.
///
/// An empty run has ``tokenCount`` 0 and `nil` means: its Branching Factor is unavailable, not 1.
///
/// ```swift
/// let answer = statistics.measures(in: answerTokens)
/// let answerBF = answer.branchingFactor(.entropy)   // nil when the answer has no tokens
/// ```
public struct SegmentMeasures: Sendable, Equatable, Codable {
    /// The number of tokens measured.
    public var tokenCount: Int
    /// Mean per-token entropy of the rebuilt distributions, in nats; `nil` when empty.
    public var meanEntropy: Double?
    /// Mean per-token negative log-likelihood of the sampled tokens, in nats; `nil` when empty.
    public var meanNegativeLogLikelihood: Double?
    /// Mean probability mass the server did not return; `nil` when empty.
    public var meanMissingMass: Double?
    /// Largest probability mass the server did not return at one token; `nil` when empty.
    public var maxMissingMass: Double?
    /// How many tokens are flagged ``TokenStatistics/isLowCoverage``.
    public var lowCoverageCount: Int

    public init(
        tokenCount: Int,
        meanEntropy: Double?,
        meanNegativeLogLikelihood: Double?,
        meanMissingMass: Double?,
        maxMissingMass: Double?,
        lowCoverageCount: Int
    ) {
        self.tokenCount = tokenCount
        self.meanEntropy = meanEntropy
        self.meanNegativeLogLikelihood = meanNegativeLogLikelihood
        self.meanMissingMass = meanMissingMass
        self.maxMissingMass = maxMissingMass
        self.lowCoverageCount = lowCoverageCount
    }

    /// The per-sample log Branching Factor (nats) under a single-sample estimator: the mean
    /// entropy for ``BranchingFactorEstimator/entropy``, the mean NLL for
    /// ``BranchingFactorEstimator/nll``. `nil` when empty, or for
    /// ``BranchingFactorEstimator/auto``, which decides per problem, not per sample.
    public func logBranchingFactor(_ estimator: BranchingFactorEstimator) -> Double? {
        switch estimator {
        case .entropy: meanEntropy
        case .nll: meanNegativeLogLikelihood
        case .auto: nil
        }
    }

    /// This run's own Branching Factor, `exp` of ``logBranchingFactor(_:)``; `nil` when that is.
    public func branchingFactor(_ estimator: BranchingFactorEstimator) -> Double? {
        logBranchingFactor(estimator).map { exp($0) }
    }
}

extension TokenStatistics {
    /// Measures the tokens in `range`.
    ///
    /// - Parameter range: Token positions, within `0..<count`; an empty range is allowed.
    /// - Returns: Counts and means over the range; means are `nil` for an empty range.
    /// - Complexity: O(`range.count`).
    public func measures(in range: Range<Int>) -> SegmentMeasures {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "token range \(range) outside 0..<\(count)")
        guard !range.isEmpty else {
            return SegmentMeasures(
                tokenCount: 0, meanEntropy: nil, meanNegativeLogLikelihood: nil,
                meanMissingMass: nil, maxMissingMass: nil, lowCoverageCount: 0
            )
        }
        var entropySum = 0.0
        var negativeLogLikelihoodSum = 0.0
        var missingMassSum = 0.0
        var maxMissingMass = 0.0
        var lowCoverageCount = 0
        for token in range {
            entropySum += entropies[token]
            negativeLogLikelihoodSum += negativeLogLikelihoods[token]
            missingMassSum += missingMasses[token]
            maxMissingMass = max(maxMissingMass, missingMasses[token])
            if isLowCoverage[token] { lowCoverageCount += 1 }
        }
        let tokenCount = Double(range.count)
        return SegmentMeasures(
            tokenCount: range.count,
            meanEntropy: entropySum / tokenCount,
            meanNegativeLogLikelihood: negativeLogLikelihoodSum / tokenCount,
            meanMissingMass: missingMassSum / tokenCount,
            maxMissingMass: maxMissingMass,
            lowCoverageCount: lowCoverageCount
        )
    }

    /// Measures every token of the output.
    public var measures: SegmentMeasures { measures(in: 0..<count) }
}
