import HorizonCommon
import HorizonTraces

/// How to talk to the server: where it is (one URL or several replicas), what to ask it, and how
/// hard to try. Shared by ``SamplingConfig`` and ``ProbeConfig`` and checked once, by
/// ``validate()``.
///
/// ```swift
/// let server = ServerSettings(baseURLs: ["http://10.0.0.1:8000", "http://10.0.0.2:8000"], model: "qwen3",
///                             parameters: SamplingParameters(temperature: 0.6, topP: 0.95, maxTokens: 8192))
/// ```
///
/// What decides the sampled text (model, endpoint, decoding, extra body, log-prob kind) is part
/// of a run's identity and must match to resume; the URLs, streaming, the key's variable,
/// timeouts and retries may change between sessions, so a resumed run may use other replicas.
public struct ServerSettings: Sendable, Equatable {
    /// The servers: each a root or an OpenAI base (`http://127.0.0.1:8080` or `…/v1`). Several
    /// are replicas serving the same model; each request goes to the least-loaded healthy one
    /// (``ReplicaPool``).
    public var baseURLs: [String]
    /// The model name sent in each request and written to each trace.
    public var model: String
    public var endpoint: Endpoint
    /// Decoding settings (probes override `maxTokens` per request).
    public var parameters: SamplingParameters
    /// Stream responses (server-sent events); recommended for long generations, so the read-gap
    /// timeout can stay short.
    public var stream: Bool
    /// Members laid over every request body (server-specific settings such as
    /// `chat_template_kwargs`, `repeat_penalty`, `logprobs_mode`).
    public var extraBody: JSONValue?
    /// Which distribution the server's log-probabilities describe, recorded on each trace unless
    /// the response says otherwise; `raw` for llama.cpp and vLLM V1 unless configured.
    public var logProbKind: LogProbKind
    /// The environment variable holding the API key (never written anywhere).
    public var apiKeyEnvironmentVariable: String
    public var timeouts: RequestTimeouts
    public var retryPolicy: RetryPolicy
    /// How long a replica that failed is left alone (only with two or more URLs).
    public var replicaRest: ReplicaRest

    public init(
        baseURLs: [String],
        model: String,
        endpoint: Endpoint = .chat,
        parameters: SamplingParameters = SamplingParameters(),
        stream: Bool = false,
        extraBody: JSONValue? = nil,
        logProbKind: LogProbKind = .raw,
        apiKeyEnvironmentVariable: String = "OPENAI_API_KEY",
        timeouts: RequestTimeouts = RequestTimeouts(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        replicaRest: ReplicaRest = ReplicaRest()
    ) {
        self.baseURLs = baseURLs
        self.model = model
        self.endpoint = endpoint
        self.parameters = parameters
        self.stream = stream
        self.extraBody = extraBody
        self.logProbKind = logProbKind
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.timeouts = timeouts
        self.retryPolicy = retryPolicy
        self.replicaRest = replicaRest
    }

    /// Checks the settings before anything is sent or written.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` naming the
    ///   first problem.
    public func validate() throws(ClientError) {
        func fail(_ message: String) -> ClientError { ClientError(.invalidConfiguration, message) }
        guard !baseURLs.isEmpty else { throw fail("no server URL") }
        for url in baseURLs {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw fail("the server URL must start with http:// or https:// (got \"\(url)\")")
            }
        }
        if let repeated = ReplicaPool.normalizedDuplicate(in: baseURLs) {
            throw fail("the server URL \(repeated) is listed twice")
        }
        guard !model.isEmpty else { throw fail("the model name is empty") }
        guard parameters.maxTokens >= 1 else { throw fail("max tokens must be at least 1") }
        guard parameters.temperature >= 0, parameters.topP > 0, parameters.topP <= 1 else {
            throw fail("temperature must be >= 0 and top-p in (0, 1]")
        }
        if let k = parameters.topLogprobs, k < 0 { throw fail("top logprobs must be >= 0") }
        if let k = parameters.topK, k < -1 { throw fail("top-k must be -1 or more (-1 and 0 turn it off)") }
        if let p = parameters.minP, !(p >= 0 && p <= 1) { throw fail("min-p must be in [0, 1]") }
        if let penalty = parameters.repetitionPenalty, !(penalty > 0) { throw fail("the repetition penalty must be above 0 (1 turns it off)") }
        try parameters.validate(for: endpoint)
        guard !stream || endpoint.supportsStreaming else {
            throw fail("the \(endpoint.rawValue) endpoint cannot be streamed; turn streaming off")
        }
        if let extraBody, extraBody.objectMembers == nil { throw fail("the extra body must be a JSON object") }
        if let member = CompletionRequest.logProbOverrides(in: extraBody).first {
            throw fail("the extra body sets \"\(member)\"; ask for log-probs with the top-logprobs setting instead")
        }
        guard timeouts.connect > .zero, timeouts.readGap > .zero, timeouts.total > .zero else {
            throw fail("timeouts must be above zero")
        }
        guard retryPolicy.maximumAttempts >= 1 else { throw fail("a request needs at least 1 attempt") }
        guard replicaRest.base > .zero, replicaRest.maximum >= replicaRest.base else {
            throw fail("a replica's rest must be above zero, its maximum at least its base")
        }
    }

    /// The members of a run's identity (recorded in the manifest's `settings`) that come from
    /// the server settings.
    var identityMembers: [(key: String, value: JSONValue)] {
        [
            ("model", .string(model)),
            ("endpoint", .string(endpoint.rawValue)),
            ("sampling", parameters.manifestJSON),
            ("extra_body", extraBody ?? .null),
            ("logprobs_kind", .string(logProbKind.rawValue)),
        ]
    }

    /// The members of a session's settings (recorded, free to change) that come from the server
    /// settings. `base_url` is the first URL, as before replicas existed; `base_urls` lists all.
    var sessionMembers: [(key: String, value: JSONValue)] {
        [
            ("base_url", .string(baseURLs.first ?? "")),
            ("base_urls", .array(baseURLs.map { .string($0) })),
            ("stream", .bool(stream)),
            ("api_key_env", .string(apiKeyEnvironmentVariable)),
            ("replica_rest", replicaRest.manifestJSON),
        ]
    }
}
