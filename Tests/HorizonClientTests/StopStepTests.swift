import HorizonCommon
import HorizonClient
import Testing

/// The stop step (the end-of-generation token's log-prob entry) is dropped the same way from every
/// shape, so streamed and non-streamed traces have the same tokens (docs/trace-format.md).
@Suite("The stop step")
struct StopStepTests {
    private func entry(_ token: String, bytes: [Int]?) -> JSONValue {
        var entry: JSONValue = ["token": .string(token), "logprob": .number("-0.5"), "top_logprobs": []]
        entry["bytes"] = bytes.map { .array($0.map { .integer($0) }) } ?? .null
        return entry
    }

    private func chat(_ text: String, finish: String, _ entries: [JSONValue]) -> Completion {
        Completion(text: text, finishReason: finish, logprobs: ["content": .array(entries)])
    }

    @Test("llama-server's non-streamed end token (empty token and bytes) is dropped; the stream's shape is left alone")
    func emptyEndToken() {
        let streamed = chat("Hi!", finish: "stop", [entry("Hi", bytes: [72, 105]), entry("!", bytes: [33])])
        let plain = chat("Hi!", finish: "stop", [entry("Hi", bytes: [72, 105]), entry("!", bytes: [33]), entry("", bytes: [])])
        #expect(plain.droppingStopStep() == streamed)
        #expect(streamed.droppingStopStep() == streamed)
    }

    @Test("an end token spelled out (\"<|im_end|>\") after entries that spell the whole text is dropped")
    func spelledEndToken() {
        let spelled = chat("Hi", finish: "stop", [entry("Hi", bytes: nil), entry("<|im_end|>", bytes: nil)])
        #expect(spelled.droppingStopStep() == chat("Hi", finish: "stop", [entry("Hi", bytes: nil)]))
    }

    @Test("an output cut at the length limit, and a last token that is part of the text, keep every entry")
    func nothingToDrop() {
        let cut = chat("Hi", finish: "length", [entry("Hi", bytes: [72, 105]), entry("", bytes: [])])
        #expect(cut.droppingStopStep() == cut)
        // A partial UTF-8 byte token reads "" but has bytes: it is text, not a stop step.
        let partial = chat("H\u{FFFD}", finish: "stop", [entry("H", bytes: [72]), entry("", bytes: [0xE2])])
        #expect(partial.droppingStopStep() == partial)
    }

    @Test("legacy completions: the four arrays lose the same last entry")
    func legacyShape() {
        let logprobs: JSONValue = [
            "tokens": ["Hi", ""], "token_logprobs": [.number("-0.1"), .number("-0.2")],
            "top_logprobs": [["Hi": .number("-0.1")], ["": .number("-0.2")]], "text_offset": [0, 2],
        ]
        let dropped = Completion(text: "Hi", finishReason: "stop", logprobs: logprobs).droppingStopStep()
        #expect(dropped.logprobs == [
            "tokens": ["Hi"], "token_logprobs": [.number("-0.1")],
            "top_logprobs": [["Hi": .number("-0.1")]], "text_offset": [0],
        ])
    }
}

/// llama-server answers a prefilled chat with the prefill at the start of its text but not in its
/// log-probs; the trace keeps only the continuation, as other servers return it.
@Suite("An echoed response prefix")
struct EchoedPrefixTests {
    private let prefix = "Sure! Let's solve this step by step."

    private func answer(_ text: String, tokens: [String]) -> Completion {
        let entries: [JSONValue] = tokens.map { ["token": .string($0), "logprob": .number("-0.1"), "top_logprobs": []] }
        return Completion(text: text, finishReason: "length", logprobs: ["content": .array(entries)])
    }

    @Test("removed when the tokens spell only what follows it")
    func echoed() {
        let echoed = answer(prefix + "\n\n3 + 5 = 8", tokens: ["\n\n", "3", " +", " 5", " =", " 8"])
        #expect(echoed.droppingEchoedPrefix(prefix) == answer("\n\n3 + 5 = 8", tokens: ["\n\n", "3", " +", " 5", " =", " 8"]))
    }

    @Test("kept when the tokens spell it (the model wrote it) or no prefix was sent")
    func notEchoed() {
        let written = answer(prefix + " 8", tokens: [prefix, " 8"])
        #expect(written.droppingEchoedPrefix(prefix) == written)
        #expect(written.droppingEchoedPrefix(nil) == written)
    }
}
