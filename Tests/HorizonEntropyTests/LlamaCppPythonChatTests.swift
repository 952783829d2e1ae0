import Foundation
import HorizonEntropy
import HorizonTestSupport
import HorizonTraces
import Testing

/// A real llama-cpp-python chat response with top-5 log-probabilities, from a Markov-chain test
/// model whose next-token probabilities are round numbers (0.4, 0.3, 0.2, 0.1 and the like), so
/// the rebuilt distributions can be checked by hand. Log-probabilities arrive as 32-bit floats.
@Suite("Captured llama-cpp-python chat response", .enabled(if: SharedData.isPresent("server-responses/llama-cpp-python-chat.json"), "needs ../shared/data/server-responses"))
struct LlamaCppPythonChatTests {
    /// The response's per-token log-probabilities, or `nil` (with a note) without the shared data.
    func capturedLogProbs() throws -> TokenLogProbs {
        let url = try #require(SharedData.url("server-responses/llama-cpp-python-chat.json"))
        let response = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let choice = try #require((response["choices"] as? [[String: Any]])?.first)
        let content = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        var logProbs = TokenLogProbs()
        for entry in content {
            let token = try #require(entry["token"] as? String)
            let top = try #require(entry["top_logprobs"] as? [[String: Any]])
            logProbs.append(
                tokenBytes: Array(token.utf8),
                sampledLogProb: try #require(entry["logprob"] as? Double),
                sampledRank: top.firstIndex { $0["token"] as? String == token } ?? -1,
                candidates: try top.map { try #require($0["logprob"] as? Double) }
            )
        }
        return logProbs
    }

    @Test("top-p 0.9 keeps {0.4, 0.3, 0.2} although the 32-bit values sum to 0.89999998")
    func boundaryCut() throws {
        let logProbs = try capturedLogProbs()
        let tokens = TokenStatistics(logProbs, options: .init(truncation: .topP(0.9)))
        #expect(tokens.count == 22)
        // Step 0 is "<think>" with probability 1 (the others e^-30, below the floor).
        #expect(tokens.entropies[0] == 0 && tokens.negativeLogLikelihoods[0] == 0)
        // Step 1 samples " then" (0.2) from {0.4, 0.3, 0.2, 0.1}: kept {4/9, 3/9, 2/9}.
        #expect(isClose(tokens.entropies[1], entropy([4.0 / 9, 3.0 / 9, 2.0 / 9]), tolerance: 1e-6))
        #expect(isClose(tokens.negativeLogLikelihoods[1], log(4.5), tolerance: 1e-6))
        // Step 6 samples " check" (0.25) from {0.45, 0.25, 0.2, 0.1}: kept {0.45, 0.25, 0.2}.
        #expect(isClose(tokens.negativeLogLikelihoods[6], log(0.9 / 0.25), tolerance: 1e-6))
    }

    @Test("the top-5 lists hold the whole distribution: no missing mass, no low coverage")
    func coverage() throws {
        let logProbs = try capturedLogProbs()
        let tokens = TokenStatistics(logProbs, options: .init(truncation: .topP(0.9)))
        let measures = tokens.measures
        #expect(try #require(measures.maxMissingMass) < 1e-6)
        #expect(measures.lowCoverageCount == 0)
        // At most three kept candidates plus an added-back sampled token.
        #expect(tokens.entropies.allSatisfy { $0 >= 0 && $0 <= log(4) + 1e-9 })
        #expect(tokens.negativeLogLikelihoods.allSatisfy { $0.isFinite && $0 >= 0 })
    }
}
