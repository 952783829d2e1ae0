/// The server API a completion request goes to.
///
/// The two OpenAI-compatible endpoints are what `horizon sample` is for (vLLM, SGLang,
/// llama.cpp, llama-cpp-python, Ollama all serve them). The native ones exist for servers whose
/// OpenAI layer drops log-probabilities; they are not streamed.
public enum Endpoint: String, Sendable, Equatable, Codable, CaseIterable {
    /// `POST /v1/chat/completions`: messages in, `choices[].message` out.
    case chat
    /// `POST /v1/completions`: a raw prompt in, `choices[].text` out.
    case completions
    /// llama.cpp server's native `POST /completion` with `n_probs`.
    case llamaCppCompletion = "llama-cpp-completion"
    /// SGLang's native `POST /generate` with `return_logprob`.
    case sglangGenerate = "sglang-generate"
    /// Ollama's native `POST /api/chat` with `logprobs` (Ollama 0.12.11 or later).
    case ollamaChat = "ollama-chat"

    /// The path below the server root.
    public var path: String {
        switch self {
        case .chat: "/v1/chat/completions"
        case .completions: "/v1/completions"
        case .llamaCppCompletion: "/completion"
        case .sglangGenerate: "/generate"
        case .ollamaChat: "/api/chat"
        }
    }

    /// The `top_k` that turns top-k off for this endpoint's servers: -1 for SGLang's `/generate`
    /// (SGLang rejects 0), else 0 (llama-cpp-python rejects -1; llama.cpp, Ollama and vLLM take 0
    /// as off; SGLang's and older vLLM's OpenAI endpoints need `--top-k -1`).
    public var topKOff: Int { self == .sglangGenerate ? -1 : 0 }

    /// Whether the request takes chat messages (else a prompt string).
    public var takesMessages: Bool { self == .chat || self == .ollamaChat }

    /// Whether the client can stream this endpoint (server-sent events, OpenAI style).
    public var supportsStreaming: Bool { self == .chat || self == .completions }

    /// The full URL of this endpoint on the server at `baseURL`.
    ///
    /// `baseURL` may be the server root (`http://host:8000`) or the OpenAI base with its `/v1`
    /// (`http://host:8000/v1`), with or without a trailing slash.
    public func url(baseURL: String) -> String { Self.serverRoot(of: baseURL) + path }

    /// The server root of `baseURL`: without trailing slashes and without a final `/v1`.
    static func serverRoot(of baseURL: String) -> Substring {
        var root = Substring(baseURL)
        while root.hasSuffix("/") { root = root.dropLast() }
        if root.hasSuffix("/v1") { root = root.dropLast(3) }
        return root
    }
}
