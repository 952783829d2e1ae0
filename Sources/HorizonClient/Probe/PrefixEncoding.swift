/// How a probe sends the output it keeps.
public enum PrefixEncoding: String, Sendable, CaseIterable {
    /// The trace's own token ids, when it records them and the endpoint takes a prompt mixing
    /// text and ids (``Endpoint/completions`` and ``Endpoint/llamaCppCompletion``: llama.cpp's
    /// server does); otherwise the text, and the probe line says so. A cut then continues from
    /// exactly the sampled tokens: text re-tokenised can come out as other tokens (a word split
    /// where the sampler split it, then merged).
    case tokenIDs = "token-ids"
    /// Always the text of the kept tokens (for servers that refuse mixed prompts, such as vLLM).
    case text

    /// Whether `endpoint` takes a prompt that mixes text and token ids.
    static func acceptsMixedPrompt(_ endpoint: Endpoint) -> Bool {
        endpoint == .completions || endpoint == .llamaCppCompletion
    }
}
