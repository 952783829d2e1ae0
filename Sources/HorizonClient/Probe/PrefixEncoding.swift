/// How a probe sends the output it keeps.
public enum PrefixEncoding: String, Sendable, CaseIterable {
    /// The trace's own token ids, when it records them and the endpoint takes a prompt mixing
    /// text and ids (``Endpoint/completions`` and ``Endpoint/llamaCppCompletion``: llama.cpp's
    /// server does); otherwise the text, and the probe line says so. A cut then continues from
    /// exactly the sampled tokens: text re-tokenised can come out as other tokens (a word split
    /// where the sampler split it, then merged).
    case tokenIDs = "token-ids"
    /// One prompt of token ids only, for servers that take a list of ids but not a mix (vLLM,
    /// SGLang's `/generate`):
    /// the text parts (the rendered prompt, the forcing text) tokenised by the server's own
    /// `/tokenize` ([`PromptTokenizer`]), around the trace's own ids. The ids and the special
    /// tokens are those the mixed prompt gives: a start token (BOS) only before the prompt, when
    /// the model adds one. Falls back to text, said per line, where the trace has no ids.
    case allTokenIDs = "all-token-ids"
    /// Always the text of the kept tokens (for servers that take no token ids).
    case text

    /// Whether `endpoint` takes a prompt that mixes text and token ids.
    static func acceptsMixedPrompt(_ endpoint: Endpoint) -> Bool {
        endpoint == .completions || endpoint == .llamaCppCompletion
    }

    /// Whether `endpoint` takes a prompt that is a list of token ids (vLLM's and llama.cpp's
    /// completions; SGLang's `/generate` as `input_ids`).
    static func acceptsTokenList(_ endpoint: Endpoint) -> Bool {
        endpoint == .completions || endpoint == .llamaCppCompletion || endpoint == .sglangGenerate
    }
}
