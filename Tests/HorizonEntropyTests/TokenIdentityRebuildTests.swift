import HorizonCommon
import Foundation
import HorizonEntropy
import HorizonTraces
import Testing

/// Two candidates with the same text and bytes but different token ids (a piece and its byte
/// token) are two tokens: the rebuild must see the one that was sampled.
@Suite("Rebuild with token ids")
struct TokenIdentityRebuildTests {
    /// "a" sampled as id 353 (p 0.3), listed beside "a" id 64 (p 0.5) and "b" id 65 (p 0.2).
    static let line = #"{"problem_id":"p","logprobs":{"content":[{"id":353,"token":"a","bytes":[97],"logprob":\#(log(0.3)),"top_logprobs":[{"id":64,"token":"a","bytes":[97],"logprob":\#(log(0.5))},{"id":353,"token":"a","bytes":[97],"logprob":\#(log(0.3))},{"id":65,"token":"b","bytes":[98],"logprob":\#(log(0.2))}]}]}}"#

    static func statistics(_ truncation: DecodingTruncation) throws -> TokenStatistics {
        let trace = try #require(try TraceParser().traces(in: Array(line.utf8), at: SourceLocation(file: "t", line: 1)).first)
        return TokenStatistics(try #require(trace.logProbs), options: .init(truncation: truncation))
    }

    @Test("top-p 1: the entropy of all three candidates, the NLL of the p = 0.3 one")
    func everyCandidate() throws {
        let tokens = try Self.statistics(.topP(1))
        #expect(isClose(tokens.entropies[0], -(0.5 * log(0.5) + 0.3 * log(0.3) + 0.2 * log(0.2))))
        #expect(isClose(tokens.negativeLogLikelihoods[0], -log(0.3)))
    }

    @Test("top-p 0.5 keeps the p = 0.5 candidate and adds the sampled p = 0.3 one back: {5/8, 3/8}")
    func nucleus() throws {
        let tokens = try Self.statistics(.topP(0.5))
        #expect(isClose(tokens.entropies[0], -(0.625 * log(0.625) + 0.375 * log(0.375))))
        #expect(isClose(tokens.negativeLogLikelihoods[0], -log(0.375)))
    }
}
