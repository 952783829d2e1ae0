import HorizonTraces
import HorizonCommon

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
    /// The log-probabilities as the trace line will hold them; `nil` when the server returned none.
    var recordedLogProbs: RecordedLogProbs?
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
        self.recordedLogProbs = logprobs.map(RecordedLogProbs.init)
        self.logProbKind = logProbKind
        self.model = model
    }

    /// The log-probabilities in one of the two trace shapes: OpenAI chat `{"content": [...]}` or
    /// legacy completions `{"tokens", "token_logprobs", "top_logprobs", "text_offset"}`; `nil`
    /// when the server returned none. Chat entries are kept as the server's text; reading this
    /// property parses them into a value.
    public var logprobs: JSONValue? {
        get { recordedLogProbs?.value }
        set { recordedLogProbs = newValue.map(RecordedLogProbs.init) }
    }

    /// The number of generated tokens: the server's count, else the log-prob entries.
    public var tokenCount: Int? { completionTokens ?? recordedLogProbs?.count }
}
