import Foundation
import HorizonClient
import HorizonCommon
import HorizonTestSupport
import Testing

/// Budget-forcing chains against a loopback server that names what it was asked, and that
/// fails on purpose where a real server would not on demand: what each step sends, a retried
/// step inside a chain, and a chain that fails for good (nothing of it written, rerun whole).
@Suite("Budget-forcing chains")
struct BudgetChainTests {
    /// `<think>`, four thinking tokens, `</think>`, an answer token.
    static let target = ProbeTarget(
        problemID: "p1", sampleIndex: 3, prompt: "2+2?", gold: "4",
        tokens: ["<think>", " a", " b", " c", " d", "</think>", " 4"].map { Array($0.utf8) }, thinkingTokens: 1..<5)

    /// Extensions (requests with `stop`) answer " e<request index>", answers " 4".
    static func answer(_ index: Int, _ request: FaultyServer.Request) -> [FaultyServer.Step] {
        let text = request.json?["stop"] == nil ? " 4" : " e\(index)"
        return .json(#"{"object":"text_completion","choices":[{"index":0,"text":\#(JSONValue.string(text).jsonText),"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#)
    }

    static func config(_ server: FaultyServer, out: String) -> ProbeConfig {
        ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL], model: "m", endpoint: .completions,
                parameters: SamplingParameters(maxTokens: 50, topLogprobs: nil), timeouts: shortTimeouts, retryPolicy: fastRetries),
            run: RunSettings(seed: 4, concurrency: 1, outputPath: out),
            targets: [target], lengths: [], samplesPerProbe: 1, forcingText: "</think>\n", answerPrefix: " Answer:",
            answerMaxTokens: 5, promptTemplate: "U: {prompt}\nA:", budgetForce: 2)
    }

    static func outputPath() throws -> String {
        try SharedData.temporaryDirectory("budget-chain").appendingPathComponent("probes.jsonl").path
    }

    static func lines(_ path: String) throws -> [JSONValue] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
    }

    @Test("each step sends the thinking, the waits and the extensions so far; a 503 inside the chain is retried")
    func stepsAndRetry() async throws {
        let out = try Self.outputPath()
        // The third request (the answer after one wait) fails once with 503.
        let script: FaultyServer.Script = { index, request in
            index == 2 ? .json(#"{"error":"busy"}"#, status: 503) : Self.answer(index, request)
        }
        try await FaultyServer.with(script) { server in
            let summary = try await ProbeRun.run(config: Self.config(server, out: out))
            #expect(summary.written == 1 && summary.retries == 1)
            let bodies = server.requests.compactMap(\.json)
            try #require(bodies.count == 6)
            let thinking = "U: 2+2?\nA:<think> a b c d"
            // The retried request (index 3) is the same as the one that failed; extension 2 (index 4) continued " e1".
            #expect(bodies.map { $0["prompt"]?.stringValue } == [
                thinking + "</think>\n Answer:", thinking + "Wait", thinking + "Wait e1</think>\n Answer:",
                thinking + "Wait e1</think>\n Answer:", thinking + "Wait e1Wait", thinking + "Wait e1Wait e4</think>\n Answer:",
            ])
            #expect(bodies.map { $0["stop"]?.jsonText } == [nil, #"["</think>"]"#, nil, nil, #"["</think>"]"#, nil])
            #expect(bodies.map { $0["max_tokens"]?.intValue } == [5, 50, 5, 5, 50, 5])
            // Each step its own seed, the retry the same one.
            let seeds = bodies.compactMap { $0["seed"]?.intValue }
            #expect(seeds[2] == seeds[3] && Set(seeds).count == 5)

            let written = try Self.lines(out)
            #expect(written.map { $0["probe"]?["part"]?.stringValue } == ["answer", "extension", "answer", "extension", "answer"])
            #expect(written.map { $0["probe"]?["waits"]?.intValue } == [0, 1, 1, 2, 2])
            #expect(written.compactMap { $0["probe"]?["extension_tokens"]?.intValue } == [0, 1, 2])
            #expect(written.map { $0["text"]?.stringValue } == [" 4", " e1", " 4", " e4", " 4"])
            #expect(written[4]["prefix"]?.stringValue == "<think> a b c dWait e1Wait e4</think>\n Answer:")
            let manifest = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))))
            #expect(manifest["settings"]?["budget_force"] == 2 && manifest["settings"]?["wait_string"] == "Wait")
            #expect(manifest["counts"]?["budget_chains"] == 1 && manifest["counts"]?["budget_lines_per_chain"] == 5)
            #expect(manifest["counts"]?["expected"] == 1 && manifest["counts"]?["present"] == 1)
        }
    }

    @Test("a chain that fails for good writes none of its lines, names the step, and is redone whole")
    func failedChain() async throws {
        let out = try Self.outputPath()
        // The fourth request (extension 2) is refused: a 400 is not retried.
        let refusing: FaultyServer.Script = { index, request in
            index == 3 ? .json(#"{"error":"bad"}"#, status: 400) : Self.answer(index, request)
        }
        let error = try await FaultyServer.with(refusing) { server in
            await #expect(throws: ClientError.self) { _ = try await ProbeRun.run(config: Self.config(server, out: out)) }
        }
        #expect(error?.message.contains("budget chain 0 extension 2") == true, "\(String(describing: error))")
        #expect(try Self.lines(out).isEmpty)
        try await FaultyServer.with({ index, request in Self.answer(index, request) }) { server in
            let summary = try await ProbeRun.run(config: Self.config(server, out: out))
            #expect(summary.written == 1 && summary.resumed == 0 && server.requests.count == 5)
        }
        #expect(try Self.lines(out).count == 5)
    }

    @Test("budget-forcing settings are checked", arguments: [
        (-1, "Wait", "</think>", "must be >= 0"),
        (2, "", "</think>", "non-empty wait string"),
        (2, "Wait", "\n\n", "end marker to stop extensions at"),
        (0, "Wait", "</think>", "no budget forcing"),
    ])
    func invalid(budget: Int, wait: String, forcing: String, message: String) async throws {
        try await FaultyServer.with({ index, request in Self.answer(index, request) }) { server in
            var config = Self.config(server, out: try Self.outputPath())
            (config.budgetForce, config.waitString, config.forcingText) = (budget, wait, forcing)
            await #expect {
                _ = try await ProbeRun.run(config: config)
            } throws: { error in
                (error as? ClientError)?.message.contains(message) == true
            }
            #expect(server.requests.isEmpty)
        }
    }
}
