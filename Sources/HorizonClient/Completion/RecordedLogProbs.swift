import HorizonCommon
import HorizonTraces

/// A completion's log-probabilities as they will be written into its trace line.
enum RecordedLogProbs: Sendable, Equatable {
    /// The chat shape, entries kept as the server's text (OpenAI chat responses, and the native
    /// shapes once converted).
    case chat(ChatLogProbEntries)
    /// The legacy completions shape (`tokens`, `token_logprobs`, `top_logprobs`, `text_offset`),
    /// kept as a value: its four arrays run side by side.
    case legacy(JSONValue)

    /// The log-probs in whichever shape `value` has: chat when it has a `content` array whose
    /// entries the trace reader accepts. (Anything else stays a value, and the trace check
    /// refuses the line with the trace reader's reason.)
    init(_ value: JSONValue) {
        guard let entries = value["content"]?.arrayValue else {
            self = .legacy(value)
            return
        }
        var text = JSONValue.array(entries).serialized()
        let count = text.count
        text.append(0)
        let chat = text.withUnsafeBufferPointer { buffer -> ChatLogProbEntries? in
            var cursor = JSONCursor(document: buffer.baseAddress!, count: count)
            var chat = ChatLogProbEntries()
            var reader = ChatLogProbEntryReader()
            do {
                try chat.appendArray(at: &cursor, reader: &reader)
                return chat
            } catch {
                return nil
            }
        }
        self = chat.map { .chat($0) } ?? .legacy(value)
    }

    /// The number of tokens: chat entries, or legacy `tokens`.
    var count: Int {
        switch self {
        case .chat(let entries): entries.count
        case .legacy(let value): value["tokens"]?.arrayValue?.count ?? 0
        }
    }

    /// Appends the JSON text a trace line holds under `logprobs`.
    func writeJSON(to output: inout [UInt8]) {
        switch self {
        case .chat(let entries): entries.writeJSON(to: &output)
        case .legacy(let value): value.write(to: &output)
        }
    }

    /// The log-probs as a value (parses the chat entries' text: for inspection, not the hot path).
    var value: JSONValue {
        switch self {
        case .legacy(let value):
            return value
        case .chat(let entries):
            var text: [UInt8] = []
            entries.writeJSON(to: &text)
            // The entries were read by the same grammar, so they parse again.
            return (try? JSONValue(parsing: text)) ?? .null
        }
    }
}
