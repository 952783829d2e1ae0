/// What an output without an end marker holds, per model family.
///
/// An output stops without closing its thinking when it hit the length limit, or when the model
/// did not think at all. Families differ in which is likelier, and the inference servers'
/// reasoning parsers differ to match.
public enum MissingEndMarkerRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything after the opening marker (or the whole output) is thinking, the answer is
    /// empty, and the output is flagged truncated. DeepSeek-R1 and most thinking-only models:
    /// a `\boxed{}` inside unfinished thinking is then never graded as the answer.
    case allThinking
    /// The whole output is the answer and there is no thinking (GLM-4.5, as vLLM parses it).
    case allAnswer
    /// All thinking (truncated) when the output opened thinking itself, else all answer. For
    /// hybrid models such as Qwen3, whose output has no markers at all when thinking is off.
    case thinkingIfOpened
}
