import Foundation
import HorizonEntropy
import HorizonTraces
import Testing

@Suite("Per-token rebuild of the truncated distribution")
struct TokenStatisticsTests {
    @Test("uniform over k candidates: H = NLL = ln k, so BF is exactly k", arguments: [1, 2, 3, 5, 7, 10, 50, 100])
    func uniform(k: Int) {
        for rank in [0, k / 2, k - 1] {
            var step = Step.uniform(k)
            step.sampledRank = rank
            let tokens = statistics([step, step, step])
            let measures = tokens.measures
            #expect(isClose(measures.branchingFactor(.entropy), Double(k)))
            #expect(isClose(measures.branchingFactor(.nll), Double(k)))
            #expect(tokens.missingMasses.allSatisfy { $0 < 1e-12 })
            #expect(!tokens.isLowCoverage.contains(true))
        }
    }

    @Test("a one-hot step has entropy 0 and NLL 0: BF 1")
    func oneHot() {
        let tokens = statistics([Step(probabilities: [1, 0, 0], sampledRank: 0)], .topP(0.9))
        #expect(tokens.entropies == [0])
        #expect(tokens.negativeLogLikelihoods == [0])
        #expect(tokens.measures.branchingFactor(.entropy) == 1)
        #expect(tokens.missingMasses == [0])
    }

    @Test("reordering the candidates changes nothing", arguments: [
        [0.5, 0.3, 0.15, 0.05], [0.05, 0.15, 0.3, 0.5], [0.3, 0.05, 0.5, 0.15], [0.15, 0.5, 0.05, 0.3],
    ])
    func orderInvariance(order: [Double]) {
        // The sampled token is the 0.3 one wherever it sits; top-p 0.7 keeps {0.5, 0.3}.
        let rank = order.firstIndex(of: 0.3)!
        let tokens = statistics([Step(probabilities: order, sampledRank: rank)], .topP(0.7))
        #expect(isClose(tokens.entropies[0], entropy([0.625, 0.375])))
        #expect(isClose(tokens.negativeLogLikelihoods[0], -log(0.375)))
    }

    @Test("a mixture {1/2, 1/4, 1/4}: H = 1.5 ln 2, NLL of the 1/2 token = ln 2")
    func mixture() {
        let tokens = statistics([Step(probabilities: [0.5, 0.25, 0.25], sampledRank: 0)])
        #expect(isClose(tokens.entropies[0], 1.5 * log(2)))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(2)))
        #expect(isClose(tokens.measures.branchingFactor(.entropy), pow(2, 1.5)))
    }

    @Test("top-p cuts after the candidate that crosses it and renormalises")
    func topPCut() {
        // Sorted 0.5, 0.3, 0.15, 0.05; top-p 0.7: 0.5 < 0.7, 0.8 >= 0.7, so {0.5, 0.3} -> {5/8, 3/8}.
        let tokens = statistics([Step(probabilities: [0.5, 0.3, 0.15, 0.05], sampledRank: 1)], .topP(0.7))
        #expect(isClose(tokens.entropies[0], -(0.625 * log(0.625) + 0.375 * log(0.375))))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(8.0 / 3)))
        // A threshold met exactly by the first candidate keeps it alone.
        let single = statistics([Step(probabilities: [0.5, 0.3, 0.15, 0.05], sampledRank: 0)], .topP(0.5))
        #expect(single.entropies == [0])
    }

