extension Completion {
    /// The vocabulary ids of the tokens that spell the output (`reasoning` then `text`), so that
    /// a later request can continue from exactly these tokens instead of their text
    /// re-tokenised (a budget-forcing extension).
    ///
    /// `nil` when the server sent no id with every log-prob entry (vLLM, OpenAI; llama.cpp's
    /// server and SGLang's `/generate` do send them), or when the ids cannot be trusted to be
    /// the output's tokens:
    /// - the entries do not spell the output byte for byte: llama.cpp's server cuts the text at
    ///   a stop string but drops as many entries as the stop string has tokens of its own, which
    ///   differs when the model wrote it in other tokens;
    /// - an entry spells nothing: llama.cpp's server holds back text that could begin the stop
    ///   string, gives that token's entry no bytes, and hands the text to a later entry, or, in
    ///   a stream cut at the token limit, never sends it; the text then lacks a token the ids
    ///   have.
    var outputTokenIDs: [Int]? {
        guard case .chat(let entries) = recordedLogProbs, let ids = entries.tokenIDs else { return nil }
        let output = (reasoning ?? "") + text
        guard entries.spelling(ofFirst: entries.count).elementsEqual(output.utf8),
            (0..<entries.count).allSatisfy({ !entries.spelling(at: $0).isEmpty })
        else { return nil }
        return ids
    }
}
