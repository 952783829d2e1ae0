import HorizonCommon

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
    public static func decode(_ body: consuming [UInt8], endpoint: Endpoint) throws(ClientError) -> Completion {
        switch endpoint {
        case .chat, .completions:
            // Moved, not copied: appending the NUL to a shared array would copy the whole body.
            var text = consume body
            let count = text.count
            text.append(0)
            var parts = OpenAIResponseParts(endpoint: endpoint, streamed: false)
            let result = text.withUnsafeBufferPointer { buffer in
                Result { () throws(ClientError) in try parts.consume(buffer.baseAddress!, count: count) }
            }
            let shape = try result.get()
            if let error = shape.error { throw ClientError(.notACompletion, "the server answered with an error: \(errorMessage(error))") }
            guard shape.hasChoice else {
                throw ClientError(.notACompletion, "the response has no choices: \(preview(text[..<count]))")
            }
            guard shape.choiceHasOutput else {
                throw ClientError(
                    .notACompletion,
                    endpoint == .chat
                        ? "the chat response's choice has no message: \(preview(text[..<count]))"
                        : "the completion's choice has no text: \(preview(text[..<count]))")
            }
            return try parts.completion(adopting: text)
        case .llamaCppCompletion, .sglangGenerate, .ollamaChat:
            let json: JSONValue
            do { json = try JSONValue(parsing: body) } catch { throw ClientError(syntax: error) }
            if let error = json["error"] { throw ClientError(.notACompletion, "the server answered with an error: \(errorMessage(error))") }
            switch endpoint {
            case .llamaCppCompletion: return try NativeLogProbs.decodeLlamaCppCompletion(json)
            case .sglangGenerate: return try NativeLogProbs.decodeSGLangGenerate(json)
            default: return try NativeLogProbs.decodeOllamaChat(json)
            }
        }
    }

    /// A server error object's message (`{"error": {"message": ...}}` or `{"error": "..."}`),
    /// shortened.
    static func errorMessage(_ error: JSONValue) -> String {
        let message = error["message"]?.stringValue ?? error.stringValue ?? error.jsonText
        return message.count > 500 ? String(message.prefix(500)) + "…" : message
    }

    /// The start of a JSON value, for error messages.
    static func preview(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    /// The start of a document already known to be JSON, compacted, for error messages.
    static func preview(_ document: ArraySlice<UInt8>) -> String {
        (try? JSONValue(parsing: document)).map(preview) ?? String(decoding: document.prefix(200), as: UTF8.self)
    }
}
