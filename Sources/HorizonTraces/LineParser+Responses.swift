import HorizonCommon

/// One entry of a saved response's `choices`.
struct ResponseChoice {
    /// The choice's `index`, or its position when it has none.
    var index: Int
    /// `message.content` (chat) or `text` (completions).
    var text: String?
    /// `message.reasoning` or `message.reasoning_content`.
    var reasoning: String?
    var finishReason: String?
    var logProbs: LogProbsBuilder?
}

extension LineParser {
    /// Parses `choices: [...]` (or `null`) at the cursor.
    mutating func parseChoices() throws -> [ResponseChoice]? {
        if cursor.skipNull() { return nil }
        guard cursor.peek() == ASCII.openBracket else {
            try cursor.skipValue()
            throw LineFault(.invalidField, "choices must be an array")
        }
        var choices: [ResponseChoice] = []
        if try cursor.enterArray() {
            repeat {
                do {
                    choices.append(try parseChoice(position: choices.count))
                } catch {
                    var fault = LineFault.from(error)
                    fault.choice = fault.choice ?? choices.count
                    throw fault
                }
            } while try cursor.nextElement()
        }
        return choices
    }

    private mutating func parseChoice(position: Int) throws -> ResponseChoice {
        guard cursor.peek() == ASCII.openBrace else {
            throw LineFault(.invalidField, "choices[\(position)] must be an object")
        }
        var choice = ResponseChoice(index: position)
        var completionText: String?
        if try cursor.enterObject() {
            repeat {
                let key = try cursor.readKey()
                if cursor.matches(key, "index") {
                    if !cursor.skipNull() {
                        choice.index = try cursor.parseInteger(in: 0...Int(Int32.max), field: "choices[\(position)].index")
                    }
                } else if cursor.matches(key, "message") {
                    try parseMessage(into: &choice, position: position)
                } else if cursor.matches(key, "text") {
                    completionText = try readOptionalText(field: "choices[\(position)].text")
                } else if cursor.matches(key, "finish_reason") {
                    choice.finishReason = try readOptionalText(field: "choices[\(position)].finish_reason")
                } else if cursor.matches(key, "logprobs") {
                    choice.logProbs = try parseLogProbs()
                } else {
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
        }
        choice.text = choice.text ?? completionText
        return choice
    }

    /// `message: {content, reasoning, reasoning_content}` (or `null`).
    private mutating func parseMessage(into choice: inout ResponseChoice, position: Int) throws {
        if cursor.skipNull() { return }
        guard cursor.peek() == ASCII.openBrace else {
            try cursor.skipValue()
            throw LineFault(.invalidField, "choices[\(position)].message must be an object")
        }
        var reasoningContent: String?
        if try cursor.enterObject() {
            repeat {
                let key = try cursor.readKey()
                if cursor.matches(key, "content") {
                    choice.text = try readOptionalText(field: "choices[\(position)].message.content")
                } else if cursor.matches(key, "reasoning") {
                    choice.reasoning = try readOptionalText(field: "choices[\(position)].message.reasoning")
                } else if cursor.matches(key, "reasoning_content") {
                    reasoningContent = try readOptionalText(field: "choices[\(position)].message.reasoning_content")
                } else {
                    try cursor.skipValue()
                }
            } while try cursor.nextMember()
        }
        choice.reasoning = choice.reasoning ?? reasoningContent
    }

    /// A string value decoded, or `nil` for `null`.
    private mutating func readOptionalText(field: @autoclosure () -> String) throws -> String? {
        guard let raw = try readOptionalRawString(field: field()) else { return nil }
        return cursor.decodeText(raw, scratch: &textScratch)
    }

    /// One trace per choice.
    ///
    /// Sample indices: with a top-level `sample_index` s, choice i is sample s + i. Without
    /// one, a response holding several choices numbers them by their `index`; a lone choice
    /// gets none (the reader gives it the problem's next free index), because servers that
    /// ignore `n` (llama-cpp-python) answer every request with a choice 0, and a file of such
    /// responses holds many samples of one problem.
    func responseTraces(
        _ choices: [ResponseChoice], shared: SharedFields, location: SourceLocation
    ) throws -> [ParsedTrace] {
        var traces: [ParsedTrace] = []
        traces.reserveCapacity(choices.count)
        for choice in choices {
            var sample = shared
            if let base = shared.sampleIndex {
                sample.sampleIndex = base + choice.index
            } else {
                sample.sampleIndex = choices.count > 1 ? choice.index : nil
            }
            sample.reasoning = choice.reasoning ?? shared.reasoning
            sample.finishReason = choice.finishReason ?? shared.finishReason
            var place = location
            place.choice = choice.index
            traces.append(try trace(text: choice.text, logProbs: choice.logProbs, shared: sample, location: place))
        }
        return traces
    }
}
