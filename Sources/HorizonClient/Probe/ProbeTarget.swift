import HorizonTraces
import HorizonCommon

/// A sampled output to probe: the prompt it came from, its output tokens, and where its
/// thinking lies among them.
///
/// The thinking range is what segmentation reports (HorizonSegments' `thinkingTokens`: the
/// tokens after the opening marker up to the end marker); a truncation probe keeps the tokens
/// before the range (e.g. the opening marker) and the first L tokens of it.
public struct ProbeTarget: Sendable, Equatable {
    public var problemID: String
    public var sampleIndex: Int
    /// The prompt the output was sampled from (the trace's `prompt`).
    public var prompt: String
    public var gold: String?
    /// The bytes of each output token, in order.
    public var tokens: [[UInt8]]
    /// The token indices of the thinking.
    public var thinkingTokens: Range<Int>
    /// The vocabulary id of each output token, when the trace records them (llama.cpp's `id`):
    /// a probe then sends its kept prefix as these ids instead of their text.
    public var tokenIDs: [Int]?

    public init(problemID: String, sampleIndex: Int, prompt: String, gold: String? = nil, tokens: [[UInt8]],
                thinkingTokens: Range<Int>, tokenIDs: [Int]? = nil) {
        self.problemID = problemID
        self.sampleIndex = sampleIndex
        self.prompt = prompt
        self.gold = gold
        self.tokens = tokens
        self.thinkingTokens = thinkingTokens
        self.tokenIDs = tokenIDs
    }

    /// The target for a trace with log-probabilities (for its tokens) and a prompt.
    ///
    /// - Parameters:
    ///   - trace: the sampled output.
    ///   - thinkingTokens: its thinking's token range, from segmentation.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidConfiguration`` when the trace
    ///   has no tokens or no prompt, or the range does not fit.
    public init(trace: Trace, thinkingTokens: Range<Int>) throws(ClientError) {
        guard let logProbs = trace.logProbs, let prompt = trace.prompt else {
            throw ClientError(.invalidConfiguration, "probing needs the trace's tokens and prompt", location: trace.source)
        }
        guard thinkingTokens.upperBound <= logProbs.count else {
            throw ClientError(
                .invalidConfiguration,
                "thinking tokens \(thinkingTokens) exceed the trace's \(logProbs.count) tokens",
                location: trace.source
            )
        }
        self.init(
            problemID: trace.problemID,
            sampleIndex: trace.sampleIndex ?? 0,
            prompt: prompt,
            gold: trace.gold,
            tokens: (0..<logProbs.count).map { Array(logProbs.bytes(ofToken: $0)) },
            thinkingTokens: thinkingTokens,
            tokenIDs: logProbs.tokenIDs.count == logProbs.count && logProbs.count > 0 ? logProbs.tokenIDs.map(Int.init) : nil
        )
    }

    /// The text of the first `count` output tokens (their bytes joined, then decoded; a
    /// character split at the cut becomes U+FFFD).
    public func text(ofFirst count: Int) -> String {
        String(decoding: tokens.prefix(count).joined(), as: UTF8.self)
    }

    /// The canonical JSON a run's checksum is computed from.
    var canonicalJSON: JSONValue {
        [
            "problem_id": .string(problemID),
            "sample_index": .integer(sampleIndex),
            "prompt": .string(prompt),
            "tokens": .array(tokens.map { .array($0.map { .integer($0) }) }),
            "thinking": [.integer(thinkingTokens.lowerBound), .integer(thinkingTokens.upperBound)],
        ]
    }
}
