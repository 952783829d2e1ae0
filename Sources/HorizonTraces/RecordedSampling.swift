/// The decoding settings a trace line records under `sampling` (what `horizon sample` sent),
/// so that analysis can rebuild the distribution the sampler drew from. `nil` means the line
/// does not state the setting (the server's default applied).
public struct RecordedSampling: Sendable, Hashable {
    public var temperature: Double?
    public var topP: Double?
    /// `0` or a negative value means off.
    public var topK: Int?
    /// Relative min-p, as vLLM and llama.cpp apply it (`0` means off).
    public var minP: Double?
    /// `repetition_penalty` or `repeat_penalty` (`1` means off).
    public var repetitionPenalty: Double?

    public init(
        temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, minP: Double? = nil,
        repetitionPenalty: Double? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
    }
}
