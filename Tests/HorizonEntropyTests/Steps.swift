import Foundation
import HorizonEntropy
import HorizonTraces

/// One generation step written as probabilities, so expected values can be worked out by hand.
struct Step: Sendable {
    /// Candidate probabilities in server order; 0 becomes a `-inf` log-probability.
    var probabilities: [Double]
    /// Index of the sampled token among the candidates, or -1.
    var sampledRank: Int
    /// The sampled token's probability when `sampledRank` is -1.
    var unlistedSampledProbability: Double = 0

    /// k equally likely candidates, the first one sampled.
    static func uniform(_ k: Int) -> Step {
        Step(probabilities: Array(repeating: 1 / Double(k), count: k), sampledRank: 0)
    }

}

/// Builds a trace's log-probabilities from steps, through the public `append`.
func logProbs(_ steps: [Step]) -> TokenLogProbs {
    var trace = TokenLogProbs()
    for (index, step) in steps.enumerated() {
        let candidates = step.probabilities.map { log($0) }
        let sampled = step.sampledRank >= 0 ? candidates[step.sampledRank] : log(step.unlistedSampledProbability)
        trace.append(
            tokenBytes: Array("t\(index)".utf8), sampledLogProb: sampled,
            sampledRank: step.sampledRank, candidates: candidates
        )
    }
    return trace
}

/// Rebuilds steps under a truncation (every returned candidate kept by default).
func statistics(
    _ steps: [Step], _ truncation: DecodingTruncation = .topP(1),
    vocabularySize: Int = TokenStatistics.Options.defaultVocabularySize
) -> TokenStatistics {
    TokenStatistics(logProbs(steps), options: .init(truncation: truncation, vocabularySize: vocabularySize))
}

/// A sample whose step t is uniform over `ks[t]` candidates: H_t = NLL_t = ln ks[t].
func uniformSample(_ ks: [Int]) -> TokenStatistics {
    statistics(ks.map(Step.uniform))
}

/// Entropy in nats of a probability vector that sums to 1.
func entropy(_ probabilities: [Double]) -> Double {
    -probabilities.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
}

/// |a - b| within `tolerance`, relative to the larger magnitude when it exceeds 1.
func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
