import Foundation
import HorizonEntropy
import HorizonTraces

extension ForkingToken {
    /// The `count` highest-entropy tokens of one span of a trace, with their context and the
    /// probabilities returned at their step.
    ///
    /// - Parameters:
    ///   - range: The span's tokens.
    ///   - segment: The span's name, as written to the JSON.
    /// - Complexity: O(span length · count + count · context).
    static func highest(
        _ count: Int, in range: Range<Int>, segment: Segment, statistics: TokenStatistics, logProbs: TokenLogProbs,
        problemID: String, sample: Int
    ) -> [ForkingToken] {
        statistics.highestEntropyPositions(in: range, count: count).map { position in
            func text(_ tokens: Range<Int>) -> String {
                let bytes = tokens.isEmpty ? [] : Array(logProbs.tokenBytes[logProbs.tokenStart(tokens.lowerBound)..<Int(logProbs.tokenEnds[tokens.upperBound - 1])])
                return String(decoding: bytes, as: UTF8.self)
            }
            let before = max(0, position - contextTokens)..<position
            let after = (position + 1)..<min(logProbs.count, position + 1 + contextTokens)
            let alternatives = logProbs.candidates(at: position).map { exp($0) }.sorted(by: >).prefix(alternativeCount)
            return ForkingToken(
                problemID: problemID, sample: sample, segment: segment.rawValue, position: position,
                entropy: statistics.entropies[position], token: text(position..<(position + 1)), before: text(before),
                after: text(after), sampledProbability: exp(logProbs.sampledLogProbs[position]),
                alternatives: Array(alternatives))
        }
    }
}
