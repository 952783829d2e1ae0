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
    ///   - textCache: The alternatives' texts by position, shared by the trace's segments.
    /// - Complexity: O(span length · count + count · (context + top-list bytes)).
    static func highest(
        _ count: Int, in range: Range<Int>, segment: Segment, statistics: TokenStatistics, logProbs: TokenLogProbs,
        candidateTexts: CandidateTexts? = nil, textCache: inout [Int: [String]?], problemID: String, sample: Int
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
            let order = Array(logProbsAtStep.indices.sorted {
                logProbsAtStep[$0] != logProbsAtStep[$1] ? logProbsAtStep[$0] > logProbsAtStep[$1] : $0 < $1
            }.prefix(alternativeCount))
            // The segments' tokens overlap (the whole output's are the thinking's and the
            // answer's), so each position's top list is read once.
            if let candidateTexts, textCache[position] == nil {
                textCache[position] = alternativeStrings(
                    candidateTexts, at: position, order: order, count: logProbsAtStep.count, sampled: text(position..<(position + 1)))
            }
            return ForkingToken(
                problemID: problemID, sample: sample, segment: segment.rawValue, position: position,
                entropy: statistics.entropies[position], token: text(position..<(position + 1)), before: text(before),
                after: text(after), sampledProbability: exp(logProbs.sampledLogProbs[position]),
                alternatives: order.map { exp(logProbsAtStep[$0]) }, alternativeTokens: textCache[position] ?? nil)
        }
    }

    /// The texts of step `position`'s candidates at `order` (indices in server order), or `nil`
    /// when the top list read again does not match the `count` candidates read: a step without
    /// a top list has its sampled token as its only candidate (``TokenLogProbs``), whose text is
    /// the token's.
    private static func alternativeStrings(
        _ texts: CandidateTexts, at position: Int, order: [Int], count: Int, sampled: String
    ) -> [String]? {
        guard position < texts.count else { return nil }
        let candidates = texts.candidates(at: position)
        if candidates.isEmpty, count == 1 { return order.map { _ in sampled } }
        guard candidates.count == count else { return nil }
        return order.map { String(decoding: candidates[$0].bytes, as: UTF8.self) }
    }
}
