/// Which end marker closes thinking when an output holds several.
///
/// vLLM's reasoning parsers split at the first end marker; some evaluation harnesses split at
/// the last, so a model that writes `</think>` inside its thinking (quoting the format, say)
/// gets a different answer span under each. Reports state which rule they used.
public enum EndMarkerChoice: String, Sendable, Hashable, Codable, CaseIterable {
    /// The first end marker after the opening marker (vLLM's behaviour; the default).
    case first
    /// The last end marker in the output.
    case last
}
