/// The decoding settings sent with every request of a run.
///
/// `nil` for ``topK`` or ``minP`` leaves the server's default; servers' defaults differ
/// (llama.cpp samples with top-k 40 and min-p 0.05 unless told otherwise), so set them when the
/// measured distribution matters.
public struct SamplingParameters: Sendable, Equatable {
    /// Softmax temperature.
    public var temperature: Double
    /// Nucleus (top-p) threshold in (0, 1].
    public var topP: Double
    /// Keep only the k most likely tokens (0 = off, on servers that accept it).
    public var topK: Int?
    /// Drop tokens whose probability is below `minP` times the top token's.
    public var minP: Double?
    /// The most tokens to generate.
    public var maxTokens: Int
    /// How many top candidates to return per token; `nil` asks for no log-probabilities.
    public var topLogprobs: Int?

    public init(
        temperature: Double = 1,
        topP: Double = 1,
        topK: Int? = nil,
        minP: Double? = nil,
        maxTokens: Int = 4096,
        topLogprobs: Int? = 20
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.maxTokens = maxTokens
        self.topLogprobs = topLogprobs
    }
}

extension SamplingParameters {
    /// `{temperature, top_p, top_k, min_p, max_tokens, top_logprobs}` as trace lines and
    /// manifests record them (absent settings as `null`).
    var manifestJSON: JSONValue {
        var json: JSONValue = [:]
        json["temperature"] = .double(temperature) ?? .null
        json["top_p"] = .double(topP) ?? .null
        json["top_k"] = topK.map { .integer($0) } ?? .null
        json["min_p"] = minP.flatMap { .double($0) } ?? .null
        json["max_tokens"] = .integer(maxTokens)
        json["top_logprobs"] = topLogprobs.map { .integer($0) } ?? .null
        return json
    }
}
