import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// `SamplingRun` against a well-behaved loopback server (``fakeChatCompletion(for:)``), checked
/// through the files it leaves, read with JSONSerialization as any consumer would.
@Suite("Sampling runs")
struct SamplingRunTests {
    static let problems = ProblemSet(problems: [
        Problem(id: "p1", question: "1+1?", gold: "2"),
        Problem(id: "p2", question: "2+2?", gold: "4"),
        Problem(id: "p3", question: "3+3?", gold: nil),
    ])

    private func config(_ server: FaultyServer, out: String, samples: Int = 2) -> SamplingConfig {
        SamplingConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL + "/v1"],
                model: "fake-model",
                endpoint: .chat,
                parameters: SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 16, topLogprobs: 2),
                extraBody: ["repeat_penalty": 1],
                apiKeyEnvironmentVariable: "HORIZON_TEST_NO_KEY",
                timeouts: shortTimeouts,
                retryPolicy: fastRetries),
            run: RunSettings(seed: 11, concurrency: 2, outputPath: out, commandLine: ["horizon", "sample", "--out", out]),
            dataset: Self.problems,
            samplesPerProblem: samples,
            systemPrompt: "Be brief.",
            promptTemplate: "Q: {question}"
        )
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("sampling").appendingPathComponent("out.jsonl").path
    }

    /// The file's lines parsed with JSONSerialization; fails the test on a line that does not parse.
    private func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    private func pairs(_ lines: [[String: Any]]) -> [String] {
        lines.map { "\($0["problem_id"] as? String ?? "?")#\($0["sample_index"] as? Int ?? -1)" }
    }

    private func manifest(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".manifest.json"))) as? [String: Any])
    }

    private static let serveCompletions: FaultyServer.Script = { _, request in .json(fakeChatCompletion(for: request)) }

    @Test("a thinking budget is sent as thinking_token_budget and recorded in every line's sampling and the manifest; none, nothing")
    func thinkingBudget() async throws {
        for budget in [512, nil] as [Int?] {
            let out = try outputPath()
            try await FaultyServer.with(Self.serveCompletions) { server in
                var settings = config(server, out: out, samples: 1)
                settings.server.parameters.thinkingTokenBudget = budget
                _ = try await SamplingRun.run(config: settings)
                let sent = server.requests.compactMap { $0.json?["thinking_token_budget"]?.intValue }
                #expect(sent == (budget == nil ? [] : [512, 512, 512]))
                for line in try lines(out) {
                    #expect((line["sampling"] as? [String: Any])?["thinking_token_budget"] as? Int == budget)
                }
                let sampling = try #require((try manifest(out)["settings"] as? [String: Any])?["sampling"] as? [String: Any])
                #expect(sampling["thinking_token_budget"] as? Int == budget)
                #expect(sampling.keys.contains("thinking_token_budget") == (budget != nil))
            }
        }
    }

    @Test("a thinking budget on an endpoint without the field is refused before anything is sent")
    func thinkingBudgetNeedsOpenAIEndpoint() async throws {
        var settings = SamplingConfig(
            server: ServerSettings(baseURLs: ["http://127.0.0.1:9"], model: "m", endpoint: .llamaCppCompletion),
            run: RunSettings(outputPath: try outputPath()), dataset: Self.problems, samplesPerProblem: 1)
        settings.server.parameters.thinkingTokenBudget = 100
        await #expect(throws: ClientError.self) { try await SamplingRun.run(config: settings) }
        settings.server.endpoint = .chat
        settings.server.parameters.thinkingTokenBudget = -1
        await #expect(throws: ClientError.self) { try await SamplingRun.run(config: settings) }
    }

    @Test("a run writes one complete line per sample and a manifest")
    func completeRun() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.serveCompletions) { server in
            let summary = try await SamplingRun.run(config: config(server, out: out))
            #expect(summary.total == 6)
            #expect(summary.written == 6)
            #expect(summary.resumed == 0)
            #expect(summary.isComplete)
            #expect(summary.completionTokens == 12)

            let written = try lines(out)
            #expect(Set(pairs(written)) == ["p1#0", "p1#1", "p2#0", "p2#1", "p3#0", "p3#1"])
            #expect(written.count == 6)
            for line in written {
                let problemID = try #require(line["problem_id"] as? String)
                let index = try #require(line["sample_index"] as? Int)
                let problem = try #require(Self.problems.problems.first { $0.id == problemID })
                let seed = SampleSeed.derive(runSeed: 11, problemID: problemID, sampleIndex: index)
                #expect(line["model"] as? String == "fake-model")
                #expect(line["endpoint"] as? String == "chat")
                #expect(line["prompt"] as? String == "Q: \(problem.question)")
                #expect((line["gold"] as? String) == problem.gold)
                #expect(line["text"] as? String == "seed \(seed) for Q: \(problem.question)")
                #expect(line["reasoning"] as? String == "thinking")
                #expect(line["finish_reason"] as? String == "stop")
                #expect(line["logprobs_kind"] as? String == "raw")
                let sampling = try #require(line["sampling"] as? [String: Any])
                #expect(sampling["temperature"] as? Double == 1)
                #expect(sampling["top_p"] as? Double == 1)
                #expect(sampling["top_k"] as? Int == 0)
                #expect(sampling["min_p"] as? Double == 0)
                #expect(sampling["max_tokens"] as? Int == 16)
                #expect(sampling["top_logprobs"] as? Int == 2)
                #expect(sampling["seed"] as? Int == seed)
                let usage = try #require(line["usage"] as? [String: Any])
                #expect(usage["prompt_tokens"] as? Int == 3)
                #expect(usage["completion_tokens"] as? Int == 2)
                let content = try #require((line["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
                #expect(content.count == 2)
                // JSONSerialization on Linux is off by one ulp for this literal; the exact
                // check is below, with a correctly rounded parse.
                #expect(abs((content[0]["logprob"] as? Double ?? 0) - ln(0.5)) < 1e-15)
            }
            let firstLine = try #require(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first)
            let exact = try JSONValue(parsing: Array(firstLine.utf8))["logprobs"]?["content"]?.arrayValue?.first?["logprob"]
            #expect(exact?.doubleValue == ln(0.5))

            // One request per sample, each with its own seed, the system prompt and the extra body.
            let bodies = server.requests.compactMap(\.json)
            #expect(bodies.count == 6)
            #expect(Set(bodies.compactMap { $0["seed"]?.intValue }).count == 6)
            #expect(bodies.allSatisfy { $0["n"] == nil && $0["repeat_penalty"] == 1 })
            #expect(bodies.allSatisfy { $0["messages"]?.arrayValue?.first?["content"] == "Be brief." })
            #expect(server.requests.allSatisfy { $0.uri == "/v1/chat/completions" && $0.header("Authorization") == nil })

            let record = try manifest(out)
            #expect(record["schema"] as? String == "horizon.sample-manifest")
            #expect(record["status"] as? String == "complete")
            #expect(record["command_line"] as? [String] == ["horizon", "sample", "--out", out])
            #expect((record["dataset"] as? [String: Any])?["sha256"] as? String == Self.problems.sha256)
            #expect((record["counts"] as? [String: Any])?["present"] as? Int == 6)
            #expect(record["started_at"] is String && record["finished_at"] is String)
            let settings = try #require(record["settings"] as? [String: Any])
            #expect(settings["model"] as? String == "fake-model")
            #expect((settings["sampling"] as? [String: Any])?["max_tokens"] as? Int == 16)
        }
    }

    @Test("cancelled mid-run, a torn last line appended: the rerun loses and duplicates nothing")
    func resumeAfterCancellationAndTornLine() async throws {
        let out = try outputPath()
        let slowServer: FaultyServer.Script = { _, request in [.pause(.milliseconds(30))] + .json(fakeChatCompletion(for: request)) }
        try await FaultyServer.with(slowServer) { server in
            var settings = config(server, out: out, samples: 4)
            settings.run.concurrency = 3
            await #expect(throws: CancellationError.self) {
                _ = try await SamplingRun.run(config: settings) { progress in
                    // Runs on the run's own task after each written line: cancel it after three.
                    if progress.writtenThisSession == 3 { withUnsafeCurrentTask { $0?.cancel() } }
                }
            }
            let before = try lines(out)
            #expect(before.count >= 3 && before.count < 12)
            #expect(Set(pairs(before)).count == before.count)
            #expect(try manifest(out)["status"] as? String == "incomplete")

            // A crash in the middle of a write leaves a line without its newline.
            let torn = Data(#"{"problem_id":"p3","sample_index":3,"model":"fake-mo"#.utf8)
            let handle = try #require(FileHandle(forWritingAtPath: out))
            try handle.seekToEnd()
            try handle.write(contentsOf: torn)
            try handle.close()

            let summary = try await SamplingRun.run(config: settings)
            #expect(summary.resumed == before.count)
            #expect(summary.tornBytesRemoved == torn.count)
            #expect(summary.written == 12 - before.count)
            let after = try lines(out)
            #expect(after.count == 12)
            #expect(Set(pairs(after)).count == 12)
            #expect(pairs(after).prefix(before.count) == pairs(before)[...])
            #expect(try manifest(out)["status"] as? String == "complete")
            #expect((try manifest(out)["sessions"] as? [Any])?.count == 2)
        }
    }

    @Test("a rerun of a complete run sends nothing; more samples per problem adds only the new ones")
    func rerunAndGrow() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.serveCompletions) { server in
            _ = try await SamplingRun.run(config: config(server, out: out))
            let again = try await SamplingRun.run(config: config(server, out: out))
            #expect(again.written == 0 && again.resumed == 6)
            #expect(server.requests.count == 6)
            let grown = try await SamplingRun.run(config: config(server, out: out, samples: 3))
            #expect(grown.written == 3 && grown.resumed == 6)
            #expect(Set(pairs(try lines(out))) == ["p1#0", "p1#1", "p1#2", "p2#0", "p2#1", "p2#2", "p3#0", "p3#1", "p3#2"])
        }
    }

    @Test("changed settings are refused with what changed; force starts over")
    func changedSettings() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.serveCompletions) { server in
            _ = try await SamplingRun.run(config: config(server, out: out))
            let original = try String(contentsOfFile: out, encoding: .utf8)
            var changed = config(server, out: out)
            changed.server.parameters.temperature = 0.6
            changed.promptTemplate = "Question: {question}"
            do {
                _ = try await SamplingRun.run(config: changed)
                Issue.record("a run with other settings was accepted")
            } catch let error as ClientError {
                #expect(error.reason == .settingsChanged)
                #expect(error.message.contains("sampling.temperature: 1.0 → 0.6"))
                #expect(error.message.contains("prompt_template"))
                #expect(error.message.contains("force"))
            }
            #expect(try String(contentsOfFile: out, encoding: .utf8) == original)

            changed.run.force = true
            let summary = try await SamplingRun.run(config: changed)
            #expect(summary.resumed == 0 && summary.written == 6)
            let fresh = try lines(out)
            #expect(fresh.count == 6)
            #expect(fresh.allSatisfy { ($0["prompt"] as? String)?.hasPrefix("Question: ") == true })
            let recorded = try #require(try manifest(out)["settings"] as? [String: Any])
            #expect((recorded["sampling"] as? [String: Any])?["temperature"] as? Double == 0.6)
        }
    }

    @Test("an output without a manifest is refused unless forced")
    func outputWithoutManifest() async throws {
        let out = try outputPath()
        try Data(#"{"problem_id":"x","sample_index":0,"text":"mine"}"#.utf8 + [10]).write(to: URL(fileURLWithPath: out))
        try await FaultyServer.with(Self.serveCompletions) { server in
            await #expect {
                _ = try await SamplingRun.run(config: config(server, out: out))
            } throws: { ($0 as? ClientError)?.reason == .settingsChanged }
            #expect(server.requests.isEmpty)
        }
    }

    @Test("a complete line that is not a trace stops the run and names its line")
    func corruptExistingLine() async throws {
        let out = try outputPath()
        try await FaultyServer.with(Self.serveCompletions) { server in
            _ = try await SamplingRun.run(config: config(server, out: out, samples: 1))
            var text = try String(contentsOfFile: out, encoding: .utf8)
            text = text.replacingOccurrences(of: "\n", with: "\n{\"oops\":1}\n", options: [], range: text.startIndex..<text.index(after: text.firstIndex(of: "\n")!))
            try text.write(toFile: out, atomically: true, encoding: .utf8)
            do {
                _ = try await SamplingRun.run(config: config(server, out: out, samples: 1))
                Issue.record("a corrupt file was accepted")
            } catch let error as ClientError {
                #expect(error.reason == .invalidExistingOutput)
                #expect(error.location?.file == out)
                #expect(error.location?.line == 2)
            }
        }
    }

    @Test("a sample that fails for good stops the run; what finished is kept; a rerun completes it")
    func permanentFailure() async throws {
        let out = try outputPath()
        let failing = ServerSwitch()
        try await FaultyServer.with({ _, request in
            let question = request.json?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            if failing.isOn && question.contains("2+2") {
                return .json(#"{"error":{"message":"prompt too long"}}"#, status: 400)
            }
            return .json(fakeChatCompletion(for: request))
        }) { server in
            var settings = config(server, out: out)
            settings.run.concurrency = 1
            do {
                _ = try await SamplingRun.run(config: settings)
                Issue.record("expected the run to fail")
            } catch let error as ClientError {
                #expect(error.reason == .httpStatus)
                #expect(error.message.hasPrefix("problem p2 sample 0: "))
                #expect(error.message.contains("prompt too long"))
            }
            // Concurrency 1, problem order: p1's two samples were done before p2 failed.
            #expect(Set(pairs(try lines(out))) == ["p1#0", "p1#1"])
            #expect(try manifest(out)["status"] as? String == "incomplete")

            failing.isOn = false
            let summary = try await SamplingRun.run(config: settings)
            #expect(summary.resumed == 2 && summary.written == 4)
        }
    }

    @Test("an unreachable server fails the run with a clear error and writes no trace")
    func unreachableServer() async throws {
        let out = try outputPath()
        let server = try await FaultyServer.start { _, _ in [] }
        await server.stop()
        do {
            _ = try await SamplingRun.run(config: config(server, out: out))
            Issue.record("expected the run to fail")
        } catch let error as ClientError {
            #expect(error.reason == .unreachable)
            #expect(error.description.contains("127.0.0.1:\(server.port)"))
        }
        #expect(try lines(out).isEmpty)
    }

    @Test("the API key is sent but written nowhere")
    func apiKeyNeverWritten() async throws {
        let out = try outputPath()
        let variable = "HORIZON_TEST_KEY_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        let secret = "sk-live-\(UUID().uuidString)"
        setenv(variable, secret, 1)
        defer { unsetenv(variable) }
        try await FaultyServer.with(Self.serveCompletions) { server in
            var settings = config(server, out: out)
            settings.server.apiKeyEnvironmentVariable = variable
            settings.run.commandLine = ["horizon", "sample", "--api-key-env", variable]
            let printed = LockedText()
            _ = try await SamplingRun.run(config: settings) { printed.append($0.statusLine) }
            #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(secret)" })
            for path in [out, out + ".manifest.json"] {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(!text.contains(secret), "\(path) holds the key")
            }
            #expect(!printed.text.contains(secret))
            let record = try manifest(out)
            #expect((record["session_settings"] as? [String: Any])?["api_key_env"] as? String == variable)
        }
    }

    @Test("invalid settings are refused before anything is sent", arguments: [
        ("template", "no {question} placeholder"), ("samples", "at least 1"), ("stream", "cannot be streamed"),
        ("url", "http://"), ("system", "needs a chat endpoint"), ("top-k", "top-k must be -1 or more"),
        ("min-p", "min-p must be in [0, 1]"), ("penalty", "repetition penalty must be above 0"),
    ])
    func invalidSettings(setting: String, message: String) async throws {
        let out = try outputPath()
        var settings = SamplingConfig(
            server: ServerSettings(baseURLs: ["http://127.0.0.1:9"], model: "m"), run: RunSettings(outputPath: out),
            dataset: Self.problems, samplesPerProblem: 1
        )
        switch setting {
        case "template": settings.promptTemplate = "no placeholder"
        case "samples": settings.samplesPerProblem = 0
        case "stream": settings.server.endpoint = .sglangGenerate; settings.server.stream = true
        case "url": settings.server.baseURLs = ["localhost:8080"]
        case "top-k": settings.server.parameters.topK = -2
        case "min-p": settings.server.parameters.minP = 1.5
        case "penalty": settings.server.parameters.repetitionPenalty = 0
        default: settings.server.endpoint = .completions; settings.systemPrompt = "x"
        }
        do {
            _ = try await SamplingRun.run(config: settings)
            Issue.record("accepted")
        } catch let error as ClientError {
            #expect(error.reason == .invalidConfiguration)
            #expect(error.message.contains(message), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// A flag a server script reads and a test flips. `@unchecked Sendable`: guarded by `lock`.
final class ServerSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = true
    var isOn: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Text collected from a progress callback. `@unchecked Sendable`: guarded by `lock`.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
