import HorizonSegments
import HorizonTraces
import Testing

@Suite struct TokenMappingTests {
    /// Tokens "<think>" (0..<7), "ab" (7..<9), "</think>" (9..<17), "x" (17..<18).
    static let tokens = tokenTrace(strings: ["<think>", "ab", "</think>", "x"]).logProbs!

    @Test(arguments: [
        (7..<9, 1..<2),     // exactly one token
        (7..<18, 1..<4),    // several whole tokens
        (8..<18, 2..<4),    // starts inside "ab": that token is out
        (7..<16, 1..<2),    // ends inside "</think>": that token is out
        (8..<9, 2..<2),     // inside one token: no token
        (18..<18, 4..<4),   // empty span at the end
        (0..<0, 0..<0),     // empty span at the start
    ] as [(Range<Int>, Range<Int>)])
    func aSpanHoldsTheTokensWhollyInsideIt(span: Range<Int>, expected: Range<Int>) {
        #expect(TokenMapping.tokens(within: span, of: Self.tokens) == expected)
    }

    @Test func emptyTokensBelongToTheSpanThatContinuesAfterThem() {
        // "a", "" (an empty token between), "b", "" (an end-of-sequence token with no text).
        let tokens = tokenTrace(strings: ["a", "", "b", ""]).logProbs!
        #expect(TokenMapping.tokens(within: 0..<1, of: tokens) == 0..<1)
        #expect(TokenMapping.tokens(within: 1..<2, of: tokens) == 1..<3)
        #expect(TokenMapping.tokens(within: 0..<2, of: tokens) == 0..<3)
        #expect(TokenMapping.tokens(within: 2..<2, of: tokens).isEmpty)
    }

    @Test func noTokensMapToEmptyRanges() {
        #expect(TokenMapping.tokens(within: 0..<0, of: TokenLogProbs()) == 0..<0)
    }
}
