import Foundation
import HorizonTestSupport
import Testing

/// `horizon sample` killed with SIGKILL mid-run, then rerun: no sample lost, none twice, and
/// the same samples as an uninterrupted run (every request's seed derives from the run seed).
@Suite(
    "CLI resume after kill -9",
    .serialized,
    .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"),
    .enabled(if: LlamaServer.isAvailable, "needs .venv with llama-cpp-python[server]; see docs/test-model.md"),
    .llamaServer(MarkovTestModel.base.servedModel)
)
struct CLIResumeTests {
    static let dataset = SharedData.packageRoot.appendingPathComponent("Datasets/problems/demo.jsonl").path
    static let problems = 12
    static let samples = 3

    /// The `horizon sample` command line writing to `out`; `changes` replace options' values.
    private func sampleArguments(out: String, _ changes: [String: String] = [:], extra: [String] = []) throws -> [String] {
        let server = try #require(LlamaServer.current)
        let options: KeyValuePairs<String, String> = [
            "--base-url": server.baseURL.absoluteString, "--model": MarkovTestModel.base.rawValue,
            "--endpoint": "completions", "--dataset": Self.dataset, "--samples": String(Self.samples),
            "--max-tokens": "60", "--temperature": "1", "--top-p": "1", "--top-k": "0", "--min-p": "0",
            "--top-logprobs": "20", "--seed": "5", "--concurrency": "1",
            "--extra-body": #"{"repeat_penalty": 1.0}"#, "--out": out,
        ]
        return ["sample"] + options.flatMap { [$0.key, changes[$0.key] ?? $0.value] } + extra
    }

    /// The output's lines, each parsed as a JSON object (a line that does not parse fails).
    private func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    private func key(_ line: [String: Any]) -> String {
        "\(line["problem_id"] as? String ?? "?")#\(line["sample_index"] as? Int ?? -1)"
    }

    private func newlineCount(_ path: String) -> Int {
        (FileManager.default.contents(atPath: path) ?? Data()).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    @Test("killed with SIGKILL, a torn line appended, rerun: every sample once, the same as a clean run")
    func resumeAfterKill() async throws {
        let directory = try SharedData.temporaryDirectory("cli-resume")
        let clean = directory.appendingPathComponent("clean.jsonl").path
        let out = directory.appendingPathComponent("killed.jsonl").path
        let total = Self.problems * Self.samples

        let cleanRun = try await HorizonExecutable.run(try sampleArguments(out: clean))
        #expect(cleanRun.status == 0, "\(cleanRun.standardError)")

        // Start, wait for a few complete lines, kill without warning.
        let running = try HorizonExecutable.start(try sampleArguments(out: out))
        let deadline = Date().addingTimeInterval(60)
        while newlineCount(out) < 3 && running.process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(running.process.isRunning, "the run finished before it could be killed")
        try await running.kill9()
        let before = try lines(out).count
        #expect(before >= 3 && before < total)

        // A half-written line, as a crash in the middle of a write would leave.
        let handle = try #require(FileHandle(forWritingAtPath: out))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"problem_id":"demo-12","sample_index":2,"text":"<think> we"#.utf8))
        try handle.close()

        let resumed = try await HorizonExecutable.run(try sampleArguments(out: out))
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let after = try lines(out)
        let keys = after.map(key)
        #expect(keys.count == total && Set(keys).count == total)
        let expectedKeys = Set((1...Self.problems).flatMap { problem in
            (0..<Self.samples).map { String(format: "demo-%02d#%d", problem, $0) }
        })
        #expect(Set(keys) == expectedKeys)
        func texts(_ lines: [[String: Any]]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: lines.map { (key($0), $0["text"] as? String ?? "") })
        }
        let cleanTexts = texts(try lines(clean))
        #expect(texts(after) == cleanTexts)
        #expect(Set(cleanTexts.values).count > 1, "different seeds should give different samples")

        // Another temperature would mix two distributions in one file: refused, naming it.
        let changed = try await HorizonExecutable.run(try sampleArguments(out: out, ["--temperature": "0.5"]))
        #expect(changed.status != 0)
        #expect(changed.standardError.contains("temperature"), "\(changed.standardError)")
        #expect(try lines(out).count == total)

        // --force starts over with the new setting.
        let forced = try await HorizonExecutable.run(try sampleArguments(out: out, ["--temperature": "0.5"], extra: ["--force"]))
        #expect(forced.status == 0, "\(forced.standardError)")
        let redone = try lines(out)
        #expect(redone.count == total)
        #expect(redone.allSatisfy { ($0["sampling"] as? [String: Any])?["temperature"] as? Double == 0.5 })
    }
}
