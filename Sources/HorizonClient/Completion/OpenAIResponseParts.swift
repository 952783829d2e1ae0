import HorizonCommon
import HorizonTraces

/// The parts of an OpenAI-shaped answer (chat or legacy completions), gathered with the shared
/// byte scanner from one whole response (`choices[0].message`) or from the chunks of a stream
/// (`choices[0].delta`), without building a DOM: text and thinking are decoded into growing
/// buffers, chat log-prob entries kept as the server's text (``ChatLogProbEntries``). Only the
/// rare legacy log-prob shape and error objects are read into a ``JSONValue``.
///
/// Each document's syntax is checked whole; values the completion does not need are skipped.
struct OpenAIResponseParts {
    let endpoint: Endpoint
    /// Whether the documents are a stream's chunks (legacy arrays are then concatenated).
    let streamed: Bool
    private var text: [UInt8] = []
    private var reasoning: [UInt8]?
    private(set) var finishReason: String?
    private var promptTokens: Int?
    private var completionTokens: Int?
    private var model: String?
    private var chatEntries = ChatLogProbEntries()
    private var entryReader = ChatLogProbEntryReader()
    private var sawChatLogProbs = false
    private var legacyLogProbs: [JSONValue] = []

    /// The legacy completions arrays, in the order a trace writes them.
    private static let legacyKeys = ["tokens", "token_logprobs", "top_logprobs", "text_offset"]

    init(endpoint: Endpoint, streamed: Bool) {
        self.endpoint = endpoint
        self.streamed = streamed
    }

    /// What one document held besides the parts, for the caller's checks.
    struct DocumentShape {
        /// The top-level `error` member, when there was one.
        var error: JSONValue?
        /// Whether `choices` was a non-empty array.
        var hasChoice = false
        /// Whether the first choice had a `message` (chat) object or a `text` (completions) string.
        var choiceHasOutput = false
    }

    /// Reads the document `base[0..<count]` (`base[count]` must be a readable NUL) and adds its
    /// parts.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/malformedResponse`` for invalid JSON,
    ///   ``ClientError/Reason/notACompletion`` for log-probs of an unknown shape,
    ///   ``ClientError/Reason/unusableCompletion`` for a log-prob entry `analyze` would refuse.
    mutating func consume(_ base: UnsafePointer<UInt8>, count: Int) throws(ClientError) -> DocumentShape {
        var cursor = JSONCursor(document: base, count: count)
        do {
            let shape = try readDocument(&cursor)
            try cursor.expectEndOfLine()
            return shape
        } catch let error as JSONSyntaxError {
            throw ClientError(syntax: error)
        } catch let error as ClientError {
            throw error
        } catch let error as TraceError {
            throw ClientError(.unusableCompletion, "the server's answer is not a valid trace: \(error.message)")
        } catch {
            throw ClientError(.malformedResponse, "\(error)")
        }
    }

    /// The completion the documents so far make.
    ///
    /// - Parameter document: the whole response, when the documents were one (not a stream's
    ///   chunks): its log-prob entries are kept in it rather than copied.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/notACompletion`` when a stream mixed
    ///   both log-prob shapes.
    func completion(adopting document: [UInt8]? = nil) throws(ClientError) -> Completion {
        var completion = Completion(
            text: String(decoding: text, as: UTF8.self),
            reasoning: reasoning.map { String(decoding: $0, as: UTF8.self) },
            finishReason: finishReason,
            promptTokens: promptTokens,
            completionTokens: completionTokens,
            model: model
        )
        if sawChatLogProbs {
            guard legacyLogProbs.isEmpty else {
                throw ClientError(.notACompletion, "the stream mixed chat and legacy log-probability shapes")
            }
            var entries = chatEntries
            if let document { entries.adopt(document) }
            completion.recordedLogProbs = .chat(entries)
        } else if !legacyLogProbs.isEmpty {
            if !streamed, let whole = legacyLogProbs.first {
                completion.recordedLogProbs = .legacy(whole)
            } else {
                completion.recordedLogProbs = .legacy(.object(Self.legacyKeys.map { key in
                    (key, JSONValue.array(legacyLogProbs.flatMap { $0[key]?.arrayValue ?? [] }))
                }))
            }
        }
        return completion
    }

    // MARK: Reading

