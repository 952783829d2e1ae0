extension Completion {
    /// The vocabulary ids of the tokens that spell the output (`reasoning` then `text`), so that
    /// a later request can continue from exactly these tokens instead of their text
    /// re-tokenised (a budget-forcing extension).
    ///
    /// `nil` when the server sent no id with every log-prob entry (vLLM, OpenAI; llama.cpp's
    /// server and SGLang's `/generate` do send them), or when the entries do not spell the output
    /// byte for byte: llama.cpp's server cuts the text at a stop string but drops as many
    /// entries as the stop string has tokens of its own, which differs when the model wrote it
    /// in other tokens.
    var outputTokenIDs: [Int]? {
        guard case .chat(let entries) = recordedLogProbs, let ids = entries.tokenIDs else { return nil }
        let output = (reasoning ?? "") + text
        guard entries.spelling(ofFirst: entries.count).elementsEqual(output.utf8) else { return nil }
        return ids
    }
}
