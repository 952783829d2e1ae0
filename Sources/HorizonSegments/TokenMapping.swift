import HorizonTraces

/// Maps byte spans of an output to the tokens that produced them.
public enum TokenMapping {
    /// The tokens that lie wholly inside `span`: each token's first and last byte are in it.
    ///
    /// A token that also covers bytes outside the span (a marker, or the other span) belongs to
    /// neither side: `"</think>\n\nThe"` is in neither thinking nor the answer, though its bytes
    /// `"\n\nThe"` are in the answer's byte span. So a token is never counted twice, and a
    /// span's entropy never includes a marker's. An empty token counts where it sits only if a
    /// non-empty span continues after it (an empty token at the end of the output is in no span).
    ///
    /// ```swift
    /// // tokens "<think>", "ab", "</think>", "x": the bytes 7..<9 are tokens 1..<2
    /// TokenMapping.tokens(within: 7..<9, of: logProbs)   // 1..<2
    /// ```
    /// - Parameters:
    ///   - span: Byte offsets into ``TokenLogProbs/tokenBytes``.
    ///   - tokens: The output's tokens.
    /// - Returns: A contiguous range of token indices, empty when no token fits.
    /// - Complexity: O(log *t*) in the number of tokens.
    public static func tokens(within span: Range<Int>, of tokens: TokenLogProbs) -> Range<Int> {
        let first = partitionPoint(tokens.count) { tokens.tokenStart($0) >= span.lowerBound }
        let end = partitionPoint(tokens.count) { index in
            Int(tokens.tokenEnds[index]) > span.upperBound || tokens.tokenStart(index) >= span.upperBound
        }
        return first..<max(first, end)
    }

    /// The first index in `0..<count` where `isAfter` holds, given that it holds on a suffix.
    private static func partitionPoint(_ count: Int, _ isAfter: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = low + (high - low) / 2
            if isAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
