import Foundation
import Horizon
import HorizonTestSupport

/// What the Markov test model's design says about one sampled output, worked out from its
/// tokens and the transition table alone (no segmenter, no entropy code of the package).
///
/// The model's next-token distribution depends only on the previous token, so the entropy of
/// the distribution step t was drawn from is the table entropy of the state the previous token
/// leads to (the prompt ends in `?`, which leads to the start state, so step 0 has entropy 0).
/// Spans come from the grammar: thinking is the tokens after `<think>` up to `</think>`
/// (exclusive), the answer is every token after `</think>`.
struct DesignedPath {
    /// The decoded tokens of the output.
    var tokens: [String]
    /// Per-step entropy of the designed (untruncated) distribution, natural log (nats).
    var entropies: [Double]
    /// Thinking tokens; to the end when the output was cut off before `</think>`.
    var thinking: Range<Int>?
    /// Answer tokens, `nil` when the output has none.
    var answer: Range<Int>?
    /// The digit after ` \boxed{`, the sampled answer.
    var boxedDigit: String?

    /// - Throws: `TestSupportError` when a state the path visits is not in the table.
    init(tokens: [String], table: MarkovTransitionTable) throws {
        self.tokens = tokens
        var state = table.startState
        entropies = try tokens.map { token in
            guard let row = table.state(named: state) else {
                throw TestSupportError(.unreadableTable, "no state '\(state)' in \(table.model)")
            }
            state = table.state(after: token)
            return row.entropyNats
        }
        let start = tokens.firstIndex(of: table.thinkStart)
        let end = tokens.firstIndex(of: table.thinkEnd)
        if let start {
            thinking = (start + 1)..<(end ?? tokens.count)
        }
        if let end, end + 1 < tokens.count {
            answer = (end + 1)..<tokens.count
        }
        if let boxed = tokens.firstIndex(of: " \\boxed{"), boxed + 1 < tokens.count {
            boxedDigit = tokens[boxed + 1]
        }
    }

    /// Reads the tokens of a trace that has log-probabilities.
    init(trace: Trace, table: MarkovTransitionTable) throws {
        guard let logProbs = trace.logProbs else {
            throw TestSupportError(.malformedResponse, "\(trace.source): no log-probabilities")
        }
        try self.init(tokens: (0..<logProbs.count).map { String(decoding: logProbs.bytes(ofToken: $0), as: UTF8.self) },
                      table: table)
    }

    /// The token range of a segment; `nil` when absent or empty.
    func tokens(_ segment: Segment) -> Range<Int>? {
        let range: Range<Int>? = switch segment {
        case .overall: 0..<tokens.count
        case .thinking: thinking
        case .answer: answer
        }
        guard let range, !range.isEmpty else { return nil }
        return range
    }

    /// Mean per-step entropy over a segment's tokens (nats), `nil` when the segment is absent.
    func meanEntropy(_ segment: Segment) -> Double? {
        guard let range = tokens(segment) else { return nil }
        return entropies[range].reduce(0, +) / Double(range.count)
    }
}

/// The Branching Factor the design gives, with the entropy estimator of docs/branching-factor.md.
enum DesignedBranchingFactor {
    /// One problem's BF of a segment: exp(mean over samples of the mean entropy over the
    /// segment's tokens), over the samples that have the segment; `nil` when none has it.
    static func problem(_ paths: [DesignedPath], _ segment: Segment) -> Double? {
        let means = paths.compactMap { $0.meanEntropy(segment) }
        guard !means.isEmpty else { return nil }
        return exp(means.reduce(0, +) / Double(means.count))
    }

    /// The set's BF: the mean of the problems' BFs (each already exponentiated).
    static func set(_ problems: [[DesignedPath]], _ segment: Segment) -> Double? {
        let values = problems.compactMap { problem($0, segment) }
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }
}

/// Whether `value` equals `expected` to `tolerance` relative.
func isClose(_ value: Double?, _ expected: Double?, relative tolerance: Double = 1e-6) -> Bool {
    guard let value, let expected else { return value == nil && expected == nil }
    return abs(value - expected) <= tolerance * abs(expected)
}
