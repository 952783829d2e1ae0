import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import HorizonTraces
import Testing

/// `ProbeRun` against a loopback server that echoes what it was asked, so the prefixes, limits
/// and seeds the probes send can be checked exactly.
@Suite("Probe runs")
struct ProbeRunTests {
    /// `<think>`, four thinking tokens, `</think>`, an answer token.
    static let target = ProbeTarget(
        problemID: "p1",
        sampleIndex: 3,
        prompt: "2+2?",
        gold: "4",
        tokens: ["<think>", " a", " b", " c", " d", "</think>", " 4"].map { Array($0.utf8) },
        thinkingTokens: 1..<5
    )

    /// A completions answer naming the request's seed and max_tokens.
    static let echo: FaultyServer.Script = { _, request in
        let body = request.json
        let text = "seed=\(body?["seed"]?.intValue ?? -1) max=\(body?["max_tokens"]?.intValue ?? -1)"
        return .json(#"{"object":"text_completion","choices":[{"index":0,"text":\#(JSONValue.string(text).jsonText),"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#)
    }

    private func config(_ server: FaultyServer, out: String) -> ProbeConfig {
        ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL], model: "m", endpoint: .completions,
                parameters: SamplingParameters(maxTokens: 50, topLogprobs: nil), timeouts: shortTimeouts, retryPolicy: fastRetries),
            run: RunSettings(seed: 4, concurrency: 3, outputPath: out),
            targets: [Self.target],
            lengths: [.fraction(0), .fraction(0.5), .fraction(1), .tokens(3), .tokens(99)],
            resamplePositions: [0, 2, 7, 8],
            samplesPerProbe: 2,
            forcingText: "</think>",
            answerPrefix: " Answer:",
            answerMaxTokens: 5,
            promptTemplate: "U: {prompt}\nA:"
        )
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("probes").appendingPathComponent("probes.jsonl").path
    }

    private func lines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
    }

    @Test("with token ids the kept output goes as ids between the prompt and the forcing text; as text on request or without ids")
    func tokenIDPrefixes() async throws {
        var target = Self.target
        target.tokenIDs = [10, 11, 12, 13, 14, 15, 16]
        for (encoding, ids) in [(PrefixEncoding.tokenIDs, true), (.text, false), (.tokenIDs, false)] {
            let out = try outputPath()
            try await FaultyServer.with(Self.echo) { server in
                var settings = config(server, out: out)
                settings.targets = [ids ? target : Self.target]
                settings.prefixEncoding = encoding
                settings.lengths = [.fraction(0.5)]
                settings.resamplePositions = [0]
                settings.samplesPerProbe = 1
                _ = try await ProbeRun.run(config: settings)
                let prompts = Set(server.requests.compactMap { $0.json?["prompt"]?.jsonText })
                let sentAsIDs = encoding == .tokenIDs && ids
                // `<think>` and two thinking tokens kept; a cut at 0 is one text (two strings would be two prompts).
                #expect(prompts == (sentAsIDs
                    ? [#"["U: 2+2?\nA:",10,11,12,"</think> Answer:"]"#, #""U: 2+2?\nA:""#]
                    : [#""U: 2+2?\nA:<think> a b</think> Answer:""#, #""U: 2+2?\nA:""#]), "\(encoding) \(ids)")
                let sentAs = try lines(out).compactMap { $0["probe"]?["prefix_sent_as"]?.stringValue }
                #expect(sentAs == Array(repeating: sentAsIDs ? "token-ids" : "text", count: 2))
            }
        }
    }

    @Test("kept tokens: fractions round to nearest (ties away), token counts cap at the thinking length", arguments: [
        (ProbeLength.fraction(0), 10, 0), (.fraction(0.25), 10, 3), (.fraction(0.125), 8, 1), (.fraction(1), 7, 7),
        (.tokens(3), 10, 3), (.tokens(99), 10, 10), (.tokens(5), 0, 0),
    ])
    func keptTokens(length: ProbeLength, thinking: Int, kept: Int) {
        #expect(length.keptTokens(thinkingLength: thinking) == kept)
    }

    @Test("truncation and resampling send the right prefixes and limits, one line per continuation")
    func prefixes() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.echo) { server in
            let summary = try await ProbeRun.run(config: config(server, out: out))
            // 5 lengths + 3 positions (8 is past the 7 tokens), 2 continuations each.
            #expect(summary.total == 16 && summary.written == 16)

            let prompts = server.requests.compactMap { $0.json?["prompt"]?.stringValue }
            let expected: [String: Int] = [
                "U: 2+2?\nA:<think></think> Answer:": 2,  // fraction 0
                "U: 2+2?\nA:<think> a b</think> Answer:": 2,  // fraction 0.5
                "U: 2+2?\nA:<think> a b c d</think> Answer:": 4,  // fraction 1 and 99 tokens
                "U: 2+2?\nA:<think> a b c</think> Answer:": 2,  // 3 tokens
                "U: 2+2?\nA:": 2,  // resample at 0
                "U: 2+2?\nA:<think> a": 2,  // resample at 2
                "U: 2+2?\nA:<think> a b c d</think> 4": 2,  // resample at 7
            ]
            #expect(Dictionary(prompts.map { ($0, 1) }, uniquingKeysWith: +) == expected)

            let written = try lines(out)
            #expect(written.count == 16)
            let truncations = written.filter { $0["probe"]?["kind"] == "truncation" }
            let resamples = written.filter { $0["probe"]?["kind"] == "resample" }
            #expect(truncations.count == 10 && resamples.count == 6)
            for line in truncations {
                #expect(line["answer_prefix"] == " Answer:")
                #expect(line["text"]?.stringValue?.hasSuffix("max=5") == true)
                #expect(line["probe"]?["thinking_tokens"] == 4)
            }
            for line in resamples {
                #expect(line["answer_prefix"] == nil)
                #expect(line["text"]?.stringValue?.hasSuffix("max=50") == true)
            }
            let half = try #require(truncations.first { $0["probe"]?["length"] == .number("0.5") })
            #expect(half["probe"]?["kept_tokens"] == 2)
            #expect(half["probe"]?["length_unit"] == "fraction")
            #expect(half["prefix"] == "<think> a b</think> Answer:")
            #expect(half["problem_id"] == "p1" && half["sample_index"] == 3 && half["gold"] == "4")

            // Every continuation has its own seed, recorded on its line.
            let seeds = written.compactMap { $0["sampling"]?["seed"]?.intValue }
            #expect(Set(seeds).count == 16)
            #expect(written.allSatisfy { $0["text"]?.stringValue?.hasPrefix("seed=\($0["sampling"]?["seed"]?.intValue ?? -2) ") == true })

            let manifest = try JSONValue(parsing: [UInt8](Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))))
            #expect(manifest["schema"] == "horizon.probe-manifest")
            #expect(manifest["counts"]?["skipped_resample_positions"] == 1)
            #expect(manifest["status"] == "complete")
        }
    }

    @Test("a probe run resumes: nothing twice, more continuations added, changed forcing refused")
    func resume() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.echo) { server in
            var settings = config(server, out: out)
            _ = try await ProbeRun.run(config: settings)
            let again = try await ProbeRun.run(config: settings)
            #expect(again.written == 0 && again.resumed == 16)
            settings.samplesPerProbe = 3
            let grown = try await ProbeRun.run(config: settings)
            #expect(grown.written == 8 && grown.resumed == 16)
            let keys = try lines(out).map { line in
                [line["probe"]?["kind"], line["probe"]?["length"], line["probe"]?["position"], line["probe"]?["index"]]
                    .map { $0?.jsonText ?? "-" }.joined(separator: "/")
            }
            #expect(keys.count == 24 && Set(keys).count == 24)

            settings.forcingText = "\n</think>\n\n"
            await #expect {
                _ = try await ProbeRun.run(config: settings)
            } throws: { error in
                guard let error = error as? ClientError else { return false }
                return error.reason == .settingsChanged && error.message.contains("forcing_text")
            }
        }
    }

    @Test("a chat probe continues a final assistant message")
    func chatContinuation() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, request in .json(fakeChatCompletion(for: request)) }) { server in
            var settings = config(server, out: out)
            settings.server.endpoint = .chat
            settings.lengths = [.fraction(0.5)]
            settings.resamplePositions = []
            settings.samplesPerProbe = 1
            _ = try await ProbeRun.run(config: settings)
            let body = try #require(server.requests.first?.json)
            #expect(body["messages"] == [["role": "user", "content": "U: 2+2?\nA:"], ["role": "assistant", "content": "<think> a b</think> Answer:"]])
            #expect(body["continue_final_message"] == true)
            #expect(body["add_generation_prompt"] == false)
        }
    }

    @Test("a target from a trace takes its tokens' bytes; a trace without tokens is refused")
    func targetFromTrace() throws {
        var logProbs = TokenLogProbs()
        for token in ["<think>", " x", "</think>"] {
            logProbs.append(tokenBytes: Array(token.utf8), sampledLogProb: 0, sampledRank: 0, candidates: [0.0])
        }
        let trace = Trace(problemID: "q", sampleIndex: 2, prompt: "P", gold: "g", text: "<think> x</think>", logProbs: logProbs)
        let target = try ProbeTarget(trace: trace, thinkingTokens: 1..<2)
        #expect(target.tokens == ["<think>", " x", "</think>"].map { Array($0.utf8) })
        #expect(target.text(ofFirst: 2) == "<think> x")
        #expect(target.sampleIndex == 2 && target.gold == "g")
        #expect(target.tokenIDs == nil)
        var withIDs = logProbs
        withIDs.tokenIDs = [5, 6, 7]
        let idTarget = try ProbeTarget(trace: Trace(problemID: "q", prompt: "P", text: "<think> x</think>", logProbs: withIDs), thinkingTokens: 1..<2)
        #expect(idTarget.tokenIDs == [5, 6, 7])
        #expect(throws: ClientError.self) { try ProbeTarget(trace: Trace(problemID: "q", prompt: "P", text: "t"), thinkingTokens: 0..<0) }
        #expect(throws: ClientError.self) { try ProbeTarget(trace: trace, thinkingTokens: 1..<9) }
    }

    @Test("invalid probe settings are refused", arguments: [
        ("fraction", "0…1"), ("nothing", "no truncation lengths"), ("template", "{prompt}"), ("endpoint", "continues a text"),
        ("duplicate", "twice"),
    ])
    func invalid(setting: String, message: String) async throws {
        var settings = ProbeConfig(
            server: ServerSettings(baseURLs: ["http://127.0.0.1:9"], model: "m", endpoint: .completions),
            run: RunSettings(outputPath: try outputPath()), targets: [Self.target])
        switch setting {
        case "fraction": settings.lengths = [.fraction(1.5)]
        case "nothing": settings.lengths = []
        case "template": settings.promptTemplate = "x"
        case "endpoint": settings.server.endpoint = .ollamaChat
        default: settings.lengths = [.tokens(2), .tokens(2)]
        }
        do {
            _ = try await ProbeRun.run(config: settings)
            Issue.record("accepted")
        } catch let error as ClientError {
            #expect(error.reason == .invalidConfiguration)
            #expect(error.message.contains(message), "\(error)")
        }
    }
}
