import HorizonEntropy
import HorizonTraces

extension TokenStrip {
    /// The first ``maximumTokens`` tokens of a trace with their entropies and its spans.
    init(problemID: String, sample: Int, logProbs: TokenLogProbs, statistics: TokenStatistics,
         thinking: Range<Int>?, answer: Range<Int>?) {
        let kept = min(logProbs.count, Self.maximumTokens)
        func clipped(_ range: Range<Int>?) -> [Int]? {
            guard let range, !range.isEmpty, range.lowerBound < kept else { return nil }
            return [range.lowerBound, min(range.upperBound, kept)]
        }
        self.init(
            problemID: problemID, sample: sample,
            tokens: (0..<kept).map { String(decoding: logProbs.bytes(ofToken: $0), as: UTF8.self) },
            entropies: Array(statistics.entropies[0..<kept]), thinking: clipped(thinking), answer: clipped(answer),
            traceTokens: logProbs.count)
    }

    /// Whether this strip is preferred over `other` as the report's example: one that shows
    /// both a thinking and an answer span, then the smallest problem id and sample index, so
    /// the choice does not depend on the order traces arrive in.
    func isPreferred(over other: TokenStrip) -> Bool {
        let bothSpans = thinking != nil && answer != nil
        let otherBothSpans = other.thinking != nil && other.answer != nil
        if bothSpans != otherBothSpans { return bothSpans }
        if problemID != other.problemID { return problemID < other.problemID }
        return sample < other.sample
    }
}
