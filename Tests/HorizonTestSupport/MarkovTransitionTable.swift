import Foundation

/// The exact next-token distributions of a Markov test model, as written beside its GGUF file
/// by `scripts/testmodel/make_markov_gguf.py` (`NAME.transitions.json`).
///
/// The model's next-token distribution depends only on the last token: a grammar token leads
/// to the state named in ``tokens``, every other token (BOS, EOS, bytes, prefix pieces) to
/// ``startState``. Log-probabilities and entropies are natural logarithms (nats).
///
/// ```swift
/// let table = try MarkovTestModel.base.table()
/// let state = table.state(after: " we")            // " we"
/// table.logProb(of: " add", inState: state)        // ln 0.38
/// ```
public struct MarkovTransitionTable: Sendable, Equatable, Codable {
    /// What a grammar token is for, when segmenting an output.
    public enum Role: String, Sendable, Equatable, Codable {
        /// `<think>` or `</think>`.
        case marker
        /// A filler word inside the thinking.
        case thinking
        /// ` The`, ` answer`, ` is`, ` \boxed{`, a digit or `}`.
        case answer
        /// The end-of-sequence token (never shown in outputs).
        case control
    }

    /// A token the grammar emits.
    public struct Token: Sendable, Equatable, Codable {
        /// The decoded text, as servers report it (e.g. `" then"`).
        public var text: String
        /// The token id in the model's vocabulary.
        public var id: Int
        /// The state the model is in after emitting this token.
        public var state: String
        /// What the token is for.
        public var role: Role
    }

    /// One possible next token of a state.
    public struct Transition: Sendable, Equatable, Codable {
        /// The decoded text of the next token.
        public var text: String
        /// Its token id.
        public var id: Int
        /// Its log-probability, natural log.
        public var logProb: Double
        /// Its probability.
        public var probability: Double
    }

    /// A state and its full next-token distribution (support listed; all else ``impossibleLogProb``).
    public struct State: Sendable, Equatable, Codable {
        /// The state's name: a grammar token's text, `"digit"` or `"start"`.
        public var name: String
        /// The entropy of the designed distribution, in nats (as the generating script computed it).
        public var entropyNats: Double
        /// The support, most probable first.
        public var next: [Transition]
    }

    /// The table's format tag, `horizon-markov-transitions/1`.
    public var format: String
    /// The GGUF file name the table describes.
    public var model: String
    /// The exponent the base probabilities were raised to before renormalising (1 for the base model).
    public var sharpeningExponent: Double
    /// The number of tokens in the model's vocabulary.
    public var vocabularySize: Int
    /// The log-probability of every token outside a state's support.
    public var impossibleLogProb: Double
    /// The state of any prompt that ends in a non-grammar token; its row puts all mass on `<think>`.
    public var startState: String
    /// The BOS token's text.
    public var bosToken: String
    /// The EOS token's text.
    public var eosToken: String
    /// The thinking start marker, `<think>`.
    public var thinkStart: String
    /// The thinking end marker, `</think>`.
    public var thinkEnd: String
    /// The Jinja chat template stored in the GGUF file.
    public var chatTemplate: String
    /// A human-readable summary of the conventions above.
    public var notes: String
    /// The tokens the grammar emits, EOS last.
    public var tokens: [Token]
    /// Every state with its distribution, start first.
    public var states: [State]

    /// Reads a table from a JSON file.
    ///
    /// - Throws: ``TestSupportError`` with reason `.unreadableTable` naming the file.
    public static func load(contentsOf url: URL) throws -> MarkovTransitionTable {
        do {
            return try JSONDecoder().decode(MarkovTransitionTable.self, from: Data(contentsOf: url))
        } catch {
            throw TestSupportError(.unreadableTable, "\(url.path): \(error)")
        }
    }

    /// The grammar token with this decoded text, if any.
    public func token(_ text: String) -> Token? {
        tokens.first { $0.text == text }
    }

    /// The state named `name`, if any.
    public func state(named name: String) -> State? {
        states.first { $0.name == name }
    }

    /// The state the model is in after emitting the token with decoded text `text`
    /// (``startState`` for any text that is not a grammar token).
    public func state(after text: String) -> String {
        token(text)?.state ?? startState
    }

    /// The designed log-probability (nats) of the token with decoded text `text` in state `state`:
    /// its listed value, or ``impossibleLogProb`` outside the support.
    public func logProb(of text: String, inState state: String) -> Double {
        self.state(named: state)?.next.first { $0.text == text }?.logProb ?? impossibleLogProb
    }
}
