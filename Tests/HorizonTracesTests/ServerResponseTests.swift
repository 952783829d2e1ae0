import HorizonCommon
import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// Real llama-cpp-python responses (shared data), saved whole on one line with a problem id
/// added, as a user would save them.
@Suite(.enabled(if: SharedData.isPresent("server-responses"), "needs ../shared/data/server-responses"))
struct ServerResponseTests {
    struct Saved {
        /// The raw file text.
        var text: String
        /// The compact line with `problem_id` and `gold` added.
        var line: [UInt8]
        /// The response, for strings and counts (not for numbers: see ``JSONCompaction``).
        var response: [String: Any]
    }

    static func saved(_ name: String) throws -> Saved {
        let url = try #require(SharedData.url("server-responses/\(name)"))
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        let line = JSONCompaction.prepending(#""problem_id":"math-1","gold":"4""#, to: JSONCompaction.compact(text))
        let response = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Saved(text: text, line: Array(line.utf8), response: response)
    }

    /// The numbers written after `"logprob": ` in the file, in order, read by the C library.
    static func logprobLiterals(in text: String) -> [Double] {
        text.matches(of: /"logprob": (-?[0-9][0-9.eE+-]*)/).map { strtod(String($0.output.1), nil) }
    }

    /// The numbers written in the array or object that follows `"key": `, in order.
    static func literals(after key: String, closedBy close: Character, in text: String) -> [Double] {
        let start = text.range(of: "\"\(key)\": ")!.upperBound
        let block = text[start...].prefix { $0 != close }
        return block.matches(of: /(?:^|[\[,:]\s*)(-?[0-9][0-9.eE+-]*)/).map { strtod(String($0.output.1), nil) }
    }

    @Test func chatResponseGivesOneTracePerChoiceWithEveryStep() throws {
        let saved = try Self.saved("llama-cpp-python-chat.json")
        let parsed = try TraceParser().parse(saved.line, at: SourceLocation(file: "saved.jsonl", line: 1))
        let choices = try #require(saved.response["choices"] as? [[String: Any]])
        #expect(parsed.count == choices.count)
        let trace = try #require(parsed.first?.trace)
        let choice = choices[0]
        let message = try #require(choice["message"] as? [String: Any])
        #expect(trace.problemID == "math-1")
        #expect(trace.gold == "4")
        #expect(trace.model == "markov-base.gguf")
        #expect(trace.text == message["content"] as? String)
        #expect(trace.text.hasSuffix("The answer is \\boxed{4}"))
        #expect(trace.finishReason == "stop")
        #expect(trace.sampleIndex == nil)  // a lone choice: the reader numbers it
        #expect(trace.source == SourceLocation(file: "saved.jsonl", line: 1, choice: 0))

        let entries = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        let logProbs = try #require(trace.logProbs)
        #expect(logProbs.count == entries.count)
        // In file order each entry writes its own logprob, then its candidates'.
        var literals = Self.logprobLiterals(in: saved.text)[...]
        for (step, entry) in entries.enumerated() {
            let token = entry["token"] as! String
            let top = entry["top_logprobs"] as! [[String: Any]]
            #expect(Array(logProbs.bytes(ofToken: step)) == Array(token.utf8))
            #expect(logProbs.sampledLogProbs[step] == literals.removeFirst())
            #expect(Array(logProbs.candidates(at: step)) == Array(literals.prefix(top.count)))
            literals.removeFirst(top.count)
            let rank = top.firstIndex { $0["token"] as? String == token } ?? -1
            #expect(Int(logProbs.sampledRanks[step]) == rank)
        }
        #expect(literals.isEmpty)
        // The token bytes spell the text.
        #expect(String(decoding: logProbs.tokenBytes, as: UTF8.self) == trace.text)
        // Step 1 by hand: " then" sampled at ln p = -1.6094379425048828, third of five candidates.
        #expect(Array(logProbs.bytes(ofToken: 1)) == Array(" then".utf8))
        #expect(logProbs.sampledLogProbs[1] == -1.6094379425048828)
        #expect(logProbs.sampledRanks[1] == 2)
        #expect(logProbs.candidates(at: 1).count == 5)
        #expect(parsed[0].emptyTopLists == 0 && parsed[0].sampledNotInTop == 0)
    }

    @Test func completionsResponseMatchesTheChatOne() throws {
        let saved = try Self.saved("llama-cpp-python-completions.json")
        let chatSaved = try Self.saved("llama-cpp-python-chat.json")
        let location = SourceLocation(file: "saved.jsonl", line: 1)
        let trace = try #require(try TraceParser().traces(in: saved.line, at: location).first)
        let choice = try #require((saved.response["choices"] as? [[String: Any]])?.first)
        let logprobs = try #require(choice["logprobs"] as? [String: Any])
        let tokens = try #require(logprobs["tokens"] as? [String])
        #expect(trace.text == choice["text"] as? String)
        let logProbs = try #require(trace.logProbs)
        #expect(logProbs.count == tokens.count)
        #expect(logProbs.sampledLogProbs == Self.literals(after: "token_logprobs", closedBy: "]", in: saved.text))
        #expect(logProbs.candidateLogProbs == Self.literals(after: "top_logprobs", closedBy: "]", in: saved.text))
        for step in tokens.indices {
            #expect(Array(logProbs.bytes(ofToken: step)) == Array(tokens[step].utf8))
        }
        // The same sampling run answered in both shapes: the same tokens, probabilities and
        // candidates, and the sampled token found at a candidate with its own log-probability.
        let chat = try #require(try TraceParser().traces(in: chatSaved.line, at: location).first?.logProbs)
        #expect(chat.tokenBytes == logProbs.tokenBytes)
        #expect(chat.sampledLogProbs == logProbs.sampledLogProbs)
        for step in 0..<chat.count {
            #expect(chat.candidates(at: step).sorted() == logProbs.candidates(at: step).sorted())
            let rank = Int(logProbs.sampledRanks[step])
            #expect(rank >= 0)
            #expect(logProbs.candidateLogProbs[logProbs.candidateStart(step) + rank] == logProbs.sampledLogProbs[step])
        }
    }
}
