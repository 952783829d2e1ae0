import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// Every server's log-prob shape decodes to a completion whose log-probs are in one of the two
/// trace shapes, with the numbers the server sent.
@Suite("Server response shapes")
struct ResponseShapeTests {
    @Test("vLLM chat: reasoning_content, bytes and -9999 kept verbatim")
    func vllmChat() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.vllmChat.utf8), endpoint: .chat)
        #expect(completion.text == #"The answer is \boxed{4}."#)
        #expect(completion.reasoning == "2 and 2 make 4")
        #expect(completion.finishReason == "stop")
        #expect(completion.promptTokens == 21)
        #expect(completion.completionTokens == 2)
        #expect(completion.model == "Qwen/QwQ-32B")
        let expected = try json(ServerShapeFixtures.vllmChat)["choices"]?.arrayValue?[0]["logprobs"]
        #expect(completion.logprobs == expected)
        // Verbatim means the literal digits too, not just the value.
        let entries = try #require(completion.logprobs?["content"]?.arrayValue)
        #expect(entries[0]["logprob"] == .number("-0.0100"))
        #expect(entries[1]["bytes"] == [239, 191, 189])
        #expect(entries[1]["top_logprobs"]?.arrayValue?[1]["logprob"]?.doubleValue == -9999)
    }

    @Test("newer vLLM: reasoning under message.reasoning, null log-probs")
    func vllmReasoningField() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.vllmChatReasoningField.utf8), endpoint: .chat)
        #expect(completion.reasoning == "think")
        #expect(completion.text == "4")
        #expect(completion.logprobs == nil)
        #expect(completion.finishReason == "length")
        #expect(completion.tokenCount == 9)
    }

    @Test("vLLM legacy with echo: kept verbatim, leading null and dictionary order included")
    func vllmLegacyEcho() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.vllmLegacyEcho.utf8), endpoint: .completions)
        #expect(completion.text == "Q: 1+1? A: 2")
        let logprobs = try #require(completion.logprobs)
        #expect(logprobs == (try json(ServerShapeFixtures.vllmLegacyEcho)["choices"]?.arrayValue?[0]["logprobs"]))
        #expect(logprobs["token_logprobs"]?.arrayValue?.first == .null)
        #expect(logprobs["top_logprobs"]?.arrayValue?.first == .null)
        let lastTop = try #require(logprobs["top_logprobs"]?.arrayValue?.last?.objectMembers)
        #expect(lastTop.map(\.key) == [" 2", " 3", "2"])
    }

    @Test("llama.cpp answers /v1/completions in the chat shape, -FLT_MAX kept")
    func llamaCppV1Completions() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.llamaCppV1CompletionsChatShape.utf8), endpoint: .completions)
        #expect(completion.text == " 4")
        let entry = try #require(completion.logprobs?["content"]?.arrayValue?.first)
        #expect(entry["top_logprobs"]?.arrayValue?[1]["logprob"]?.doubleValue == -3.4028234663852886e+38)
        #expect(entry["bytes"] == [32, 52])
    }

    @Test("llama.cpp /completion n_probs → chat shape with raw bytes")
    func llamaCppCompletion() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.llamaCppCompletion.utf8), endpoint: .llamaCppCompletion)
        #expect(completion.text == " 4.")
        #expect(completion.finishReason == "stop")
        #expect(completion.promptTokens == 9)
        #expect(completion.completionTokens == 2)
        #expect(completion.logProbKind == .raw)
        let expected: JSONValue = [
            "content": [
                [
                    "id": 220, "token": " 4", "logprob": .number("-0.5"), "bytes": [32, 52],
                    "top_logprobs": [
                        ["id": 220, "token": " 4", "logprob": .number("-0.5"), "bytes": [32, 52]],
                        ["id": 221, "token": " 5", "logprob": .number("-1.0"), "bytes": [32, 53]],
                    ],
                ],
                [
                    "id": 13, "token": ".", "logprob": .number("-0.01"), "bytes": [46],
                    "top_logprobs": [["id": 13, "token": ".", "logprob": .number("-0.01"), "bytes": [46]]],
                ],
            ]
        ]
        #expect(completion.logprobs == expected)
    }

    @Test("llama.cpp post-sampling probabilities become natural logs; 0 becomes -9999; kind processed")
    func llamaCppPostSampling() throws {
        let completion = try CompletionDecoder.decode(
            Array(ServerShapeFixtures.llamaCppCompletionPostSampling.utf8), endpoint: .llamaCppCompletion
        )
        #expect(completion.finishReason == "length")
        #expect(completion.logProbKind == .processed)
        let entry = try #require(completion.logprobs?["content"]?.arrayValue?.first)
        #expect(entry["logprob"]?.doubleValue == ln(0.5))
        let top = try #require(entry["top_logprobs"]?.arrayValue)
        #expect(top.map { $0["logprob"]?.doubleValue } == [ln(0.5), ln(0.25), -9999])
        #expect(top.map { $0["token"]?.stringValue } == ["a", "b", "c"])
    }

    @Test("SGLang /generate triples → chat shape")
    func sglang() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.sglangGenerate.utf8), endpoint: .sglangGenerate)
        #expect(completion.text == " 4")
        #expect(completion.finishReason == "stop")
        #expect(completion.promptTokens == 12)
        #expect(completion.completionTokens == 2)
        let expected: JSONValue = [
            "content": [
                [
                    "id": 220, "token": " ", "logprob": .number("-0.1"), "bytes": nil,
                    "top_logprobs": [
                        ["id": 220, "token": " ", "logprob": .number("-0.1"), "bytes": nil],
                        ["id": 198, "token": "\n", "logprob": .number("-2.4"), "bytes": nil],
                    ],
                ],
                [
                    "id": 19, "token": "4", "logprob": .number("-0.05"), "bytes": nil,
                    "top_logprobs": [
                        ["id": 19, "token": "4", "logprob": .number("-0.05"), "bytes": nil],
                        ["id": 20, "token": "5", "logprob": .number("-3.0"), "bytes": nil],
                    ],
                ],
            ]
        ]
        #expect(completion.logprobs == expected)
    }

    @Test("SGLang without token texts names tokens by id; a null top list is empty")
    func sglangWithoutText() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.sglangGenerateWithoutText.utf8), endpoint: .sglangGenerate)
        #expect(completion.finishReason == "length")
        let entry = try #require(completion.logprobs?["content"]?.arrayValue?.first)
        #expect(entry["token"] == "token_id:19")
        #expect(entry["top_logprobs"] == [])
    }

    @Test("Ollama native chat: thinking, counts, log-probs as chat content")
    func ollama() throws {
        let completion = try CompletionDecoder.decode(Array(ServerShapeFixtures.ollamaChat.utf8), endpoint: .ollamaChat)
        #expect(completion.text == "4")
        #expect(completion.reasoning == "2+2 is 4")
        #expect(completion.finishReason == "stop")
        #expect(completion.promptTokens == 14)
        #expect(completion.completionTokens == 1)
        let expected = try json(ServerShapeFixtures.ollamaChat)["logprobs"]
        #expect(completion.logprobs?["content"] == expected)
    }

    @Test("llama-cpp-python chat response (captured): 22 tokens whose strings make the text", .enabled(if: SharedData.isPresent("server-responses/llama-cpp-python-chat.json"), "needs ../shared/data/server-responses/llama-cpp-python-chat.json"))
    func llamaCppPythonChat() throws {
        let url = try #require(SharedData.url("server-responses/llama-cpp-python-chat.json"))
        let bytes = try [UInt8](Data(contentsOf: url))
        let completion = try CompletionDecoder.decode(bytes, endpoint: .chat)
        let entries = try #require(completion.logprobs?["content"]?.arrayValue)
        #expect(entries.count == 22)
        #expect(completion.completionTokens == 22)
        #expect(entries.compactMap { $0["token"]?.stringValue }.joined() == completion.text)
        #expect(completion.logprobs == (try JSONValue(parsing: bytes))["choices"]?.arrayValue?[0]["logprobs"])
        #expect(completion.finishReason == "stop")
    }

    @Test("llama-cpp-python legacy completions response (captured): kept verbatim", .enabled(if: SharedData.isPresent("server-responses/llama-cpp-python-completions.json"), "needs ../shared/data/server-responses/llama-cpp-python-completions.json"))
    func llamaCppPythonCompletions() throws {
        let url = try #require(SharedData.url("server-responses/llama-cpp-python-completions.json"))
        let bytes = try [UInt8](Data(contentsOf: url))
        let completion = try CompletionDecoder.decode(bytes, endpoint: .completions)
        let logprobs = try #require(completion.logprobs)
        #expect(logprobs == (try JSONValue(parsing: bytes))["choices"]?.arrayValue?[0]["logprobs"])
        #expect(logprobs["tokens"]?.arrayValue?.compactMap(\.stringValue).joined() == completion.text)
        #expect(completion.tokenCount == 22)
    }

    @Test("responses that are not completions are refused with a reason")
    func notCompletions() {
        let cases: [(String, Endpoint, ClientError.Reason)] = [
            (#"{"object":"list","data":[]}"#, .chat, .notACompletion),
            (#"{"choices":[]}"#, .completions, .notACompletion),
            (#"{"choices":[{"index":0,"finish_reason":"stop"}]}"#, .chat, .notACompletion),
            (#"{"error":{"message":"model not found","type":"invalid_request_error"}}"#, .chat, .notACompletion),
            (#"{"choices":[{"text":"x","logprobs":{"weird":1}}]}"#, .completions, .notACompletion),
            (#"{"choices":[{"text":"x"}"#, .completions, .malformedResponse),
            ("<html>502 Bad Gateway</html>", .chat, .malformedResponse),
            (#"{"meta_info":{}}"#, .sglangGenerate, .notACompletion),
            (#"{"content":"x","completion_probabilities":[{"id":1}]}"#, .llamaCppCompletion, .notACompletion),
        ]
        for (body, endpoint, reason) in cases {
            do {
                _ = try CompletionDecoder.decode(Array(body.utf8), endpoint: endpoint)
                Issue.record("decoded a completion from \(body)")
            } catch {
                #expect(error.reason == reason, "\(body): \(error)")
            }
        }
    }
}
