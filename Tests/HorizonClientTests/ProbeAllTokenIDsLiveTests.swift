import Foundation
import HorizonClient
import HorizonCommon
import HorizonTestSupport
import Testing

/// `--prefix-as all-token-ids` on llama.cpp's server with real models: the prompt of ids only
/// (text parts tokenised by the server's `/tokenize`) continues exactly as the mixed prompt
/// does, start token (BOS) included, and unlike the text, which re-tokenises a split word.
@Suite(
    "Probe prefixes as one all-id prompt on llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`")
)
struct ProbeAllTokenIDsLiveTests {
    static let prompt = "The capital of France is"

    func tokenize(_ text: String, addSpecial: Bool = false, on server: LlamaCppServer) async throws -> [Int] {
        let reply = try JSONValue(parsing: Array(try await server.post("tokenize", ["content": text, "add_special": addSpecial])))
        let tokens = reply["tokens"]?.arrayValue?.compactMap(\.intValue)
        return try #require(tokens)
    }

    /// The lines of a probe run keyed by their probe point (its description without
    /// `prefix_sent_as`), and the manifest.
    func probe(_ encoding: PrefixEncoding, targets: [ProbeTarget], model: LlamaCppServer.Model, server: LlamaCppServer)
        async throws -> (lines: [String: JSONValue], sentAs: [String: String], manifest: JSONValue)
    {
        let out = try SharedData.temporaryDirectory("probe-all-ids").appendingPathComponent("probes.jsonl").path
        let summary = try await ProbeRun.run(config: ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString], model: model.alias, endpoint: .completions,
                parameters: SamplingParameters(temperature: 0, maxTokens: 6, topLogprobs: 3),
                // Evaluated afresh each time, so that equal prompts give bit-equal numbers.
                extraBody: ["cache_prompt": false]),
            run: RunSettings(seed: 11, outputPath: out),
            targets: targets, lengths: [.tokens(1)], resamplePositions: [0, 2], samplesPerProbe: 1,
            forcingText: "\nSo", answerPrefix: " the answer is", prefixEncoding: encoding))
        #expect(summary.written == 3 * targets.count)
        var lines: [String: JSONValue] = [:]
        var sentAs: [String: String] = [:]
        for text in try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n") {
            var line = try JSONValue(parsing: Array(text.utf8))
            var probe = try #require(line["probe"])
            let how = probe["prefix_sent_as"]?.stringValue
            probe["prefix_sent_as"] = nil
            line["probe"] = probe
            let key = "\(line["problem_id"]?.stringValue ?? "") \(probe.jsonText)"
            lines[key] = line
            sentAs[key] = how
        }
        let manifest = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))))
        return (lines, sentAs, manifest)
    }

    @Test("the all-id prompt continues as the mixed one, BOS included; the text one does not",
          arguments: [LlamaCppServer.Model.smolLM2Instruct, LlamaCppServer.Model.gemma3Base])
    func sameContinuationAsMixed(model: LlamaCppServer.Model) async throws {
        let server = try await LlamaCppServer.start(model, slots: 1)
        defer { server.stop() }
        // " Paris" sampled as " Par" + "is", which re-tokenising the text merges.
        let split = try await tokenize(" Par", on: server) + tokenize("is", on: server)
        let merged = try await tokenize(" Paris", on: server)
        try #require(split.count == 2 && merged.count == 1 && split != merged)
        let target = ProbeTarget(
            problemID: "capital", sampleIndex: 0, prompt: Self.prompt,
            tokens: [" Par", "is"].map { Array($0.utf8) }, thinkingTokens: 0..<2, tokenIDs: split)
        // A trace without ids goes as text, and its lines say so.
        let noIDs = ProbeTarget(problemID: "no-ids", sampleIndex: 0, prompt: Self.prompt,
                                tokens: [" Par", "is"].map { Array($0.utf8) }, thinkingTokens: 0..<2)

        let mixed = try await probe(.tokenIDs, targets: [target], model: model, server: server)
        let allIDs = try await probe(.allTokenIDs, targets: [target, noIDs], model: model, server: server)
        let text = try await probe(.text, targets: [target], model: model, server: server)

        // The prompt with the model's special start tokens: Gemma adds a BOS, SmolLM2 none.
        let promptIDs = try await tokenize(Self.prompt, addSpecial: true, on: server)
        let plainIDs = try await tokenize(Self.prompt, on: server)
        #expect(promptIDs.count == plainIDs.count + (model == .gemma3Base ? 1 : 0))
        try #require(mixed.lines.count == 3)
        for (key, line) in mixed.lines {
            let other = try #require(allIDs.lines[key], "\(key)")
            #expect(other["probe"]?["index"] == line["probe"]?["index"])
            #expect(other["text"] == line["text"], "\(key)")
            #expect(other["logprobs"] == line["logprobs"], "\(key)")
            #expect(other["usage"]?["prompt_tokens"] == line["usage"]?["prompt_tokens"], "\(key)")
            #expect(other["prefix"] == line["prefix"])
        }
        // Resampled at 2: the prompt with its BOS, then the two sampled tokens.
        let atTwo = try #require(mixed.lines.keys.first { $0.hasPrefix("capital ") && $0.contains(#""position":2"#) })
        #expect(allIDs.lines[atTwo]?["usage"]?["prompt_tokens"]?.intValue == promptIDs.count + 2, "\(server.logTail())")
        // As text, " Paris" is one token: another prompt, other numbers.
        #expect(text.lines[atTwo]?["usage"]?["prompt_tokens"]?.intValue == promptIDs.count + 1)
        #expect(text.lines[atTwo]?["logprobs"] != allIDs.lines[atTwo]?["logprobs"])

        #expect(allIDs.sentAs.filter { $0.key.hasPrefix("capital ") }.values.sorted() == Array(repeating: "all-token-ids", count: 3))
        #expect(allIDs.sentAs.filter { $0.key.hasPrefix("no-ids ") }.values.sorted() == Array(repeating: "text", count: 3))
        #expect(mixed.sentAs.values.sorted() == Array(repeating: "token-ids", count: 3))
        #expect(allIDs.manifest["settings"]?["prefix_encoding"]?.stringValue == "all-token-ids")
        // The prompt (with BOS) and the forcing text (without): two parts, each asked once.
        #expect(allIDs.manifest["counts"]?["tokenized_prompt_parts"]?.intValue == 2)
        #expect(allIDs.manifest["counts"]?["continuations_with_text_prefix"]?.intValue == 3)
    }

    @Test("a /tokenize that fails on one replica goes to another, and the replica statistics count both")
    func tokenizeFailsOver() async throws {
        let model = LlamaCppServer.Model.smolLM2Instruct
        let server = try await LlamaCppServer.start(model, slots: 1)
        defer { server.stop() }
        let split = try await tokenize(" Par", on: server) + tokenize("is", on: server)
        let target = ProbeTarget(
            problemID: "capital", sampleIndex: 0, prompt: Self.prompt,
            tokens: [" Par", "is"].map { Array($0.utf8) }, thinkingTokens: 0..<2, tokenIDs: split)
        try await FaultyServer.with({ _, _ in .json(#"{"error":"overloaded"}"#, status: 503) }) { failing in
            let out = try SharedData.temporaryDirectory("probe-tokenize-failover").appendingPathComponent("probes.jsonl").path
            let urls = [failing.baseURL, server.baseURL.absoluteString]
            let summary = try await ProbeRun.run(config: ProbeConfig(
                server: ServerSettings(
                    baseURLs: urls, model: model.alias, endpoint: .completions,
                    parameters: SamplingParameters(temperature: 0, maxTokens: 4, topLogprobs: 3), extraBody: ["cache_prompt": false],
                    retryPolicy: RetryPolicy(maximumAttempts: 4, initialDelay: .milliseconds(10)),
                    // Longer than the run: once failed, the replica gets nothing more.
                    replicaRest: ReplicaRest(base: .seconds(30), maximum: .seconds(30))),
                run: RunSettings(seed: 11, concurrency: 1, outputPath: out),
                targets: [target], lengths: [.tokens(1)], samplesPerProbe: 1,
                forcingText: "\nSo", answerPrefix: " the answer is", prefixEncoding: .allTokenIDs))
            #expect(summary.isComplete && summary.written == 1)
            // The first of the two parts went to the first replica, failed, and was sent again.
            #expect(failing.requests.map(\.uri) == ["/tokenize"])
            let stats = summary.replicas
            #expect(stats.map(\.failedAttempts) == [1, 0])
            #expect(stats[0].failuresByCause == ["HTTP 503": 1] && stats[0].rests == 1)
            #expect(stats.map(\.otherAnswers) == [0, 2])
            #expect(stats.map(\.completions) == [0, 1])
            #expect(stats.allSatisfy { $0.requests == $0.completions + $0.otherAnswers + $0.failedAttempts })
            let manifest = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))))
            let recorded = try #require(manifest["counts"]?["replicas"]?.arrayValue)
            #expect(recorded.map { $0["other_answers"]?.intValue } == [0, 2])
            #expect(recorded.map { $0["failed_attempts"]?.intValue } == [1, 0])
            let line = try JSONValue(parsing: Array(try String(contentsOfFile: out, encoding: .utf8).utf8.prefix { $0 != 10 }))
            #expect(line["probe"]?["prefix_sent_as"]?.stringValue == "all-token-ids")
        }
    }
}

