import HorizonTraces

/// One generated token of a test trace, with its top list, for building server-shaped
/// log-probabilities.
public struct TestStep: Sendable {
    public var token: String
    public var logProb: Double
    /// Raw token bytes to send as `bytes` (`nil`: send `null`).
    public var bytes: [UInt8]?
    /// The top list: (token, log-prob, bytes).
    public var top: [(token: String, logProb: Double, bytes: [UInt8]?)]

    public init(_ token: String, _ logProb: Double, bytes: [UInt8]? = nil, top: [(token: String, logProb: Double, bytes: [UInt8]?)]) {
        self.token = token
        self.logProb = logProb
        self.bytes = bytes
        self.top = top
    }

    /// A step whose top list is `top` (tokens with log-probs, no bytes), the sampled token
    /// being `token`.
    public init(_ token: String, _ logProb: Double, top: KeyValuePairs<String, Double>) {
        self.init(token, logProb, bytes: nil, top: top.map { ($0.key, $0.value, nil) })
    }
}

/// Builders for the line shapes the trace reader accepts.
public enum TraceLines {
    /// `choices[i].logprobs` in the chat shape: `{"content": [{token, logprob, bytes, top_logprobs}]}`.
    public static func chatLogProbs(_ steps: [TestStep]) -> JSONText {
        .members(["content": .array(steps.map(chatEntry))])
    }

    /// One chat-shape entry.
    public static func chatEntry(_ step: TestStep) -> JSONText {
        .members([
            "token": .string(step.token),
            "logprob": .number(step.logProb),
            "bytes": bytesValue(step.bytes),
            "top_logprobs": .array(
                step.top.map { candidate in
                    .members([
                        "token": .string(candidate.token), "logprob": .number(candidate.logProb),
                        "bytes": bytesValue(candidate.bytes),
                    ])
                }),
        ])
    }

    /// `choices[i].logprobs` in the legacy completions shape.
    public static func completionLogProbs(_ steps: [TestStep]) -> JSONText {
        var offset = 0
        var offsets: [JSONText] = []
        for step in steps {
            offsets.append(.integer(offset))
            offset += step.token.count
        }
        return .members([
            "text_offset": .array(offsets),
            "token_logprobs": .array(steps.map { .number($0.logProb) }),
            "tokens": .array(steps.map { .string($0.token) }),
            "top_logprobs": .array(
                steps.map { step in .object(step.top.map { ($0.token, JSONText.number($0.logProb)) }) }),
        ])
    }

    /// A flat trace line: the given members in order, plus `logprobs` when given.
    public static func flat(_ members: KeyValuePairs<String, JSONText>, logProbs: JSONText? = nil) -> JSONText {
        var all = members.map { ($0.key, $0.value) }
        if let logProbs { all.append(("logprobs", logProbs)) }
        return .object(all)
    }

    private static func bytesValue(_ bytes: [UInt8]?) -> JSONText {
        guard let bytes else { return .null }
        return .array(bytes.map { .integer(Int($0)) })
    }
}
