import Foundation
import HorizonEntropy
import HorizonTraces

extension ForkingToken {
    /// The `count` highest-entropy tokens of one span of a trace, with their context and the
    /// candidates returned at their step.
    ///
    /// - Parameters:
    ///   - range: The span's tokens.
    ///   - segment: The span's name, as written to the JSON.
    ///   - candidateTexts: The trace's candidate texts, when the reader kept them; only the
    ///     kept tokens' top lists are read from it.
    /// - Complexity: O(span length · count + count · (context + top-list bytes)).
    static func highest(
        _ count: Int, in range: Range<Int>, segment: Segment, statistics: TokenStatistics, logProbs: TokenLogProbs,
        candidateTexts: CandidateTexts? = nil, problemID: String, sample: Int
    ) -> [ForkingToken] {
        statistics.highestEntropyPositions(in: range, count: count).map { position in
            func text(_ tokens: Range<Int>) -> String {
                let bytes = tokens.isEmpty ? [] : Array(logProbs.tokenBytes[logProbs.tokenStart(tokens.lowerBound)..<Int(logProbs.tokenEnds[tokens.upperBound - 1])])
                return String(decoding: bytes, as: UTF8.self)
            }
            let before = max(0, position - contextTokens)..<position
            let after = (position + 1)..<min(logProbs.count, position + 1 + contextTokens)
            let logProbsAtStep = Array(logProbs.candidates(at: position))
            // Largest first; equal probabilities keep the server's order, so texts and
            // probabilities pair up the same way on every run.
            let order = logProbsAtStep.indices.sorted {
                logProbsAtStep[$0] != logProbsAtStep[$1] ? logProbsAtStep[$0] > logProbsAtStep[$1] : $0 < $1
            }.prefix(alternativeCount)
            return ForkingToken(
                problemID: problemID, sample: sample, segment: segment.rawValue, position: position,
                entropy: statistics.entropies[position], token: text(position..<(position + 1)), before: text(before),
                after: text(after), sampledProbability: exp(logProbs.sampledLogProbs[position]),
                alternatives: order.map { exp(logProbsAtStep[$0]) },
                alternativeTokens: candidateTexts.flatMap { texts in
                    candidateStrings(texts, at: position, count: logProbsAtStep.count, sampled: text(position..<(position + 1)))
                }.map { strings in order.map { strings[$0] } })
        }
    }

    /// The texts of step `position`'s candidates in server order, or `nil` when they do not
    /// match the `count` candidates read: a step without a top list has its sampled token as
    /// its only candidate (``TokenLogProbs``), whose text is the token's.
    private static func candidateStrings(_ texts: CandidateTexts, at position: Int, count: Int, sampled: String) -> [String]? {
        guard position < texts.count else { return nil }
        let candidates = texts.candidates(at: position)
        if candidates.isEmpty, count == 1 { return [sampled] }
        guard candidates.count == count else { return nil }
        return candidates.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
