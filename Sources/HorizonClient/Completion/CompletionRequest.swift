import HorizonCommon

/// One request for one sample: where it goes, what it asks, and how to decode.
///
/// ```swift
/// let request = CompletionRequest(endpoint: .chat, model: "qwen3", prompt: .messages([.init(role: "user", content: "1+1?")]),
///                                 parameters: SamplingParameters(maxTokens: 64), seed: 7)
/// request.body()  // {"model":"qwen3","messages":[...],"max_tokens":64,...,"logprobs":true,"top_logprobs":20}
/// ```
public struct CompletionRequest: Sendable, Equatable {
    public var endpoint: Endpoint
    public var model: String
    public var prompt: PromptInput
    public var parameters: SamplingParameters
    /// The sampling seed sent to the server.
    public var seed: Int
    /// Whether to ask for server-sent events (only for endpoints that support it).
    public var stream: Bool
    /// Members laid over the top level of the body last, so they win (e.g.
    /// `{"chat_template_kwargs": {"enable_thinking": true}, "repeat_penalty": 1}`).
    public var extraBody: JSONValue?
    /// The start of the answer, given to the model to continue (see
    /// ``PromptInput/continued(with:)``); the server returns only what follows it.
    public var responsePrefix: String?
    /// Texts the server stops at (a budget-forcing extension stops at `</think>`), sent where
    /// each API reads them: `stop` at the top level, in SGLang's `sampling_params`, in
    /// Ollama's `options`. `nil`: none sent.
    public var stop: [String]?

    public init(
        endpoint: Endpoint,
        model: String,
        prompt: PromptInput,
        parameters: SamplingParameters,
        seed: Int,
        stream: Bool = false,
        extraBody: JSONValue? = nil,
        responsePrefix: String? = nil,
        stop: [String]? = nil
    ) {
        self.endpoint = endpoint
        self.model = model
        self.prompt = prompt
        self.parameters = parameters
        self.seed = seed
        self.stream = stream
        self.extraBody = extraBody
        self.responsePrefix = responsePrefix
        self.stop = stop
    }

    /// The body members that ask for log-probs, in every endpoint's vocabulary. An extra body
    /// may not set them: a run without the log-probs it was configured for measures nothing.
    public static let logProbMembers: Set<String> = [
        "logprobs", "top_logprobs", "n_probs", "return_logprob", "top_logprobs_num", "return_text_in_logprobs",
    ]

    /// The members of `extraBody` that would override the log-prob request, sorted.
    public static func logProbOverrides(in extraBody: JSONValue?) -> [String] {
        (extraBody?.objectMembers ?? []).map(\.key).filter(logProbMembers.contains).sorted()
    }

