import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// `SamplingRun` against llama-cpp-python's real server with the Markov test model, whose every
/// log-probability is known (docs/test-model.md).
@Suite(
    "Sampling from the Markov test model",
    .serialized,
    .enabled(if: LlamaServer.isAvailable, "needs .venv with llama-cpp-python[server]; see docs/test-model.md"),
    .llamaServer(MarkovTestModel.base.servedModel)
)
struct LiveSamplingTests {
    /// Sampling that follows the reported distribution exactly: the standard parameters in the
    /// body, llama.cpp's repetition penalty (on by default) switched off in the extra body.
    private func config(endpoint: Endpoint, stream: Bool, out: String, samples: Int = 2, problems: Int = 2) throws -> SamplingConfig {
        let server = try #require(LlamaServer.current)
        let demo = try ProblemSet.load(path: SharedData.packageRoot.appendingPathComponent("Datasets/problems/demo.jsonl").path)
        var dataset = ProblemSet(problems: Array(demo.problems.prefix(problems)))
        dataset.path = demo.path
        return SamplingConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString],
                model: MarkovTestModel.base.servedModel.alias,
                endpoint: endpoint,
                parameters: SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 60, topLogprobs: 20),
                stream: stream,
                extraBody: ["repeat_penalty": .number("1.0")],
                timeouts: RequestTimeouts(connect: .seconds(5), readGap: .seconds(30), total: .seconds(120)),
                retryPolicy: RetryPolicy(maximumAttempts: 2, initialDelay: .milliseconds(100))),
            // llama-cpp-python's server cuts a running stream short when another request
            // arrives (its `interrupt_requests` default), so streams go one at a time.
            run: RunSettings(seed: 2025, concurrency: stream ? 1 : 2, outputPath: out),
            dataset: dataset,
            samplesPerProblem: samples
        )
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("live-sampling").appendingPathComponent("out.jsonl").path
    }

    /// The lines of a trace file, each parsed (a line that does not parse fails the test).
    private func lines(_ path: String) throws -> [JSONValue] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
    }

    /// One generated step: the token, its log-prob, and its top list (token → log-prob).
    private struct Step {
        var token: String
        var logProb: Double
        var top: [(token: String, logProb: Double)]
    }

    /// The steps of a line's `logprobs`, from the chat shape or the legacy shape.
    private func steps(_ logprobs: JSONValue) throws -> [Step] {
        if let content = logprobs["content"]?.arrayValue {
            return try content.map { entry in
                Step(
                    token: try #require(entry["token"]?.stringValue),
                    logProb: try #require(entry["logprob"]?.doubleValue),
                    top: try (entry["top_logprobs"]?.arrayValue ?? []).map {
                        (try #require($0["token"]?.stringValue), try #require($0["logprob"]?.doubleValue))
                    }
                )
            }
        }
        let tokens = try #require(logprobs["tokens"]?.arrayValue)
        let sampled = try #require(logprobs["token_logprobs"]?.arrayValue)
        let tops = try #require(logprobs["top_logprobs"]?.arrayValue)
        return try tokens.indices.map { i in
            Step(
                token: try #require(tokens[i].stringValue),
                logProb: try #require(sampled[i].doubleValue),
                top: try (tops[i].objectMembers ?? []).map { ($0.key, try #require($0.value.doubleValue)) }
            )
        }
    }

    /// Checks every sampled and candidate log-prob against the table, walking the chain from the
    /// start state, and that the text is one complete output of the grammar.
    private func expectDesigned(_ line: JSONValue, table: MarkovTransitionTable) throws {
        let text = try #require(line["text"]?.stringValue)
        #expect(text.wholeMatch(of: /<think>( (we|so|then|check|add|count))+<\/think> The answer is \\boxed\{[0-9]\}/) != nil, "\(text)")
        #expect(line["finish_reason"] == "stop")
        let steps = try steps(try #require(line["logprobs"]))
        #expect(steps.map(\.token).joined() == text)
        var state = table.startState
        for step in steps {
            #expect(abs(step.logProb - table.logProb(of: step.token, inState: state)) < 1e-5, "\(state) → \(step.token)")
            #expect(step.top.count >= 20)
            for candidate in step.top {
                #expect(abs(candidate.logProb - table.logProb(of: candidate.token, inState: state)) < 1e-5, "\(state) → \(candidate.token)")
            }
            state = table.state(after: step.token)
        }
        // llama-cpp-python sends no usage when streaming (it ignores `stream_options`).
        if line["usage"]?["completion_tokens"] != .null {
            #expect(line["usage"]?["completion_tokens"]?.intValue == steps.count)
        }
    }

    @Test("each endpoint, streamed or not: complete lines whose log-probs are the design's", arguments: [
        (Endpoint.chat, false), (.chat, true), (.completions, false), (.completions, true),
    ])
    func samplesMatchDesign(endpoint: Endpoint, stream: Bool) async throws {
        let out = try outputPath()
        let table = try MarkovTestModel.base.table()
        let summary = try await SamplingRun.run(config: try config(endpoint: endpoint, stream: stream, out: out))
        #expect(summary.written == 4 && summary.isComplete)
        let written = try lines(out)
        #expect(written.count == 4)
        #expect(Set(written.map { "\($0["problem_id"]?.stringValue ?? "")#\($0["sample_index"]?.intValue ?? -1)" })
            == ["demo-01#0", "demo-01#1", "demo-02#0", "demo-02#1"])
        for line in written {
            #expect((line["usage"]?["completion_tokens"] == .null) == stream)
            #expect(line["endpoint"] == .string(endpoint.rawValue))
            #expect(line["logprobs_kind"] == "raw")
            #expect(line["gold"] == "4")
            // Chat lines carry the chat shape; llama-cpp-python answers completions in the legacy one.
            #expect((line["logprobs"]?["content"] != nil) == (endpoint == .chat))
            try expectDesigned(line, table: table)
        }
    }

    @Test("the same command gives the same samples; streamed or not makes no difference")
    func reproducible() async throws {
        let first = try outputPath()
        let second = try outputPath()
        _ = try await SamplingRun.run(config: try config(endpoint: .chat, stream: false, out: first))
        _ = try await SamplingRun.run(config: try config(endpoint: .chat, stream: true, out: second))
        func texts(_ path: String) throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try lines(path).map {
                ("\($0["problem_id"]?.stringValue ?? "")#\($0["sample_index"]?.intValue ?? -1)", $0["text"]?.stringValue ?? "")
            })
        }
        let a = try texts(first)
        #expect(a == (try texts(second)))
        #expect(Set(a.values).count > 1, "different seeds should give different samples: \(a)")
    }

    @Test("cancelled after two samples, then a torn line: the rerun completes without loss or duplicates")
    func resume() async throws {
        let out = try outputPath()
        let settings = try config(endpoint: .chat, stream: true, out: out, samples: 3, problems: 3)
        await #expect(throws: CancellationError.self) {
            _ = try await SamplingRun.run(config: settings) { progress in
                if progress.writtenThisSession == 2 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        let before = try lines(out)
        #expect(before.count >= 2 && before.count < 9)
        let handle = try #require(FileHandle(forWritingAtPath: out))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"problem_id":"demo-03","sample_index":2,"text":"<think> we"#.utf8))
        try handle.close()

        let summary = try await SamplingRun.run(config: settings)
        #expect(summary.resumed == before.count)
        #expect(summary.tornBytesRemoved > 0)
        let after = try lines(out)
        let keys = after.map { "\($0["problem_id"]?.stringValue ?? "")#\($0["sample_index"]?.intValue ?? -1)" }
        #expect(keys.count == 9 && Set(keys).count == 9)
        let table = try MarkovTestModel.base.table()
        for line in after { try expectDesigned(line, table: table) }

        var changed = settings
        changed.server.parameters.topP = 0.9
        await #expect {
            _ = try await SamplingRun.run(config: changed)
        } throws: { ($0 as? ClientError)?.reason == .settingsChanged }
    }

    @Test("probes on sampled traces: forced answers and continuations follow the design from the cut")
    func probes() async throws {
        let server = try #require(LlamaServer.current)
        let table = try MarkovTestModel.base.table()
        let traces = try outputPath()
        _ = try await SamplingRun.run(config: try config(endpoint: .completions, stream: false, out: traces, samples: 2, problems: 1))
        let targets = try lines(traces).map { line in
            let tokens = try steps(try #require(line["logprobs"])).map(\.token)
            let end = try #require(tokens.firstIndex(of: "</think>"))
            return ProbeTarget(
                problemID: try #require(line["problem_id"]?.stringValue),
                sampleIndex: try #require(line["sample_index"]?.intValue),
                prompt: try #require(line["prompt"]?.stringValue),
                gold: line["gold"]?.stringValue,
                tokens: tokens.map { Array($0.utf8) },
                thinkingTokens: 1..<end
            )
        }
        let out = try outputPath()
        let probe = ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString],
                model: MarkovTestModel.base.servedModel.alias,
                endpoint: .completions,
                parameters: SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 60, topLogprobs: 20),
                extraBody: ["repeat_penalty": .number("1.0")],
                timeouts: RequestTimeouts(connect: .seconds(5), readGap: .seconds(30), total: .seconds(120))),
            run: RunSettings(seed: 9, concurrency: 2, outputPath: out),
            targets: targets,
            sourcePath: traces,
            lengths: [.fraction(0), .fraction(0.5), .fraction(1)],
            resamplePositions: [1, 3],
            samplesPerProbe: 3,
            forcingText: "</think>",
            answerMaxTokens: 20
        )
        let summary = try await ProbeRun.run(config: probe)
        #expect(summary.written == 2 * (3 + 2) * 3)
        for line in try lines(out) {
            let prefix = try #require(line["prefix"]?.stringValue)
            let text = try #require(line["text"]?.stringValue)
            // Prefix and continuation together are one complete output of the grammar.
            #expect((prefix + text).wholeMatch(of: /<think>( (we|so|then|check|add|count))*<\/think> The answer is \\boxed\{[0-9]\}/) != nil, "\(prefix)|\(text)")
            if line["probe"]?["kind"] == "truncation" {
                #expect(text.wholeMatch(of: /\ The answer is \\boxed\{[247]\}/) != nil, "\(text)")
            }
            // Every step's log-prob is the design's, starting from the state the prefix ends in.
            let target = try #require(targets.first {
                $0.problemID == line["problem_id"]?.stringValue && $0.sampleIndex == line["sample_index"]?.intValue
            })
            var state: String
            if let position = line["probe"]?["position"]?.intValue {
                // The prompt ends in "?", which leads to the start state.
                state = position == 0 ? table.startState : table.state(after: String(decoding: target.tokens[position - 1], as: UTF8.self))
            } else {
                state = table.state(after: "</think>")
            }
            for step in try steps(try #require(line["logprobs"])) {
                #expect(abs(step.logProb - table.logProb(of: step.token, inState: state)) < 1e-5, "\(state) → \(step.token)")
                state = table.state(after: step.token)
            }
        }
    }
}
