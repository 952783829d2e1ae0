import HorizonCommon

/// What a request asks the model to continue: chat messages or a raw prompt.
public enum PromptInput: Sendable, Equatable {
    /// Chat messages in order, for ``Endpoint/chat`` and ``Endpoint/ollamaChat``.
    case messages([ChatMessage])
    /// A prompt string, for the completion endpoints.
    case text(String)
    /// Text and token ids in order, sent as one mixed array (llama.cpp's completion endpoints).
    case pieces([PromptPiece])

    /// The prompt as a trace records it: the text, or the last user message's content.
    public var recordedText: String {
        switch self {
        case .text(let text): return text
        case .messages(let messages): return messages.last { $0.role == "user" }?.content ?? ""
        case .pieces(let pieces): return pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined()
        }
    }

    /// The token ids, when the prompt is ids only (pieces of ids, and no text but empty ones).
    var tokenIDs: [Int]? {
        guard case .pieces(let pieces) = self else { return nil }
        var ids: [Int] = []
        for piece in pieces {
            switch piece {
            case .tokenIDs(let more): ids += more
            case .text(let text): guard text.isEmpty else { return nil }
            }
        }
        return ids
    }

    /// The prompt with the start of the answer already written: a final assistant message that
    /// chat servers continue (prefill), or the text appended to a plain prompt.
    func continued(with responsePrefix: String?) -> PromptInput {
        guard let responsePrefix else { return self }
        switch self {
        case .text(let text): return .text(text + responsePrefix)
        case .messages(let messages): return .messages(messages + [ChatMessage(role: "assistant", content: responsePrefix)])
        case .pieces(let pieces): return .pieces(pieces + [.text(responsePrefix)])
        }
    }

    var json: JSONValue {
        switch self {
        case .text(let text): return .string(text)
        case .pieces(let pieces): return .array(pieces.flatMap(\.json))
        case .messages(let messages):
            return .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] })
        }
    }
}

/// One chat message.
public struct ChatMessage: Sendable, Equatable {
    /// `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