    private mutating func readDocument(_ cursor: inout JSONCursor) throws -> DocumentShape {
        var shape = DocumentShape()
        guard cursor.peek() == ASCII.openBrace else {
            _ = try cursor.scanValue()
            return shape
        }
        guard try cursor.enterObject() else { return shape }
        repeat {
            let key = try cursor.readKey()
            if cursor.matches(key, "choices"), cursor.peek() == ASCII.openBracket {
                guard try cursor.enterArray() else { continue }
                shape.hasChoice = true
                shape.choiceHasOutput = try readChoice(&cursor)
                while try cursor.nextElement() { try cursor.skipValue() }
            } else if cursor.matches(key, "model"), cursor.peek() == ASCII.quote {
                let name = try cursor.scanString()
                if model == nil { model = cursor.decodeText(name, scratch: &scratch) }
            } else if cursor.matches(key, "usage"), cursor.peek() == ASCII.openBrace {
                try readUsage(&cursor)
            } else if cursor.matches(key, "error") {
                shape.error = try cursor.parseValue(depth: 0, maximumDepth: 64)
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        return shape
    }

    /// Reused for the few short strings decoded to text.
    private var scratch: [UInt8] = []

    private mutating func readUsage(_ cursor: inout JSONCursor) throws {
        guard try cursor.enterObject() else { return }
        repeat {
            let key = try cursor.readKey()
            if cursor.matches(key, "prompt_tokens") {
                promptTokens = try Self.readCount(&cursor) ?? promptTokens
            } else if cursor.matches(key, "completion_tokens") {
                completionTokens = try Self.readCount(&cursor) ?? completionTokens
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
    }

    /// A whole number (`3` or `3.0`), or `nil` (the value skipped) for anything else.
    private static func readCount(_ cursor: inout JSONCursor) throws -> Int? {
        let next = cursor.peek()
        guard next == ASCII.minus || next &- ASCII.zero <= 9 else {
            try cursor.skipValue()
            return nil
        }
        let value = try cursor.parseDouble()
        guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// Reads the first choice; returns whether it had the endpoint's output member.
    private mutating func readChoice(_ cursor: inout JSONCursor) throws -> Bool {
        guard cursor.peek() == ASCII.openBrace else {
            _ = try cursor.scanValue()
            return false
        }
        var hasOutput = false
        guard try cursor.enterObject() else { return false }
        repeat {
            let key = try cursor.readKey()
            if endpoint == .chat, cursor.matches(key, streamed ? "delta" : "message"), cursor.peek() == ASCII.openBrace {
                hasOutput = true
                try readMessage(&cursor)
            } else if endpoint != .chat, cursor.matches(key, "text"), cursor.peek() == ASCII.quote {
                hasOutput = true
                cursor.decode(try cursor.scanString(), into: &text)
            } else if cursor.matches(key, "finish_reason"), cursor.peek() == ASCII.quote {
                finishReason = cursor.decodeText(try cursor.scanString(), scratch: &scratch)
            } else if cursor.matches(key, "logprobs") {
                try readLogProbs(&cursor)
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        return hasOutput
    }

    /// A chat `message` or `delta`: its `content`, and its thinking under either name servers use
    /// (`reasoning_content` preferred to `reasoning`).
    private mutating func readMessage(_ cursor: inout JSONCursor) throws {
        guard try cursor.enterObject() else { return }
        var thinking: RawString?
        var thinkingIsPreferred = false
        repeat {
            let key = try cursor.readKey()
            if cursor.matches(key, "content"), cursor.peek() == ASCII.quote {
                cursor.decode(try cursor.scanString(), into: &text)
            } else if cursor.matches(key, "reasoning_content"), cursor.peek() == ASCII.quote {
                thinking = try cursor.scanString()
                thinkingIsPreferred = true
            } else if !thinkingIsPreferred, cursor.matches(key, "reasoning"), cursor.peek() == ASCII.quote {
                thinking = try cursor.scanString()
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        if let thinking {
            var piece = reasoning ?? []
            cursor.decode(thinking, into: &piece)
            reasoning = piece
        }
    }

    /// A choice's `logprobs`: `null`; the chat shape (`content` an array, or `null` for none);
    /// or the legacy shape (`tokens` an array).
    private mutating func readLogProbs(_ cursor: inout JSONCursor) throws {
        if cursor.skipNull() { return }
        let start = cursor.position
        var contentIsNull = false
        var isLegacy = false
        var isChat = false
        var otherMembers: [Range<Int>] = []
        if cursor.peek() == ASCII.openBrace, try cursor.enterObject() {
            repeat {
                let key = try cursor.readKey()
                if cursor.matches(key, "content"), cursor.peek() == ASCII.openBracket {
                    isChat = true
                    // A whole response's entries stay where they are, in the response the
                    // completion adopts.
                    try chatEntries.appendArray(at: &cursor, reader: &entryReader, inPlace: !streamed)
                } else if cursor.matches(key, "content"), cursor.skipNull() {
                    contentIsNull = true
                } else {
                    if cursor.matches(key, "tokens"), cursor.peek() == ASCII.openBracket { isLegacy = true }
                    try cursor.skipValue()
                    // A whole response's object is kept whole; a stream's chunks would repeat these.
                    if !streamed { otherMembers.append((key.start - 1)..<cursor.position) }
                }
            } while try cursor.nextMember()
        } else {
            _ = try cursor.scanValue()
        }
        if isChat {
            sawChatLogProbs = true
            for member in otherMembers { chatEntries.appendOtherMember(cursor.bytes(member.lowerBound, member.upperBound)) }
        } else if isLegacy {
            let end = cursor.position
            cursor.position = start
            legacyLogProbs.append(try cursor.parseValue(depth: 0, maximumDepth: 64))
            cursor.position = end
        } else if !contentIsNull {
            let end = cursor.position
            cursor.position = start
            let value = try cursor.parseValue(depth: 0, maximumDepth: 64)
            cursor.position = end
            throw ClientError(.notACompletion, "log-probabilities in an unknown shape: \(CompletionDecoder.preview(value))")
        }
    }
}