    /// The JSON body for ``endpoint``, in that API's vocabulary.
    ///
    /// OpenAI endpoints get `top_k` / `min_p` at the top level (vLLM, SGLang, llama.cpp accept
    /// them there); a streamed OpenAI request also asks for `stream_options.include_usage`.
    /// SGLang's `/generate` gets a prompt of token ids only as `input_ids`, any other as `text`.
    public func body() -> JSONValue {
        let p = parameters
        let prompt = prompt.continued(with: responsePrefix)
        var body: JSONValue
        switch endpoint {
        case .chat, .completions:
            body = ["model": .string(model)]
            body[endpoint == .chat ? "messages" : "prompt"] = prompt.json
            body["max_tokens"] = .integer(p.maxTokens)
            body["temperature"] = .double(p.temperature)
            body["top_p"] = .double(p.topP)
            body["top_k"] = p.topK.map { .integer($0) }
            body["min_p"] = p.minP.flatMap { .double($0) }
            // vLLM and SGLang read `repetition_penalty`, llama.cpp `repeat_penalty`; each ignores the other.
            body["repetition_penalty"] = p.repetitionPenalty.flatMap { .double($0) }
            body["repeat_penalty"] = p.repetitionPenalty.flatMap { .double($0) }
            body["seed"] = .integer(seed)
            body["thinking_token_budget"] = p.thinkingTokenBudget.map { .integer($0) }
            if let k = p.topLogprobs {
                if endpoint == .chat {
                    body["logprobs"] = true
                    body["top_logprobs"] = .integer(k)
                } else {
                    body["logprobs"] = .integer(k)
                }
            }
            body["stream"] = .bool(stream)
            if stream { body["stream_options"] = ["include_usage": true] }
            body["stop"] = stopJSON
        case .llamaCppCompletion:
            body = ["prompt": prompt.json]
            body["n_predict"] = .integer(p.maxTokens)
            body["temperature"] = .double(p.temperature)
            body["top_p"] = .double(p.topP)
            body["top_k"] = p.topK.map { .integer($0) }
            body["min_p"] = p.minP.flatMap { .double($0) }
            body["repeat_penalty"] = p.repetitionPenalty.flatMap { .double($0) }
            body["seed"] = .integer(seed)
            body["n_probs"] = p.topLogprobs.map { .integer($0) }
            body["stream"] = false
            body["stop"] = stopJSON
        case .sglangGenerate:
            var sampling: JSONValue = ["max_new_tokens": .integer(p.maxTokens)]
            sampling["temperature"] = .double(p.temperature)
            sampling["top_p"] = .double(p.topP)
            sampling["top_k"] = p.topK.map { .integer($0) }
            sampling["min_p"] = p.minP.flatMap { .double($0) }
            sampling["repetition_penalty"] = p.repetitionPenalty.flatMap { .double($0) }
            sampling["sampling_seed"] = .integer(seed)
            sampling["stop"] = stopJSON
            if let ids = prompt.tokenIDs {
                body = ["input_ids": .array(ids.map { .integer($0) }), "sampling_params": sampling]
            } else {
                body = ["text": prompt.json, "sampling_params": sampling]
            }
            if let k = p.topLogprobs {
                body["return_logprob"] = true
                body["top_logprobs_num"] = .integer(k)
                body["return_text_in_logprobs"] = true
            }
            body["stream"] = false
        case .ollamaChat:
            var options: JSONValue = ["num_predict": .integer(p.maxTokens)]
            options["temperature"] = .double(p.temperature)
            options["top_p"] = .double(p.topP)
            options["top_k"] = p.topK.map { .integer($0) }
            options["min_p"] = p.minP.flatMap { .double($0) }
            options["repeat_penalty"] = p.repetitionPenalty.flatMap { .double($0) }
            options["seed"] = .integer(seed)
            options["stop"] = stopJSON
            body = ["model": .string(model), "messages": prompt.json, "options": options, "stream": false]
            if let k = p.topLogprobs {
                body["logprobs"] = true
                body["top_logprobs"] = .integer(k)
            }
        }
        if let extraBody { body = body.overlaid(with: extraBody) }
        return body
    }

    private var stopJSON: JSONValue? { stop.map { .array($0.map { .string($0) }) } }

    /// The HTTP request to the server at `baseURL`, with a bearer token when `apiKey` is given.
    public func httpRequest(baseURL: String, apiKey: APIKey?) -> HTTPRequest {
        var headers = [
            HTTPHeaderField(name: "Content-Type", value: "application/json"),
            HTTPHeaderField(name: "Accept", value: stream ? "text/event-stream" : "application/json"),
        ]
        if let apiKey { headers.append(HTTPHeaderField(name: "Authorization", value: "Bearer \(apiKey.secret)")) }
        // llama-server closes the connection after every streamed response while advertising
        // keep-alive, so a pooled connection fails the next request's write ("I/O on closed
        // channel") and that request had to be retried. A stream's connection is never reused.
        if stream { headers.append(HTTPHeaderField(name: "Connection", value: "close")) }
        return HTTPRequest(url: endpoint.url(baseURL: baseURL), headers: headers, body: body().serialized())
    }
}
