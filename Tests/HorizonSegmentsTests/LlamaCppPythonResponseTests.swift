import Foundation
import HorizonSegments
import HorizonTestSupport
import HorizonTraces
import Testing

/// The captured llama-cpp-python chat response (a small Markov-chain model that writes
/// `<think>` ... `</think>` and a boxed answer), read in place and turned into a trace by hand.
@Suite(.enabled(if: SharedData.isPresent("server-responses/llama-cpp-python-chat.json"), "needs ../shared/data/server-responses"))
struct LlamaCppPythonResponseTests {
    /// The response's message content and a trace built from its `logprobs.content` tokens
    /// (`bytes` is null in this server's output, so each token's UTF-8 is its bytes).
    static func loadChatTrace() throws -> (content: String, trace: Trace) {
        let url = try #require(SharedData.url("server-responses/llama-cpp-python-chat.json"))
        let response = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let choice = try #require((response["choices"] as? [[String: Any]])?.first)
        let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
        let steps = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        var logProbs = TokenLogProbs()
        for step in steps {
            let token = try #require(step["token"] as? String)
            let candidates = try #require(step["top_logprobs"] as? [[String: Any]])
            let rank = candidates.firstIndex { $0["token"] as? String == token } ?? -1
            logProbs.append(
                tokenBytes: Array(token.utf8),
                sampledLogProb: try #require(step["logprob"] as? Double),
                sampledRank: rank,
                candidates: candidates.compactMap { $0["logprob"] as? Double }
            )
        }
        return (content, Trace(problemID: "chat", text: content, logProbs: logProbs))
    }

    @Test func thinkingAndAnswerMapToTheServersTokens() throws {
        let (content, trace) = try Self.loadChatTrace()
        // The tokens spell the content exactly.
        #expect(trace.logProbs!.tokenBytes == Array(content.utf8))
        for selection in [ProfileSelection.fixed(.deepseekR1), .auto] {
            let segmented = try Segmenter(selection).segment(trace)
            #expect(segmented.profileName == "deepseek-r1")
            #expect(segmented.thinking == " then we add then we check so we add we add we add then")
            #expect(segmented.answer == #" The answer is \boxed{4}"#)
            // Token 0 is "<think>", token 15 "</think>", 22 tokens in all.
            #expect(segmented.thinkingTokens == 1..<15)
            #expect(segmented.answerTokens == 16..<22)
            #expect(segmented.overallTokens == 0..<22)
            #expect(segmented.flags == SegmentedTrace.Flags())
        }
    }
}
