import HorizonCommon

/// A part of a completions prompt: text the server tokenises, or token ids it takes as they are.
///
/// llama.cpp's server reads a prompt array that mixes strings and integers as one prompt
/// (`["<|user|>…", 7042, 30, "</think>"]`), so a probe can send the prompt as text and the kept
/// output as the very tokens that were sampled.
public enum PromptPiece: Sendable, Equatable {
    case text(String)
    case tokenIDs([Int])

    /// Whether it adds nothing to the prompt (an empty text, no ids).
    var isEmpty: Bool {
        switch self {
        case .text(let text): text.isEmpty
        case .tokenIDs(let ids): ids.isEmpty
        }
    }

    var json: [JSONValue] {
        switch self {
        case .text(let text): text.isEmpty ? [] : [.string(text)]
        case .tokenIDs(let ids): ids.map { .integer($0) }
        }
    }
}
