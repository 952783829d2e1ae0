import HorizonClient
import Testing

@Suite("Completion requests")
struct CompletionRequestTests {
    let parameters = SamplingParameters(temperature: 0.6, topP: 0.95, topK: 20, minP: 0, maxTokens: 512, topLogprobs: 5)

    @Test("chat body: OpenAI names, logprobs flag and top_logprobs, sampler extras at the top level")
    func chatBody() {
        let request = CompletionRequest(
            endpoint: .chat, model: "qwen3", prompt: .messages([ChatMessage(role: "user", content: "1+1?")]),
            parameters: parameters, seed: 77
        )
        #expect(
            request.body().jsonText
                == #"{"model":"qwen3","messages":[{"role":"user","content":"1+1?"}],"max_tokens":512,"temperature":0.6,"top_p":0.95,"top_k":20,"min_p":0.0,"seed":77,"logprobs":true,"top_logprobs":5,"stream":false}"#
        )
    }

    @Test("a response prefix is a final assistant message on chat and the prompt's end on completions")
    func responsePrefix() {
        let nudge = "Sure! Let's solve this step by step."
        let chat = CompletionRequest(
            endpoint: .chat, model: "m", prompt: .messages([ChatMessage(role: "user", content: "1+1?")]),
            parameters: parameters, seed: 1, responsePrefix: nudge)
        #expect(chat.body()["messages"] == [["role": "user", "content": "1+1?"], ["role": "assistant", "content": .string(nudge)]])
        let completions = CompletionRequest(
            endpoint: .completions, model: "m", prompt: .text("Q: 1+1?\nA:"), parameters: parameters, seed: 1,
            responsePrefix: " " + nudge)
        #expect(completions.body()["prompt"] == .string("Q: 1+1?\nA: " + nudge))
        // The prompt recorded in a trace is the user's, without the prefix.
        #expect(completions.prompt.recordedText == "Q: 1+1?\nA:")
    }

    @Test("completions body: logprobs is the count; streaming asks for usage")
    func completionsBody() {
        var p = parameters
        p.topK = nil
        p.minP = nil
        let request = CompletionRequest(endpoint: .completions, model: "m", prompt: .text("Q"), parameters: p, seed: 1, stream: true)
        #expect(
            request.body().jsonText
                == #"{"model":"m","prompt":"Q","max_tokens":512,"temperature":0.6,"top_p":0.95,"seed":1,"logprobs":5,"stream":true,"stream_options":{"include_usage":true}}"#
        )
    }

    @Test("no log-probs requested: no logprobs keys")
    func withoutLogprobs() {
        var p = parameters
        p.topLogprobs = nil
        let body = CompletionRequest(endpoint: .chat, model: "m", prompt: .messages([]), parameters: p, seed: 1).body()
        #expect(body["logprobs"] == nil)
        #expect(body["top_logprobs"] == nil)
    }

    @Test("extra body members are laid over the request last")
    func extraBody() throws {
        let request = CompletionRequest(
            endpoint: .chat, model: "m", prompt: .messages([]), parameters: parameters, seed: 1,
            extraBody: try json(#"{"top_k":0,"repeat_penalty":1.0,"chat_template_kwargs":{"enable_thinking":true}}"#)
        )
        let body = request.body()
        #expect(body["top_k"] == 0)
        #expect(body["repeat_penalty"] == .number("1.0"))
        #expect(body["chat_template_kwargs"]?["enable_thinking"] == true)
        #expect(body.objectMembers?.last?.key == "chat_template_kwargs")
    }

    @Test("native bodies use each server's own names")
    func nativeBodies() {
        let llama = CompletionRequest(endpoint: .llamaCppCompletion, model: "m", prompt: .text("Q"), parameters: parameters, seed: 3).body()
        #expect(llama["n_predict"] == 512)
        #expect(llama["n_probs"] == 5)
        #expect(llama["seed"] == 3)
        let sglang = CompletionRequest(endpoint: .sglangGenerate, model: "m", prompt: .text("Q"), parameters: parameters, seed: 3).body()
        #expect(sglang["text"] == "Q")
        #expect(sglang["sampling_params"]?["max_new_tokens"] == 512)
        #expect(sglang["sampling_params"]?["sampling_seed"] == 3)
        #expect(sglang["top_logprobs_num"] == 5)
        #expect(sglang["return_text_in_logprobs"] == true)
        let ollama = CompletionRequest(endpoint: .ollamaChat, model: "m", prompt: .messages([]), parameters: parameters, seed: 3).body()
        #expect(ollama["options"]?["num_predict"] == 512)
        #expect(ollama["options"]?["seed"] == 3)
        #expect(ollama["logprobs"] == true)
        #expect(ollama["top_logprobs"] == 5)
        #expect(ollama["stream"] == false)
    }

    @Test("stop goes where each API reads it", arguments: [
        (Endpoint.chat, ["stop"]), (.completions, ["stop"]), (.llamaCppCompletion, ["stop"]),
        (.sglangGenerate, ["sampling_params", "stop"]), (.ollamaChat, ["options", "stop"]),
    ])
    func stopPlacement(endpoint: Endpoint, path: [String]) {
        let prompt: PromptInput = endpoint.takesMessages ? .messages([ChatMessage(role: "user", content: "Q")]) : .text("Q")
        let body = CompletionRequest(endpoint: endpoint, model: "m", prompt: prompt, parameters: parameters, seed: 3, stop: ["</think>"]).body()
        #expect(path.reduce(Optional(body)) { $0?[$1] } == ["</think>"])
        // Nowhere else, and nowhere at all without one.
        #expect(path.count == 1 || body["stop"] == nil)
        let without = CompletionRequest(endpoint: endpoint, model: "m", prompt: prompt, parameters: parameters, seed: 3).body()
        #expect(!without.jsonText.contains("stop"))
    }

    @Test("SGLang's /generate takes a prompt of ids only as input_ids; a mix stays text")
    func sglangInputIDs() {
        let ids = CompletionRequest(endpoint: .sglangGenerate, model: "m", prompt: .pieces([.tokenIDs([5, 6]), .text(""), .tokenIDs([7])]),
                                    parameters: parameters, seed: 3).body()
        #expect(ids["input_ids"] == [5, 6, 7] && ids["text"] == nil)
        #expect(ids.objectMembers?.first?.key == "input_ids")
        let mixed = CompletionRequest(endpoint: .sglangGenerate, model: "m", prompt: .pieces([.text("Q"), .tokenIDs([5])]),
                                      parameters: parameters, seed: 3).body()
        #expect(mixed["input_ids"] == nil && mixed["text"] == ["Q", 5])
        // A response prefix is text after the ids, so the prompt is no longer ids only.
        var prefixed = CompletionRequest(endpoint: .sglangGenerate, model: "m", prompt: .pieces([.tokenIDs([5])]), parameters: parameters, seed: 3)
        prefixed.responsePrefix = "A:"
        #expect(prefixed.body()["text"] == [5, "A:"])
    }

    @Test("endpoint URLs from a root or an OpenAI base", arguments: [
        ("http://h:8000", Endpoint.chat, "http://h:8000/v1/chat/completions"),
        ("http://h:8000/", .chat, "http://h:8000/v1/chat/completions"),
        ("http://h:8000/v1", .completions, "http://h:8000/v1/completions"),
        ("http://h:8000/v1/", .llamaCppCompletion, "http://h:8000/completion"),
        ("https://api.example.com/proxy/v1", .chat, "https://api.example.com/proxy/v1/chat/completions"),
        ("http://h:11434", .ollamaChat, "http://h:11434/api/chat"),
        ("http://h:30000", .sglangGenerate, "http://h:30000/generate"),
    ])
    func urls(base: String, endpoint: Endpoint, expected: String) {
        #expect(endpoint.url(baseURL: base) == expected)
    }

    @Test("the API key becomes a bearer header, and is absent without a key")
    func authorization() {
        let request = CompletionRequest(endpoint: .chat, model: "m", prompt: .messages([]), parameters: parameters, seed: 1)
        let withKey = request.httpRequest(baseURL: "http://h", apiKey: APIKey("sk-1"))
        #expect(withKey.headers.contains(HTTPHeaderField(name: "Authorization", value: "Bearer sk-1")))
        #expect(!request.httpRequest(baseURL: "http://h", apiKey: nil).headers.contains { $0.name == "Authorization" })
        #expect(!String(decoding: withKey.body, as: UTF8.self).contains("sk-1"))
    }

    @Test("API keys come from the named environment variable; empty means none")
    func keyFromEnvironment() {
        #expect(APIKey.fromEnvironment("K", environment: ["K": "sk-2"]) == APIKey("sk-2"))
        #expect(APIKey.fromEnvironment("K", environment: ["K": ""]) == nil)
        #expect(APIKey.fromEnvironment("K", environment: [:]) == nil)
    }
}
