/// Turns a complete (non-streamed) response body into a ``Completion``, for every endpoint.
///
/// OpenAI shapes keep their log-probabilities verbatim (chat `content`, or the legacy
/// dictionary shape, or llama.cpp's chat-shaped answer to `/v1/completions`); native shapes are
/// converted to the chat shape (see ``NativeLogProbs``).
public enum CompletionDecoder {
    /// Decodes `body`, the JSON an `endpoint` request answered with.
    ///
    /// - Parameters:
    ///   - body: the response body.
    ///   - endpoint: the endpoint the request went to.
    /// - Returns: the first choice's completion.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/malformedResponse`` for invalid JSON,
    ///   ``ClientError/Reason/notACompletion`` for JSON of another kind (an error object, a
    ///   model list, log-probs of an unknown shape).
    public static func decode(_ body: [UInt8], endpoint: Endpoint) throws(ClientError) -> Completion {
        let json = try JSONValue(parsing: body)
        if let error = json["error"] { throw ClientError(.notACompletion, "the server answered with an error: \(errorMessage(error))") }
        switch endpoint {
        case .chat, .completions: return try decodeOpenAI(json, endpoint: endpoint)
        case .llamaCppCompletion: return try NativeLogProbs.decodeLlamaCppCompletion(json)
        case .sglangGenerate: return try NativeLogProbs.decodeSGLangGenerate(json)
        case .ollamaChat: return try NativeLogProbs.decodeOllamaChat(json)
        }
    }

    /// A server error object's message (`{"error": {"message": ...}}` or `{"error": "..."}`),
    /// shortened.
    static func errorMessage(_ error: JSONValue) -> String {
        let message = error["message"]?.stringValue ?? error.stringValue ?? error.jsonText
        return message.count > 500 ? String(message.prefix(500)) + "…" : message
    }

    static func decodeOpenAI(_ json: JSONValue, endpoint: Endpoint) throws(ClientError) -> Completion {
        guard let choice = json["choices"]?.arrayValue?.first else {
            throw ClientError(.notACompletion, "the response has no choices: \(preview(json))")
        }
        var completion = Completion(text: "")
        if endpoint == .chat {
            guard let message = choice["message"], message.objectMembers != nil else {
                throw ClientError(.notACompletion, "the chat response's choice has no message: \(preview(json))")
            }
            completion.text = message["content"]?.stringValue ?? ""
            completion.reasoning = reasoningText(message)
        } else {
            guard let text = choice["text"]?.stringValue else {
                throw ClientError(.notACompletion, "the completion's choice has no text: \(preview(json))")
            }
            completion.text = text
        }
        completion.finishReason = choice["finish_reason"]?.stringValue
        completion.logprobs = try openAILogProbs(choice["logprobs"])
        completion.promptTokens = json["usage"]?["prompt_tokens"]?.intValue
        completion.completionTokens = json["usage"]?["completion_tokens"]?.intValue
        completion.model = json["model"]?.stringValue
        return completion
    }

    /// Thinking text under either name servers use.
    static func reasoningText(_ message: JSONValue) -> String? {
        message["reasoning_content"]?.stringValue ?? message["reasoning"]?.stringValue
    }

    /// A choice's `logprobs` when it is in one of the two trace shapes; `nil` for null or absent.
    static func openAILogProbs(_ value: JSONValue?) throws(ClientError) -> JSONValue? {
        guard let value, !value.isNull else { return nil }
        if value["content"]?.arrayValue != nil || value["tokens"]?.arrayValue != nil { return value }
        if value["content"]?.isNull == true { return nil }
        throw ClientError(.notACompletion, "log-probabilities in an unknown shape: \(preview(value))")
    }

    /// The start of a JSON value, for error messages.
    static func preview(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
