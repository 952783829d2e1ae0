import Foundation

/// The project's two Markov test models in `Datasets/models`.
public enum MarkovTestModel: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The base model: designed branching in the thinking and over the answer digit.
    case base = "markov-base"
    /// The aligned-like twin: the base logits times 3, renormalised (same support, lower entropy).
    case sharpened = "markov-sharpened"

    /// The GGUF file.
    public var modelURL: URL {
        SharedData.packageRoot.appendingPathComponent("Datasets/models/\(rawValue).gguf")
    }

    /// The transition table beside the GGUF file.
    public var tableURL: URL {
        SharedData.packageRoot.appendingPathComponent("Datasets/models/\(rawValue).transitions.json")
    }

    /// The model as a ``LlamaServer`` serves it, under its name as alias.
    public var servedModel: LlamaServer.Model {
        LlamaServer.Model(path: modelURL, alias: rawValue)
    }

    /// Reads the model's transition table.
    ///
    /// - Throws: ``TestSupportError`` with reason `.unreadableTable`.
    public func table() throws -> MarkovTransitionTable {
        try MarkovTransitionTable.load(contentsOf: tableURL)
    }

    /// The model's name, e.g. `markov-base`.
    public var description: String { rawValue }
}
