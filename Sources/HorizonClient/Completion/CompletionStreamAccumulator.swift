/// Builds one ``Completion`` from the events of a streamed OpenAI-style response.
///
/// Each chunk carries the text and log-probabilities of its own delta tokens; the accumulator
/// concatenates them (chat `logprobs.content` entries, or the legacy arrays `tokens`,
/// `token_logprobs`, `top_logprobs`, `text_offset` side by side), takes the last non-null
/// `finish_reason` and the `usage` of the final chunk. The stream is complete only after
/// `data: [DONE]` *and* a `finish_reason`: llama-cpp-python's server, when a new request
/// interrupts a stream, sends `[DONE]` early without one, and that half sample must be redone,
/// not recorded.
struct CompletionStreamAccumulator {
    let endpoint: Endpoint
    private(set) var isDone = false
    private var text = ""
    private var reasoning: String?
    private var finishReason: String?
    private var promptTokens: Int?
    private var completionTokens: Int?
    private var model: String?
    private var chatEntries: [JSONValue] = []
    private var legacyArrays: [String: [JSONValue]] = [:]
    private var sawLogprobs = false

    /// The legacy completions arrays, in the order a trace writes them.
    private static let legacyKeys = ["tokens", "token_logprobs", "top_logprobs", "text_offset"]

    init(endpoint: Endpoint) { self.endpoint = endpoint }

    /// Takes one event's data.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/malformedResponse`` for data that is
    ///   not JSON, ``ClientError/Reason/notACompletion`` for an error event or log-probs of an
    ///   unknown shape.
    /// Whether the stream has everything: `[DONE]` after a `finish_reason`.
    var isComplete: Bool { isDone && finishReason != nil }

    mutating func consume(_ data: String) throws(ClientError) {
        guard !isDone else { return }
        if data == "[DONE]" {
            isDone = true
            return
        }
        let chunk = try JSONValue(parsing: Array(data.utf8))
        if let error = chunk["error"] {
            throw ClientError(.notACompletion, "the server sent an error event: \(CompletionDecoder.errorMessage(error))")
        }
        model = model ?? chunk["model"]?.stringValue
        if let usage = chunk["usage"], !usage.isNull {
            promptTokens = usage["prompt_tokens"]?.intValue ?? promptTokens
            completionTokens = usage["completion_tokens"]?.intValue ?? completionTokens
        }
        guard let choice = chunk["choices"]?.arrayValue?.first else { return }
        if endpoint == .chat {
            let delta = choice["delta"] ?? .null
            text += delta["content"]?.stringValue ?? ""
            if let piece = CompletionDecoder.reasoningText(delta) { reasoning = (reasoning ?? "") + piece }
        } else {
            text += choice["text"]?.stringValue ?? ""
        }
        if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
        if let logprobs = try CompletionDecoder.openAILogProbs(choice["logprobs"]) {
            sawLogprobs = true
            if let entries = logprobs["content"]?.arrayValue {
                chatEntries.append(contentsOf: entries)
            } else {
                for key in Self.legacyKeys {
                    legacyArrays[key, default: []].append(contentsOf: logprobs[key]?.arrayValue ?? [])
                }
            }
        }
    }

    /// The completion so far.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/truncatedStream`` before `[DONE]` or
    ///   without a `finish_reason`, or
    ///   ``ClientError/Reason/notACompletion`` when a stream mixed both log-prob shapes.
    func completion() throws(ClientError) -> Completion {
        guard isDone else { throw ClientError(.truncatedStream, "the event stream ended before [DONE]") }
        guard finishReason != nil else {
            throw ClientError(.truncatedStream, "the event stream ended without a finish_reason (interrupted by the server?)")
        }
        var logprobs: JSONValue?
        if sawLogprobs {
            guard chatEntries.isEmpty || legacyArrays.isEmpty else {
                throw ClientError(.notACompletion, "the stream mixed chat and legacy log-probability shapes")
            }
            if legacyArrays.isEmpty {
                logprobs = ["content": .array(chatEntries)]
            } else {
                logprobs = .object(Self.legacyKeys.map { ($0, JSONValue.array(legacyArrays[$0] ?? [])) })
            }
        }
        return Completion(
            text: text,
            reasoning: reasoning,
            finishReason: finishReason,
            promptTokens: promptTokens,
            completionTokens: completionTokens,
            logprobs: logprobs,
            model: model
        )
    }
}
