import Foundation
import HorizonClient
import HorizonCommon
import HorizonTestSupport
import Testing

/// Budget-forcing extensions sent back as the token ids the server sampled, against a loopback
/// server that answers as llama.cpp's `/v1/completions` does (log-prob entries with `id`) and
/// tokenises by a rule the test knows, so every prompt can be written out by hand.
@Suite("Budget-forcing extensions as token ids")
struct BudgetChainTokenIDsTests {
    /// `<think>`, four thinking tokens, `</think>`, an answer token, with ids 10…16.
    static let target = ProbeTarget(
        problemID: "p1", sampleIndex: 0, prompt: "2+2?", gold: "4",
        tokens: ["<think>", " a", " b", " c", " d", "</think>", " 4"].map { Array($0.utf8) }, thinkingTokens: 1..<5,
        tokenIDs: Array(10...16))
    static let rendered = "U: 2+2?\nA:"
    static let forced = "</think>\n Answer:"

    /// The loopback server's tokeniser: a token per byte, id 1000 + byte, and 1 (a BOS) first
    /// when special tokens are added.
    static func tokens(_ text: String, special: Bool = false) -> [Int] {
        (special ? [1] : []) + text.utf8.map { 1000 + Int($0) }
    }

    /// An entry as llama.cpp's server writes it, with or without its id.
    static func entry(_ token: String, id: Int?) -> String {
        let idMember = id.map { #""id":\#($0),"# } ?? ""
        let candidate = #"{\#(idMember)"token":\#(JSONValue.string(token).jsonText),"logprob":-0.5}"#
        return #"{\#(idMember)"token":\#(JSONValue.string(token).jsonText),"logprob":-0.5,"top_logprobs":[\#(candidate)]}"#
    }

    /// Extensions (requests with `stop`) answer " e" + their request index as two tokens, ids
    /// 100 + index and 200 + index (none with `ids: false`); answers " 4"; `/tokenize` by
    /// ``tokens(_:special:)``.
    static func script(ids: Bool, heldBack: Bool = false) -> FaultyServer.Script {
        { index, request in
            if request.uri == "/tokenize" {
                let text = request.json?["content"]?.stringValue ?? ""
                let special = request.json?["add_special"] == true
                return .json(JSONValue.object([("tokens", .array(tokens(text, special: special).map { .integer($0) }))]).jsonText)
            }
            let isExtension = request.json?["stop"] != nil
            let text = isExtension ? " e\(index)" : " 4"
            // Held back as llama.cpp's server holds text that could begin the stop string: the
            // first token's entry spells nothing, the second the text of both.
            let entries = isExtension
                ? [entry(heldBack ? "" : " e", id: ids ? 100 + index : nil), entry((heldBack ? " e" : "") + "\(index)", id: ids ? 200 + index : nil)]
                : [entry(" 4", id: ids ? 4 : nil)]
            return .json(#"{"object":"text_completion","choices":[{"index":0,"text":\#(JSONValue.string(text).jsonText),"logprobs":{"content":[\#(entries.joined(separator: ","))]},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":\#(entries.count)}}"#)
        }
    }

    /// SGLang's `/generate` answering as ``script(ids:)`` does: `[logprob, id, text]` triples.
    static let sglangScript: FaultyServer.Script = { index, request in
        if request.uri == "/tokenize" { return script(ids: true)(index, request) }
        let isExtension = request.json?["sampling_params"]?["stop"] != nil
        let text = isExtension ? " e\(index)" : " 4"
        let steps = isExtension ? [#"[-0.5,\#(100 + index)," e"]"#, #"[-0.5,\#(200 + index),"\#(index)"]"#] : [#"[-0.5,4," 4"]"#]
        let top = steps.map { "[\($0)]" }
        return .json(#"{"text":\#(JSONValue.string(text).jsonText),"meta_info":{"finish_reason":{"type":"stop","matched":"</think>"},"prompt_tokens":5,"completion_tokens":\#(steps.count),"output_token_logprobs":[\#(steps.joined(separator: ","))],"output_top_logprobs":[\#(top.joined(separator: ","))]}}"#)
    }

    static func config(_ server: FaultyServer, encoding: PrefixEncoding, endpoint: Endpoint = .completions, out: String) -> ProbeConfig {
        ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL], model: "m", endpoint: endpoint,
                parameters: SamplingParameters(maxTokens: 50, topLogprobs: 1), timeouts: shortTimeouts, retryPolicy: fastRetries),
            run: RunSettings(seed: 4, concurrency: 1, outputPath: out),
            targets: [target], lengths: [], samplesPerProbe: 1, forcingText: "</think>\n", answerPrefix: " Answer:",
            answerMaxTokens: 5, promptTemplate: "U: {prompt}\nA:", prefixEncoding: encoding, budgetForce: 2)
    }

    static func run(ids: Bool, heldBack: Bool = false, encoding: PrefixEncoding, endpoint: Endpoint = .completions)
        async throws -> (prompts: [JSONValue?], bodies: [JSONValue], lines: [JSONValue], tokenizeCalls: Int)
    {
        let out = try SharedData.temporaryDirectory("budget-ids").appendingPathComponent("probes.jsonl").path
        return try await FaultyServer.with(endpoint == .sglangGenerate ? sglangScript : script(ids: ids, heldBack: heldBack)) { server in
            let summary = try await ProbeRun.run(config: config(server, encoding: encoding, endpoint: endpoint, out: out))
            #expect(summary.written == 1)
            let bodies = server.requests.filter { $0.uri != "/tokenize" }.compactMap(\.json)
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
            return (bodies.map { $0["prompt"] }, bodies, lines, server.requests.count - bodies.count)
        }
    }

    /// A prompt of text and ids as the request body holds it.
    static func mixed(_ pieces: [Any]) -> JSONValue {
        .array(pieces.map { ($0 as? String).map { JSONValue.string($0) } ?? .integer($0 as! Int) })
    }

    @Test("with --prefix-as token-ids, step k sends step k−1's prompt, its extension's sampled ids, then the wait string")
    func mixedPrompt() async throws {
        let (prompts, _, lines, tokenizeCalls) = try await Self.run(ids: true, encoding: .tokenIDs)
        let kept: [Any] = [Self.rendered] + Array(10...14)
        // The requests in order: answer 0 (0), extension 1 (1), answer 1 (2), extension 2 (3), answer 2 (4).
        #expect(prompts == [
            Self.mixed(kept + [Self.forced]),
            Self.mixed(kept + ["Wait"]),
            Self.mixed(kept + ["Wait", 101, 201, Self.forced]),
            Self.mixed(kept + ["Wait", 101, 201, "Wait"]),
            Self.mixed(kept + ["Wait", 101, 201, "Wait", 103, 203, Self.forced]),
        ])
        #expect(tokenizeCalls == 0)
        #expect(lines.map { $0["probe"]?["prefix_sent_as"]?.stringValue } == Array(repeating: "token-ids", count: 5))
        #expect(lines.map { $0["probe"]?["extensions_sent_as"] } == [[], [], ["token-ids"], ["token-ids"], ["token-ids", "token-ids"]])
        // The recorded prefix is still the text the prompt spells.
        #expect(lines[4]["prefix"]?.stringValue == "<think> a b c dWait e1Wait e3" + Self.forced)
    }

    /// The five all-id prompts of a chain of two waits: the kept ids, then the wait string's and
    /// each extension's ids, then the forcing text's.
    static var allIDPrompts: [[Int]] {
        let kept = tokens(rendered, special: true) + Array(10...14)
        let wait = tokens("Wait")
        let forced = tokens(Self.forced)
        return [
            kept + forced, kept + wait, kept + wait + [104, 204] + forced, kept + wait + [104, 204] + wait,
            kept + wait + [104, 204] + wait + [106, 206] + forced,
        ]
    }

    @Test("with --prefix-as all-token-ids, the wait string goes as the server's ids of it, asked once")
    func allIDPrompt() async throws {
        let (prompts, _, lines, tokenizeCalls) = try await Self.run(ids: true, encoding: .allTokenIDs)
        // The three /tokenize calls come first: the extensions are requests 4 and 6.
        let expected = Self.allIDPrompts
        #expect(prompts == expected.map { .array($0.map { .integer($0) }) })
        // The rendered prompt, the wait string, the forcing text: three texts, each asked once.
        #expect(tokenizeCalls == 3)
        #expect(lines.map { $0["probe"]?["prefix_sent_as"]?.stringValue } == Array(repeating: "all-token-ids", count: 5))
        #expect(lines[4]["probe"]?["extensions_sent_as"] == ["token-ids", "token-ids"])
    }

    @Test("a server whose log-probs carry no ids gets the extensions as text, and the lines say so")
    func withoutIDs() async throws {
        let (prompts, _, lines, _) = try await Self.run(ids: false, encoding: .tokenIDs)
        let kept: [Any] = [Self.rendered] + Array(10...14)
        #expect(prompts[3] == Self.mixed(kept + ["Wait", " e1", "Wait"]))
        #expect(lines[4]["probe"]?["extensions_sent_as"] == ["text", "text"])
        #expect(lines[4]["probe"]?["prefix_sent_as"]?.stringValue == "token-ids")

        // Under all-token-ids an extension's text was not tokenised beforehand: the step goes as text.
        let allIDs = try await Self.run(ids: false, encoding: .allTokenIDs)
        #expect(allIDs.prompts[3] == .string(Self.rendered + "<think> a b c dWait e4Wait"))
        #expect(allIDs.lines.map { $0["probe"]?["prefix_sent_as"]?.stringValue } == ["all-token-ids", "all-token-ids", "text", "text", "text"])
        #expect(allIDs.lines[2]["probe"]?["extensions_sent_as"] == ["text"])
    }

    @Test("an extension with an entry that spells nothing (text held back for the stop string) goes as text")
    func heldBackText() async throws {
        let (prompts, _, lines, _) = try await Self.run(ids: true, heldBack: true, encoding: .tokenIDs)
        let kept: [Any] = [Self.rendered] + Array(10...14)
        #expect(prompts[3] == Self.mixed(kept + ["Wait", " e1", "Wait"]))
        #expect(lines[4]["probe"]?["extensions_sent_as"] == ["text", "text"])
        #expect(lines[1]["text"]?.stringValue == " e1")
    }

    @Test("SGLang's /generate gets an all-id prompt as input_ids, and an extension's stop in sampling_params")
    func sglangInputIDs() async throws {
        let (_, bodies, lines, tokenizeCalls) = try await Self.run(ids: true, encoding: .allTokenIDs, endpoint: .sglangGenerate)
        let expected = Self.allIDPrompts
        #expect(bodies.map { $0["input_ids"] } == expected.map { .array($0.map { .integer($0) }) })
        #expect(bodies.allSatisfy { $0["text"] == nil && $0["stop"] == nil })
        #expect(bodies.map { $0["sampling_params"]?["stop"]?.jsonText } == [nil, #"["</think>"]"#, nil, #"["</think>"]"#, nil])
        #expect(bodies.map { $0["sampling_params"]?["max_new_tokens"]?.intValue } == [5, 50, 5, 50, 5])
        #expect(tokenizeCalls == 3)
        #expect(lines.map { $0["probe"]?["prefix_sent_as"]?.stringValue } == Array(repeating: "all-token-ids", count: 5))
        #expect(lines[4]["probe"]?["extensions_sent_as"] == ["token-ids", "token-ids"])
        #expect(lines.map { $0["endpoint"]?.stringValue } == Array(repeating: "sglang-generate", count: 5))
    }
}
