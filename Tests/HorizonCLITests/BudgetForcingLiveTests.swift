import Foundation
import Horizon
import HorizonTestSupport
import Testing

/// Budget forcing against llama.cpp's server with SmolLM2 (completions endpoint, its chat
/// template rendered by hand): the chain's requests end with the kept thinking and the wait
/// string, the server's tokens are recorded verbatim, the reported BF is the one recomputed from
/// the raw response, and a run killed inside a chain's write, or by SIGKILL between chains,
/// resumes to the same file.
@Suite(
    "Budget forcing on llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`")
)
struct BudgetForcingLiveTests {
    static let template = "<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n"
    static let prompt = "What is 2 + 3? Think first, then answer."
    static let thinking = "<think>\nI add 2 and 3, which gives 5."
    static let answerPrefix = "The answer is "

    /// The thinking as the server's own tokens, its ids and their text.
    static func target(on server: LlamaCppServer) async throws -> ProbeTarget {
        let reply = try JSONSerialization.jsonObject(with: try await server.post("tokenize", ["content": thinking, "with_pieces": true]))
        let tokens = try #require((reply as? [String: Any])?["tokens"] as? [[String: Any]])
        let ids = try tokens.map { try #require($0["id"] as? Int) }
        let pieces = try tokens.map { try #require($0["piece"] as? String) }
        try #require(pieces.joined() == thinking)
        return ProbeTarget(
            problemID: "add", sampleIndex: 0, prompt: prompt, gold: "5", tokens: pieces.map { Array($0.utf8) },
            thinkingTokens: 0..<ids.count, tokenIDs: ids)
    }

    static func tokenIDs(_ text: String, special: Bool = false, on server: LlamaCppServer) async throws -> [Int] {
        let reply = try JSONSerialization.jsonObject(with: try await server.post("tokenize", ["content": text, "add_special": special]))
        return try #require((reply as? [String: Any])?["tokens"] as? [Int])
    }

    /// The ids of a line's log-prob entries: the tokens the server sampled.
    static func sampledIDs(_ line: [String: Any]) throws -> [Int] {
        let content = try #require((line["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
        return try content.map { try #require($0["id"] as? Int) }
    }

    static func tokenCount(_ text: String, on server: LlamaCppServer) async throws -> Int {
        let reply = try JSONSerialization.jsonObject(with: try await server.post("tokenize", ["content": text]))
        return try #require((reply as? [String: Any])?["tokens"] as? [Any]).count
    }

    static func config(server: LlamaCppServer, target: ProbeTarget, out: String, chains: Int) -> ProbeConfig {
        ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString], model: LlamaCppServer.Model.smolLM2Instruct.alias, endpoint: .completions,
                parameters: SamplingParameters(temperature: 1, topP: 1, maxTokens: 12, topLogprobs: 5),
                // Every prompt evaluated whole: a reused cache prefix of another length could
                // move the last bits of a log-prob, and the resume test compares bytes.
                extraBody: ["cache_prompt": false]),
            run: RunSettings(seed: 11, concurrency: 1, outputPath: out),
            targets: [target], lengths: [], samplesPerProbe: chains, answerPrefix: answerPrefix, answerMaxTokens: 6,
            promptTemplate: template, budgetForce: 2)
    }