    @Test("a running sum short of top-p by 32-bit rounding still reaches it")
    func topPRounding() {
        // Servers send Float log-probabilities: 0.4 + 0.3 + 0.2 then sums to about 0.89999998.
        var trace = TokenLogProbs()
        let candidates = [0.4, 0.3, 0.2, 0.1].map { Double(Float(log($0))) }
        trace.append(tokenBytes: [65], sampledLogProb: candidates[2], sampledRank: 2, candidates: candidates)
        #expect(candidates.prefix(3).map { exp($0) }.reduce(0, +) < 0.9)
        let tokens = TokenStatistics(trace, options: .init(truncation: .topP(0.9)))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(4.5), tolerance: 1e-6))
    }

    @Test("a sampled token outside the nucleus is added back")
    func sampledOutsideNucleus() {
        // Kept {0.5, 0.3} plus the sampled 0.05: Z = 0.85.
        let tokens = statistics([Step(probabilities: [0.5, 0.3, 0.15, 0.05], sampledRank: 3)], .topP(0.7))
        #expect(isClose(tokens.entropies[0], entropy([0.5 / 0.85, 0.3 / 0.85, 0.05 / 0.85])))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(17)))
    }

    @Test("sampled rank -1: the token joins the truncation and its mass counts as returned")
    func unlistedSampledToken() {
        // Top-2 list {0.6, 0.3}, sampled token p = 0.05 not listed; top-p 0.85 keeps {0.6, 0.3}.
        let step = Step(probabilities: [0.6, 0.3], sampledRank: -1, unlistedSampledProbability: 0.05)
        let tokens = statistics([step], .topP(0.85))
        #expect(isClose(tokens.entropies[0], entropy([0.6 / 0.95, 0.3 / 0.95, 0.05 / 0.95])))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(19)))
        #expect(isClose(tokens.missingMasses[0], 0.05))
        #expect(tokens.isLowCoverage == [false])
        // With top-p 1 the unlisted token is reached by the running sum and kept the same way.
        #expect(isClose(statistics([step], .topP(1)).negativeLogLikelihoods[0], log(19)))
    }

    @Test("the sampled token listed in the top list is not counted twice")
    func sampledListedOnce() {
        let tokens = statistics([Step(probabilities: [0.5, 0.5], sampledRank: 1)], .topP(0.9))
        #expect(isClose(tokens.missingMasses[0], 0))
        #expect(isClose(tokens.entropies[0], log(2)))
    }

    @Test("-inf and NaN candidates are dropped without poisoning the sums")
    func negativeInfinityCandidates() {
        var trace = TokenLogProbs()
        let half = log(0.5)
        trace.append(tokenBytes: [65], sampledLogProb: half, sampledRank: 1,
                     candidates: [half, half, -Double.infinity, -Double.greatestFiniteMagnitude, .nan])
        let tokens = TokenStatistics(trace, options: .init(truncation: .topP(1)))
        #expect(isClose(tokens.entropies[0], log(2)))
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(2)))
        #expect(isClose(tokens.missingMasses[0], 0))
        #expect(tokens.untruncatedEntropyUpperBounds[0].isFinite)
    }

    @Test("a sampled token of probability 0 is floored at 1e-12: NLL = ln((1 + 1e-12) / 1e-12)")
    func zeroProbabilitySampledToken() {
        let step = Step(probabilities: [0.5, 0.5], sampledRank: -1, unlistedSampledProbability: 0)
        let tokens = statistics([step])
        #expect(isClose(tokens.negativeLogLikelihoods[0], log(1 + 1e-12) - log(1e-12)))
        #expect(tokens.entropies[0].isFinite)
    }

    @Test("no candidates: the sampled token alone, H = NLL = 0; missing mass 1 - p")
    func emptyCandidates() {
        let tokens = statistics([Step(probabilities: [], sampledRank: -1, unlistedSampledProbability: 0.4)], .topP(0.9))
        #expect(tokens.entropies == [0])
        #expect(tokens.negativeLogLikelihoods == [0])
        #expect(isClose(tokens.missingMasses[0], 0.6))
        #expect(tokens.isLowCoverage == [true])
    }

    @Test("an empty trace gives empty arrays")
    func emptyTrace() {
        let tokens = TokenStatistics(TokenLogProbs())
        #expect(tokens.count == 0)
        #expect(tokens.measures.meanEntropy == nil)
    }

    @Test("missing mass, low coverage against top-p, and the untruncated upper bound")
    func missingMassAndCoverage() {
        // Top-2 of some distribution: 0.4 and 0.3 returned, 0.3 missing.
        let step = Step(probabilities: [0.4, 0.3], sampledRank: 0)
        let tokens = statistics([step], .topP(0.9), vocabularySize: 1000)
        #expect(isClose(tokens.missingMasses[0], 0.3))
        #expect(tokens.isLowCoverage == [true])
        let bound = -(0.4 * log(0.4) + 0.3 * log(0.3)) + 0.3 * log(1000 / 0.3)
        #expect(isClose(tokens.untruncatedEntropyUpperBounds[0], bound))
        // Top-p 0.5 is reached inside what was returned: the truncation set is known.
        #expect(statistics([step], .topP(0.5)).isLowCoverage == [false])
    }

    @Test("the upper bound holds for the full distribution behind a top-k list, and is tight when nothing is missing")
    func upperBoundHolds() {
        let full = [0.35, 0.25, 0.15, 0.1, 0.08, 0.07]
        for k in 1...full.count {
            let tokens = statistics([Step(probabilities: Array(full.prefix(k)), sampledRank: 0)], vocabularySize: full.count)
            #expect(tokens.untruncatedEntropyUpperBounds[0] >= entropy(full) - 1e-12)
        }
        let complete = statistics([Step(probabilities: full, sampledRank: 0)], vocabularySize: full.count)
        #expect(isClose(complete.untruncatedEntropyUpperBounds[0], entropy(full)))
    }

    @Test("min-p is absolute: keep p >= min-p, plus the sampled token")
    func minP() {
        let probabilities = [0.5, 0.3, 0.15, 0.05]
        // 0.1 keeps {0.5, 0.3, 0.15}.
        let kept = statistics([Step(probabilities: probabilities, sampledRank: 0)], .minP(0.1))
        #expect(isClose(kept.entropies[0], entropy([0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95])))
        #expect(isClose(kept.negativeLogLikelihoods[0], log(0.95 / 0.5)))
        // 0.2 keeps {0.5, 0.3}: a relative rule (0.2 x 0.5 = 0.1) would also keep 0.15.
        let absolute = statistics([Step(probabilities: probabilities, sampledRank: 0)], .minP(0.2))
        #expect(isClose(absolute.entropies[0], entropy([0.625, 0.375])))
        // The sampled 0.05 is added back.
        let added = statistics([Step(probabilities: probabilities, sampledRank: 3)], .minP(0.2))
        #expect(isClose(added.negativeLogLikelihoods[0], log(0.85 / 0.05)))
    }

    @Test("min-p coverage: flagged when an unreturned token could still reach min-p")
    func minPCoverage() {
        // 0.3 missing and the smallest listed is 0.3: an unlisted token can have up to 0.3.
        let step = Step(probabilities: [0.4, 0.3], sampledRank: 0)
        #expect(statistics([step], .minP(0.2)).isLowCoverage == [true])
        #expect(statistics([step], .minP(0.35)).isLowCoverage == [false])
        // A listed 0.1 bounds every unlisted token at 0.1 < 0.2.
        #expect(statistics([Step(probabilities: [0.4, 0.3, 0.1], sampledRank: 0)], .minP(0.2)).isLowCoverage == [false])
        // Min-p 0 keeps every token above the floor: unknowable unless the list ran below it.
        #expect(statistics([step], .minP(0)).isLowCoverage == [true])
        #expect(statistics([Step(probabilities: [0.4, 0.3, 0], sampledRank: 0)], .minP(0)).isLowCoverage == [false])
    }

    @Test("more than 64 unsorted candidates take the general sort and agree with sorted input")
    func wideUnsortedStep() {
        let weights = (1...100).map { Double($0) }
        let total = weights.reduce(0, +)
        let sorted = weights.reversed().map { $0 / total }
        // 37 is coprime with 100, so i -> 37 i mod 100 is a fixed, thoroughly mixed permutation.
        let shuffled = (0..<100).map { sorted[($0 * 37) % 100] }
        let sampled = sorted[40]
        let reference = statistics([Step(probabilities: sorted, sampledRank: 40)], .topP(0.6))
        let permuted = statistics([Step(probabilities: shuffled, sampledRank: shuffled.firstIndex(of: sampled)!)], .topP(0.6))
        #expect(isClose(permuted.entropies[0], reference.entropies[0]))
        #expect(isClose(permuted.negativeLogLikelihoods[0], reference.negativeLogLikelihoods[0]))
        // By hand: 100 + 99 + ... + 64 = 3034 is the first running sum >= 0.6 x 5050 = 3030, so the
        // 37 largest are kept and the sampled token (weight 60) is added back.
        let kept = (64...100).map { Double($0) / total } + [sampled]
        let z = kept.reduce(0, +)
        #expect(isClose(reference.entropies[0], entropy(kept.map { $0 / z }), tolerance: 1e-10))
    }

    @Test("option validation names the bad setting")
    func validation() throws {
        #expect(throws: EntropyError(.topPOutOfRange(0))) { try DecodingTruncation.topP(0).validate() }
        #expect(throws: EntropyError(.topPOutOfRange(1.5))) { try DecodingTruncation.topP(1.5).validate() }
        #expect(throws: EntropyError(.minPOutOfRange(-0.1))) { try DecodingTruncation.minP(-0.1).validate() }
        #expect(throws: EntropyError(.vocabularySizeTooSmall(0))) {
            try TokenStatistics.Options(vocabularySize: 0).validate()
        }
        #expect(throws: EntropyError.self) { try DecodingTruncation.topP(.nan).validate() }
        try DecodingTruncation.default.validate()
        try DecodingTruncation.minP(0).validate()
        #expect(EntropyError(.topPOutOfRange(1.5)).description == "top-p must be in (0, 1], got 1.5")
    }

    @Test("a slice restarts positions at 0 and keeps the values")
    func slicing() {
        let tokens = uniformSample([1, 2, 4, 8])
        let slice = tokens[1..<3]
        #expect(slice.count == 2)
        #expect(isClose(slice.entropies[0], log(2)))
        #expect(isClose(slice.entropies[1], log(4)))
        #expect(slice.options == tokens.options)
    }
}
