import Foundation

/// The per-token rebuild of the distribution decoding sampled from: the hot loop behind
/// ``TokenStatistics``.
///
/// Works in a caller-provided scratch buffer so that measuring a token allocates nothing. All
/// logarithms are natural (nats).
struct TruncatedDistribution {
    /// A candidate kept for the truncation step: its probability, log-probability, and whether
    /// it is the sampled token.
    struct Candidate {
        var probability: Double
        var logProbability: Double
        var isSampled: Bool
    }

    /// What ``measure(candidates:sampledLogProb:sampledRank:scratch:)`` finds for one token.
    struct Measure {
        var entropy: Double
        var negativeLogLikelihood: Double
        var missingMass: Double
        var isLowCoverage: Bool
        var untruncatedEntropyUpperBound: Double
    }

    /// Probability sums within this of a threshold count as reaching it: servers send 32-bit
    /// log-probabilities, so candidates worth exactly 0.9 can add up to 0.8999999. Used for the
    /// top-p cut and for the coverage flags.
    static let roundingTolerance = 1e-6

    /// Above this many candidates an unsorted step is sorted with the standard library's sort
    /// instead of insertion sort (which is linear on the sorted lists servers send).
    static let insertionSortLimit = 64

    let truncation: DecodingTruncation
    let logFloor = log(DecodingTruncation.probabilityFloor)
    let logVocabularySize: Double

    init(options: TokenStatistics.Options) {
        truncation = options.truncation
        logVocabularySize = log(Double(max(1, options.vocabularySize)))
    }

    /// Rebuilds one token's truncated distribution and measures it.
    ///
    /// - Parameters:
    ///   - candidates: The step's returned log-probabilities, in server order.
    ///   - sampledLogProb: The sampled token's log-probability; used when `sampledRank` is -1
    ///     (or outside the candidates), else the candidate at `sampledRank` is the sampled token.
    ///   - sampledRank: The sampled token's index in `candidates`, or -1.
    ///   - scratch: At least `candidates.count + 1` slots; its contents are overwritten.
    /// - Returns: Entropy and NLL of the rebuilt distribution, missing mass, the low-coverage
    ///   flag and the untruncated entropy upper bound (nats).
    /// - Complexity: O(n) for n candidates in descending order or n <= 64; O(n log n) otherwise.
    @inline(__always)
    func measure(
        candidates: UnsafeBufferPointer<Double>,
        sampledLogProb: Double,
        sampledRank: Int,
        scratch: UnsafeMutableBufferPointer<Candidate>
    ) -> Measure {
        let rank = candidates.indices.contains(sampledRank) ? sampledRank : -1
        var returnedMass = 0.0
        var returnedEntropy = 0.0  // -sum p ln p over what the server returned
        var smallestListed = Double.infinity
        var kept = 0
        for index in candidates.indices {
            let logProbability = candidates[index]
            // Below the floor (also -inf and NaN): no measurable mass or entropy, and no exp to pay.
            guard logProbability >= logFloor else {
                smallestListed = 0
                continue
            }
            let probability = FastExponential.exp(logProbability)
            returnedMass += probability
            returnedEntropy -= probability * logProbability
            if probability < smallestListed { smallestListed = probability }
            scratch[kept] = Candidate(probability: probability, logProbability: logProbability, isSampled: index == rank)
            kept += 1
        }
        let sampledLogProbability = rank >= 0 ? candidates[rank] : sampledLogProb
        if rank < 0, sampledLogProbability >= logFloor {
            // A sampled token outside the list is a known token: it adds to the returned mass
            // and competes in the truncation like any candidate (vLLM puts it in its dict).
            let probability = FastExponential.exp(sampledLogProbability)
            returnedMass += probability
            returnedEntropy -= probability * sampledLogProbability
            scratch[kept] = Candidate(probability: probability, logProbability: sampledLogProbability, isSampled: true)
            kept += 1
        }

        let isLowCoverage: Bool
        let missingMass = max(0, 1 - returnedMass)
        switch truncation {
        case .topP(let topP):
            kept = Self.keepNucleus(scratch, count: kept, topP: topP)
            isLowCoverage = returnedMass < min(topP, 1) - Self.roundingTolerance
        case .minP(let minP):
            kept = Self.keepAtLeast(scratch, count: kept, minP: minP)
            // An unreturned token has at most the missing mass and, the list being a top-K, at
            // most the smallest listed probability; below the floor it would not be kept anyway.
            let unlistedCeiling = min(missingMass, smallestListed)
            isLowCoverage = missingMass > Self.roundingTolerance
                && unlistedCeiling >= max(minP, DecodingTruncation.probabilityFloor)
        }

        // Renormalise: with Z = sum of kept p, H = ln Z - (sum p ln p) / Z and NLL = ln Z - ln p_s.
        var normaliser = 0.0
        var weightedLogSum = 0.0
        var sampledIsKept = false
        for index in 0..<kept {
            let candidate = scratch[index]
            normaliser += candidate.probability
            weightedLogSum += candidate.probability * candidate.logProbability
            sampledIsKept = sampledIsKept || candidate.isSampled
        }
        // A sampled token below the floor enters at the floor; NaN fails the comparison too.
        let sampledKeptLogProbability = sampledLogProbability >= logFloor ? sampledLogProbability : logFloor
        if !sampledIsKept {
            let probability = FastExponential.exp(sampledKeptLogProbability)
            normaliser += probability
            weightedLogSum += probability * sampledKeptLogProbability
        }
        let logNormaliser = log(normaliser)
        let unlistedEntropy = missingMass > 0 ? missingMass * (logVocabularySize - log(missingMass)) : 0
        return Measure(
            // Rounding can leave -1e-16 for a one-point distribution; entropy is never negative.
            entropy: max(0, logNormaliser - weightedLogSum / normaliser),
            negativeLogLikelihood: max(0, logNormaliser - sampledKeptLogProbability),
            missingMass: missingMass,
            isLowCoverage: isLowCoverage,
            untruncatedEntropyUpperBound: returnedEntropy + unlistedEntropy
        )
    }

