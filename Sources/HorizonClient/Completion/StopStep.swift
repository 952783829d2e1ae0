extension Completion {
    /// The completion without its stop step: the log-prob entry some servers add for the
    /// end-of-generation token that ended the output. Horizon drops it everywhere, so a trace's
    /// tokens, spans and BF are the same whether the output was streamed or not and whichever
    /// server produced it.
    ///
    /// Only the tokens that make up the text are counted, because that is the one thing every
    /// server reports in every mode: llama-server lists the stop step in a non-streamed answer
    /// (an entry with empty text) but not in its stream, and llama-cpp-python never lists it
    /// (docs/trace-format.md, "The stop step").
    ///
    /// An output that stopped (`finish_reason` `stop`) has a stop step when its last log-prob
    /// entry spells nothing (empty bytes, or empty text without bytes), or when the entries
    /// before it already spell the whole text (a server that spells the end token, e.g.
    /// `<|im_end|>`). Outputs cut at the length limit never have one.
    public func droppingStopStep() -> Completion {
        guard finishReason == "stop", let logprobs else { return self }
        var completion = self
        if let entries = logprobs["content"]?.arrayValue, let last = entries.last {
            let before = entries.dropLast()
            if spelling(of: last).isEmpty || before.flatMap(spelling(of:)) == Array(completion.text.utf8) {
                var shortened = logprobs
                shortened["content"] = .array(Array(before))
                completion.logprobs = shortened
            }
        } else if let tokens = logprobs["tokens"]?.arrayValue, let last = tokens.last {
            let before = tokens.dropLast().map { Array(($0.stringValue ?? "").utf8) }
            if (last.stringValue ?? "").isEmpty || before.joined().elementsEqual(completion.text.utf8) {
                completion.logprobs = .object(logprobs.objectMembers?.map { member -> (key: String, value: JSONValue) in
                    // The four legacy arrays run side by side: shorten each by the same entry.
                    guard let values = member.value.arrayValue, values.count == tokens.count else { return member }
                    return (member.key, .array(Array(values.dropLast())))
                } ?? [])
            }
        }
        return completion
    }

    /// The bytes an OpenAI chat log-prob entry stands for: its `bytes` when given, else its
    /// token's UTF-8.
    fileprivate func spelling(of entry: JSONValue) -> [UInt8] {
        if let bytes = entry["bytes"]?.arrayValue {
            return bytes.compactMap { $0.intValue.flatMap { UInt8(exactly: $0) } }
        }
        return Array((entry["token"]?.stringValue ?? "").utf8)
    }
}

extension Completion {
    /// The completion without `responsePrefix` at the start of its text, when the server echoed
    /// it: llama-server's chat answer to a prefilled assistant message starts with the prefill,
    /// while its log-probs cover only the continuation. The text is then the continuation the
    /// tokens spell, as from servers that return only the continuation.
    ///
    /// With log-probs the prefix is removed only when the tokens spell the rest exactly, so an
    /// output that happens to repeat the prefix keeps it.
    public func droppingEchoedPrefix(_ responsePrefix: String?) -> Completion {
        guard let responsePrefix, text.hasPrefix(responsePrefix) else { return self }
        let rest = String(text.dropFirst(responsePrefix.count))
        if let entries = logprobs?["content"]?.arrayValue {
            guard entries.flatMap(spelling(of:)) == Array(rest.utf8) else { return self }
        }
        var completion = self
        completion.text = rest
        return completion
    }
}
