import HorizonTraces

/// One generated output, normalised from whatever server shape it came in.
public struct Completion: Sendable, Equatable {
    /// The generated text (for chat: the message content, without separately returned thinking).
    public var text: String
    /// Thinking the server returned separately (`reasoning_content`, `reasoning`, Ollama's
    /// `thinking`), when it did.
    public var reasoning: String?
    /// `stop`, `length`, ... as the server said (native shapes mapped to these two words).
    public var finishReason: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    /// The log-probabilities in one of the two trace shapes: OpenAI chat `{"content": [...]}` or
    /// legacy completions `{"tokens", "token_logprobs", "top_logprobs", "text_offset"}`; `nil`
    /// when the server returned none.
    public var logprobs: JSONValue?
    /// Which distribution the log-probabilities describe, when the response itself says
    /// (llama.cpp's `post_sampling_probs` answer is the processed one); `nil` when it does not.
    public var logProbKind: LogProbKind?
    /// The model the server says answered.
    public var model: String?

    public init(
        text: String,
        reasoning: String? = nil,
        finishReason: String? = nil,
        promptTokens: Int? = nil,
        completionTokens: Int? = nil,
        logprobs: JSONValue? = nil,
        logProbKind: LogProbKind? = nil,
        model: String? = nil
    ) {
        self.text = text
        self.reasoning = reasoning
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.logprobs = logprobs
        self.logProbKind = logProbKind
        self.model = model
    }

    /// The number of generated tokens: the server's count, else the log-prob entries.
    public var tokenCount: Int? {
        if let completionTokens { return completionTokens }
        guard let logprobs else { return nil }
        return (logprobs["content"] ?? logprobs["tokens"])?.arrayValue?.count
    }
}