/// A real server without `/tokenize` (llama-cpp-python serves its tokenizer elsewhere): the run
/// stops before anything is written, naming the URL and the encodings that need none.
@Suite(
    "Probe all-id prompts on a server that does not tokenize",
    .enabled(if: LlamaServer.isAvailable, "needs .venv (make venv)")
)
struct ProbeTokenizeUnsupportedTests {
    @Test func refusedNamingTheURL() async throws {
        let model = MarkovTestModel.base.servedModel
        let server = try await LlamaServer.start([model])
        defer { server.stop() }
        let out = try SharedData.temporaryDirectory("probe-no-tokenize").appendingPathComponent("probes.jsonl").path
        let target = ProbeTarget(problemID: "p", sampleIndex: 0, prompt: "Q", tokens: [Array("a".utf8)], thinkingTokens: 0..<1, tokenIDs: [5])
        let config = ProbeConfig(
            server: ServerSettings(baseURLs: [server.baseURL.absoluteString], model: model.alias, endpoint: .completions,
                                   parameters: SamplingParameters(maxTokens: 2, topLogprobs: 2)),
            run: RunSettings(outputPath: out), targets: [target], lengths: [], resamplePositions: [1], samplesPerProbe: 1,
            prefixEncoding: .allTokenIDs)
        let url = server.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/tokenize"
        await #expect {
            _ = try await ProbeRun.run(config: config)
        } throws: { error in
            guard let error = error as? ClientError else { return false }
            return error.reason == .httpStatus && error.httpStatus == 404
                && error.message.hasPrefix("\(url) answered HTTP 404") && error.message.contains("use --prefix-as token-ids or text")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