    /// Sorts the first `count` candidates by descending probability and keeps them until their
    /// running sum reaches `topP` (within ``roundingTolerance``), the crossing one included.
    /// A `topP` of 1 or more keeps every candidate: the tolerance is for sums short of a p < 1,
    /// and would otherwise drop the tail of a list whose mass rounds to 1.
    ///
    /// - Returns: How many leading candidates are kept (at least 1 when `count > 0`).
    @inline(__always)
    static func keepNucleus(_ scratch: UnsafeMutableBufferPointer<Candidate>, count: Int, topP: Double) -> Int {
        sortDescending(scratch, count: count)
        if topP >= 1 { return count }
        var cumulative = 0.0
        var kept = 0
        while kept < count {
            cumulative += scratch[kept].probability
            kept += 1
            if cumulative >= topP - roundingTolerance { break }
        }
        return kept
    }

    /// Moves the candidates with probability >= `minP` to the front.
    ///
    /// - Returns: How many leading candidates are kept.
    @inline(__always)
    static func keepAtLeast(_ scratch: UnsafeMutableBufferPointer<Candidate>, count: Int, minP: Double) -> Int {
        var kept = 0
        for index in 0..<count where scratch[index].probability >= minP {
            scratch.swapAt(kept, index)
            kept += 1
        }
        return kept
    }

    /// Stable sort by descending probability of the first `count` candidates.
    @inline(__always)
    static func sortDescending(_ scratch: UnsafeMutableBufferPointer<Candidate>, count: Int) {
        if count > insertionSortLimit, !isSortedDescending(scratch, count: count) {
            var prefix = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
            prefix.sort { $0.probability > $1.probability }
            return
        }
        var index = 1
        while index < count {
            let candidate = scratch[index]
            var slot = index
            while slot > 0, scratch[slot - 1].probability < candidate.probability {
                scratch[slot] = scratch[slot - 1]
                slot -= 1
            }
            scratch[slot] = candidate
            index += 1
        }
    }

    static func isSortedDescending(_ scratch: UnsafeMutableBufferPointer<Candidate>, count: Int) -> Bool {
        var index = 1
        while index < count {
            if scratch[index - 1].probability < scratch[index].probability { return false }
            index += 1
        }
        return true
    }
}
