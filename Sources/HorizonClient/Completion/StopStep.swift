import HorizonCommon

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
        guard finishReason == "stop", let recordedLogProbs else { return self }
        var completion = self
        switch recordedLogProbs {
        case .chat(var entries):
            guard entries.count > 0 else { return self }
            let last = entries.count - 1
            if entries.spelling(at: last).isEmpty || entries.spelling(ofFirst: last).elementsEqual(text.utf8) {
                entries.removeLast()
                completion.recordedLogProbs = .chat(entries)
            }
        case .legacy(let logprobs):
            guard let tokens = logprobs["tokens"]?.arrayValue, let last = tokens.last else { return self }
            let before = tokens.dropLast().map { Array(($0.stringValue ?? "").utf8) }
            if (last.stringValue ?? "").isEmpty || before.joined().elementsEqual(completion.text.utf8) {
                completion.recordedLogProbs = .legacy(.object(logprobs.objectMembers?.map { member -> (key: String, value: JSONValue) in
                    // The four legacy arrays run side by side: shorten each by the same entry.
                    guard let values = member.value.arrayValue, values.count == tokens.count else { return member }
                    return (member.key, .array(Array(values.dropLast())))
                } ?? []))
            }
        }
        return completion
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
        if case .chat(let entries) = recordedLogProbs {
            guard entries.spelling(ofFirst: entries.count).elementsEqual(rest.utf8) else { return self }
        }
        var completion = self
        completion.text = rest
        return completion
    }
}
