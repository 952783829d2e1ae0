import HorizonCommon
import HorizonClient
import Testing

/// The repetition penalty reaches every endpoint under the name its server reads.
@Suite("Repetition penalty in requests")
struct RepetitionPenaltyRequestTests {
    let parameters = SamplingParameters(temperature: 1, topP: 1, topK: -1, minP: 0, repetitionPenalty: 1, maxTokens: 8, topLogprobs: 5)

    func body(_ endpoint: Endpoint) -> JSONValue {
        CompletionRequest(
            endpoint: endpoint, model: "m", prompt: endpoint.takesMessages ? .messages([]) : .text("Q"),
            parameters: parameters, seed: 1
        ).body()
    }

    @Test("OpenAI endpoints send both names (vLLM and SGLang read one, llama.cpp the other)")
    func openAI() {
        for endpoint in [Endpoint.chat, .completions] {
            let body = body(endpoint)
            #expect(body["repetition_penalty"] == .number("1.0"))
            #expect(body["repeat_penalty"] == .number("1.0"))
            #expect(body["top_k"] == -1)
            #expect(body["min_p"] == .number("0.0"))
        }
    }

    @Test("native endpoints send their own name only")
    func native() {
        #expect(body(.llamaCppCompletion)["repeat_penalty"] == .number("1.0"))
        #expect(body(.llamaCppCompletion)["repetition_penalty"] == nil)
        #expect(body(.sglangGenerate)["sampling_params"]?["repetition_penalty"] == .number("1.0"))
        #expect(body(.sglangGenerate)["sampling_params"]?["repeat_penalty"] == nil)
        #expect(body(.ollamaChat)["options"]?["repeat_penalty"] == .number("1.0"))
    }

    @Test("left unset, no penalty is sent")
    func unset() {
        var p = parameters
        p.repetitionPenalty = nil
        let body = CompletionRequest(endpoint: .chat, model: "m", prompt: .messages([]), parameters: p, seed: 1).body()
        #expect(body["repetition_penalty"] == nil && body["repeat_penalty"] == nil)
    }

    @Test("top-k off is 0, and -1 for SGLang's /generate, which rejects 0")
    func topKOff() {
        // llama-cpp-python's server (behind chat and completions) answers 422 to -1.
        #expect(Endpoint.chat.topKOff == 0 && Endpoint.completions.topKOff == 0)
        #expect(Endpoint.llamaCppCompletion.topKOff == 0 && Endpoint.ollamaChat.topKOff == 0)
        #expect(Endpoint.sglangGenerate.topKOff == -1)
    }
}