    static func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// exp(mean entropy) of a line's raw log-probs, from scratch: at top-p 1 each step's
    /// distribution is its listed candidates (the sampled token added when unlisted), renormalised.
    static func branchingFactor(_ logprobs: [String: Any]) throws -> Double {
        var entropies: [Double] = []
        if let content = logprobs["content"] as? [[String: Any]] {
            for entry in content {
                let top = try #require(entry["top_logprobs"] as? [[String: Any]])
                var probabilities = try top.map { exp(try #require($0["logprob"] as? Double)) }
                let token = entry["token"] as? String
                if !top.contains(where: { $0["token"] as? String == token }) {
                    probabilities.append(exp(try #require(entry["logprob"] as? Double)))
                }
                entropies.append(entropy(probabilities))
            }
        } else {
            let tops = try #require(logprobs["top_logprobs"] as? [[String: Double]])
            let tokens = try #require(logprobs["tokens"] as? [String])
            let sampled = try #require(logprobs["token_logprobs"] as? [Double])
            for (step, top) in tops.enumerated() {
                var probabilities = top.values.map { exp($0) }
                if top[tokens[step]] == nil { probabilities.append(exp(sampled[step])) }
                entropies.append(entropy(probabilities))
            }
        }
        return exp(entropies.reduce(0, +) / Double(entropies.count))
    }

    static func entropy(_ probabilities: [Double]) -> Double {
        let kept = probabilities.filter { $0 >= 1e-12 }
        let total = kept.reduce(0, +)
        return max(0, -kept.reduce(0) { $0 + $1 / total * log($1 / total) })
    }

    @Test("each extension continues after the wait string, is recorded verbatim, and its BF is the raw response's")
    func chainContinuesAfterWait() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        let target = try await Self.target(on: server)
        let directory = try SharedData.temporaryDirectory("budget-live")
        let out = directory.appendingPathComponent("probes.jsonl").path
        let summary = try await ProbeRun.run(config: Self.config(server: server, target: target, out: out, chains: 1))
        #expect(summary.written == 1)
        let lines = try Self.lines(out)
        try #require(lines.count == 5, "\(lines)")
        let probes = try lines.map { try #require($0["probe"] as? [String: Any]) }
        #expect(probes.map { $0["part"] as? String } == ["answer", "extension", "answer", "extension", "answer"])
        #expect(probes.map { $0["waits"] as? Int } == [0, 1, 1, 2, 2])
        #expect(probes.allSatisfy { $0["kind"] as? String == "budget_force" && $0["prefix_sent_as"] as? String == "token-ids" })
        #expect(probes.map { $0["extensions_sent_as"] as? [String] } == [[], [], ["token-ids"], ["token-ids"], ["token-ids", "token-ids"]])
        let texts = lines.map { $0["text"] as? String ?? "" }
        let (first, second) = (texts[1], texts[3])

        // Each request's prompt ends with the thinking and the wait string (and the extensions before).
        #expect(lines[0]["prefix"] as? String == Self.thinking + "</think>\n\n" + Self.answerPrefix)
        #expect(lines[1]["prefix"] as? String == Self.thinking + "Wait")
        #expect(lines[3]["prefix"] as? String == Self.thinking + "Wait" + first + "Wait")
        #expect(lines[4]["prefix"] as? String == Self.thinking + "Wait" + first + "Wait" + second + "</think>\n\n" + Self.answerPrefix)
        // The server read the template, then exactly the thinking's ids, then "Wait".
        let rendered = Self.template.replacingOccurrences(of: "{prompt}", with: Self.prompt)
        let expectedPrompt = try await Self.tokenCount(rendered, on: server) + target.tokens.count + Self.tokenCount("Wait", on: server)
        #expect((lines[1]["usage"] as? [String: Any])?["prompt_tokens"] as? Int == expectedPrompt, "\(server.logTail())")

        // Each later step's prompt is the step before's, its extension's sampled ids, and "Wait":
        // replayed as a prompt of ids alone, built here from /tokenize and the recorded ids, the
        // server gives the same tokens and log-probs digit for digit.
        let promptIDs = try await Self.tokenIDs(rendered, special: true, on: server)
        let thinkingIDs = try #require(target.tokenIDs)
        let waitIDs = try await Self.tokenIDs("Wait", on: server)
        let forcedIDs = try await Self.tokenIDs("</think>\n\n" + Self.answerPrefix, on: server)
        let (firstIDs, secondIDs) = (try Self.sampledIDs(lines[1]), try Self.sampledIDs(lines[3]))
        let extensionPrompt = [promptIDs, thinkingIDs, waitIDs, firstIDs, waitIDs].flatMap { $0 }
        let answerPrompt = [promptIDs, thinkingIDs, waitIDs, firstIDs, waitIDs, secondIDs, forcedIDs].flatMap { $0 }
        func promptTokens(_ line: [String: Any]) -> Int? { (line["usage"] as? [String: Any])?["prompt_tokens"] as? Int }
        #expect(promptTokens(lines[3]) == promptTokens(lines[1]).map { $0 + firstIDs.count + waitIDs.count })
        for (line, prompt, maxTokens, stop) in [(lines[3], extensionPrompt, 12, "</think>"), (lines[4], answerPrompt, 6, nil)] {
            let seed = try #require((line["sampling"] as? [String: Any])?["seed"] as? Int)
            var body: [String: Any] = [
                "model": LlamaCppServer.Model.smolLM2Instruct.alias, "prompt": prompt, "max_tokens": maxTokens, "temperature": 1,
                "top_p": 1, "seed": seed, "logprobs": 5, "cache_prompt": false,
            ]
            if let stop { body["stop"] = [stop] }
            let replay = try #require(try JSONSerialization.jsonObject(with: try await server.post("v1/completions", body)) as? [String: Any])
            let choice = try #require((replay["choices"] as? [[String: Any]])?.first)
            #expect(choice["text"] as? String == line["text"] as? String)
            #expect(promptTokens(replay) == prompt.count && promptTokens(line) == prompt.count)
            let replayed = try #require((choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
            let recorded = try #require((line["logprobs"] as? [String: Any])?["content"] as? [[String: Any]])
            #expect(replayed.map { $0["logprob"] as? Double } .prefix(recorded.count) == recorded.map { $0["logprob"] as? Double }[...])
            #expect(replayed.prefix(recorded.count).map { $0["id"] as? Int } == recorded.map { $0["id"] as? Int })
        }

        // The extension is the server's own tokens: they spell its text, and stop short of the end marker.
        let logprobs = try #require(lines[1]["logprobs"] as? [String: Any])
        let spelled = (logprobs["content"] as? [[String: Any]])?.compactMap { $0["token"] as? String }
            ?? (logprobs["tokens"] as? [String]) ?? []
        #expect(!first.isEmpty && spelled.joined() == first)
        #expect(!first.contains("</think>") && !second.contains("</think>"))
        #expect(probes[2]["extension_tokens"] as? Int == spelled.count)

        // analyze reports the BF recomputed here from the raw log-probs (one chain, one trace).
        let traces = try TraceFile.write(
            [#"{"problem_id":"add","sample_index":0,"gold":"5","prompt":"x","text":"<think>2+3</think> 5"}"#], name: "budget-live-traces.jsonl")
        // The rebuild at the top-p the chain sampled with (the trace file records none).
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--probes", out, "--profile", "deepseek-r1", "--top-p", "1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let rows = try #require((json["probes"] as? [String: Any])?["budget_forcing"] as? [[String: Any]])
        #expect(rows.map { $0["waits"] as? Int } == [0, 1, 2])
        let reported = try #require(rows[1]["extension_bf"] as? Double)
        let recomputed = try Self.branchingFactor(logprobs)
        #expect(abs(reported - recomputed) <= 1e-9 * recomputed, "reported \(reported), recomputed \(recomputed)")
        #expect(rows[1]["extension_tokens"] as? Double == Double(spelled.count))
    }

    @Test("over many chains, each step's prompt is the step before's plus its extension's sampled ids and the wait string's")
    func promptsGrowByTheSampledTokens() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        let target = try await Self.target(on: server)
        let out = try SharedData.temporaryDirectory("budget-ids").appendingPathComponent("probes.jsonl").path
        var config = Self.config(server: server, target: target, out: out, chains: 8)
        config.answerMaxTokens = 1
        _ = try await ProbeRun.run(config: config)
        let lines = try Self.lines(out)
        try #require(lines.count == 8 * 5)
        let waitIDs = try await Self.tokenIDs("Wait", on: server)
        func promptTokens(_ line: [String: Any]) -> Int? { (line["usage"] as? [String: Any])?["prompt_tokens"] as? Int }
        var boundaryMerges = 0
        for chain in stride(from: 0, to: lines.count, by: 5) {
            let (first, second) = (lines[chain + 1], lines[chain + 3])
            let ids = try Self.sampledIDs(first)
            #expect((second["probe"] as? [String: Any])?["extensions_sent_as"] as? [String] == ["token-ids"])
            #expect(promptTokens(second) == promptTokens(first).map { $0 + ids.count + waitIDs.count }, "chain \(chain / 5)")
            // What the text "Wait" + extension + "Wait" (as sent before) would have been read as.
            let text = try #require(first["text"] as? String)
            if try await Self.tokenIDs("Wait" + text + "Wait", on: server) != waitIDs + ids + waitIDs { boundaryMerges += 1 }
        }
        // An extension cut at the token limit after a space merges with "Wait" into " Wait" when
        // sent as one text; this sample holds such a chain, so the check above can tell.
        #expect(boundaryMerges > 0, "no chain of this sample re-tokenises at a boundary")
    }

    @Test("a run killed while writing a chain resumes to the same lines")
    func resumeAfterKill() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        let target = try await Self.target(on: server)
        let directory = try SharedData.temporaryDirectory("budget-resume")
        let whole = directory.appendingPathComponent("whole.jsonl").path
        _ = try await ProbeRun.run(config: Self.config(server: server, target: target, out: whole, chains: 2))
        let original = try Data(contentsOf: URL(fileURLWithPath: whole))
        let newlines = original.enumerated().filter { $0.element == UInt8(ascii: "\n") }.map(\.offset)
        try #require(newlines.count == 10)

        // Killed inside the second chain's one write: chain 0 whole, two lines of chain 1 and
        // half of its third.
        let cut = directory.appendingPathComponent("cut.jsonl").path
        let tornEnd = newlines[6] + (newlines[7] - newlines[6]) / 2
        try original.prefix(tornEnd).write(to: URL(fileURLWithPath: cut))
        try FileManager.default.copyItem(atPath: whole + ".manifest.json", toPath: cut + ".manifest.json")
        let resumed = try await ProbeRun.run(config: Self.config(server: server, target: target, out: cut, chains: 2))
        #expect(resumed.resumed == 1 && resumed.written == 1 && resumed.tornBytesRemoved > 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cut)) == original, "\(server.logTail())")

        // Killed before the chain's write: only the first chain's lines.
        let early = directory.appendingPathComponent("early.jsonl").path
        try original.prefix(newlines[4] + 1).write(to: URL(fileURLWithPath: early))
        try FileManager.default.copyItem(atPath: whole + ".manifest.json", toPath: early + ".manifest.json")
        _ = try await ProbeRun.run(config: Self.config(server: server, target: target, out: early, chains: 2))
        #expect(try Data(contentsOf: URL(fileURLWithPath: early)) == original)
    }

    /// A trace line as llama.cpp's server would have sampled `text`: its tokens with their ids.
    static func traceLine(on server: LlamaCppServer) async throws -> String {
        let text = thinking + "</think> The answer is 5."
        let reply = try JSONSerialization.jsonObject(with: try await server.post("tokenize", ["content": text, "with_pieces": true]))
        let tokens = try #require((reply as? [String: Any])?["tokens"] as? [[String: Any]])
        let entries: [JSONText] = try tokens.map { token in
            let id = try #require(token["id"] as? Int)
            let piece = try #require(token["piece"] as? String)
            let candidate: JSONText = .members(["id": .integer(id), "token": .string(piece), "bytes": .array(piece.utf8.map { .integer(Int($0)) }), "logprob": .number(0)])
            return .members(["id": .integer(id), "token": .string(piece), "bytes": .array(piece.utf8.map { .integer(Int($0)) }),
                             "logprob": .number(0), "top_logprobs": .array([candidate])])
        }
        return TraceLines.flat(
            ["problem_id": .string("add"), "sample_index": .integer(0), "prompt": .string(prompt), "gold": .string("5"), "text": .string(text)],
            logProbs: .members(["content": .array(entries)])).rendered()
    }

    @Test("horizon probe --prefix-as all-token-ids over a dead replica and a live one: /tokenize fails over, chains go as ids")
    func cliAllTokenIDsFailover() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        let traces = try TraceFile.write([try await Self.traceLine(on: server)], name: "budget-all-ids-traces.jsonl")
        let dead = "http://127.0.0.1:\(try freeLoopbackPort())"
        let live = server.baseURL.absoluteString
        let out = try SharedData.temporaryDirectory("budget-all-ids").appendingPathComponent("probes.jsonl").path
        let run = try await HorizonExecutable.run(
            ["probe", traces, "--base-url", dead, "--base-url", live, "--model", LlamaCppServer.Model.smolLM2Instruct.alias,
             "--endpoint", "completions", "--profile", "deepseek-r1", "--prompt-template", Self.template, "--lengths", "none",
             "--budget-force", "1", "--samples", "1", "--max-tokens", "8", "--answer-max-tokens", "3", "--answer-prefix", Self.answerPrefix,
             "--top-logprobs", "3", "--seed", "3", "--concurrency", "1", "--prefix-as", "all-token-ids",
             "--extra-body", #"{"cache_prompt": false}"#, "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        // The rendered prompt, the wait string, the forcing text: three /tokenize answers, all
        // from the live replica after the first attempt found nothing listening on the other.
        #expect(run.standardError.contains("\n  \(dead): 0 completions, 0 tokens"), "\(run.standardError)")
        #expect(run.standardError.contains("1 failed (1 connection refused)"), "\(run.standardError)")
        #expect(run.standardError.contains("\n  \(live): 3 completions, "), "\(run.standardError)")
        #expect(run.standardError.contains("3 /tokenize answers"), "\(run.standardError)")
        let lines = try Self.lines(out)
        try #require(lines.count == 3)
        let probes = try lines.map { try #require($0["probe"] as? [String: Any]) }
        #expect(probes.map { $0["prefix_sent_as"] as? String } == Array(repeating: "all-token-ids", count: 3))
        #expect(probes.map { $0["extensions_sent_as"] as? [String] } == [[], [], ["token-ids"]])
    }

    @Test("horizon probe --budget-force killed with SIGKILL mid-run, rerun: the same file as a clean run")
    func cliResumeAfterKill9() async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        defer { server.stop() }
        let traces = try TraceFile.write([try await Self.traceLine(on: server)], name: "budget-kill-traces.jsonl")
        let directory = try SharedData.temporaryDirectory("budget-kill")
        func arguments(out: String) -> [String] {
            ["probe", traces, "--base-url", server.baseURL.absoluteString, "--model", LlamaCppServer.Model.smolLM2Instruct.alias,
             "--endpoint", "completions", "--profile", "deepseek-r1", "--prompt-template", Self.template, "--lengths", "none",
             "--budget-force", "2", "--samples", "3", "--max-tokens", "12", "--answer-max-tokens", "6", "--answer-prefix", Self.answerPrefix,
             "--temperature", "1", "--top-p", "1", "--top-logprobs", "5", "--seed", "3", "--concurrency", "1",
             "--extra-body", #"{"cache_prompt": false}"#, "--out", out]
        }
        let clean = directory.appendingPathComponent("clean.jsonl").path
        let cleanRun = try await HorizonExecutable.run(arguments(out: clean))
        #expect(cleanRun.status == 0, "\(cleanRun.standardError)")
        let original = try Data(contentsOf: URL(fileURLWithPath: clean))
        // 3 chains of 2·2 + 1 lines.
        #expect(original.count(where: { $0 == UInt8(ascii: "\n") }) == 15)

        let out = directory.appendingPathComponent("killed.jsonl").path
        let running = try HorizonExecutable.start(arguments(out: out))
        func lineCount() -> Int { (FileManager.default.contents(atPath: out) ?? Data()).count(where: { $0 == UInt8(ascii: "\n") }) }
        let deadline = Date().addingTimeInterval(60)
        while lineCount() < 5 && running.process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(running.process.isRunning, "the run finished before it could be killed")
        try await running.kill9()
        let before = lineCount()
        // Whole chains only: each is written in one piece.
        #expect(before % 5 == 0 && before >= 5 && before < 15, "\(before) lines")

        let resumed = try await HorizonExecutable.run(arguments(out: out))
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == original)
    }
}
