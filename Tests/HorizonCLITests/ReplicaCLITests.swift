import Foundation
import HorizonTestSupport
import Testing

/// `horizon sample` over several real `llama-server` replicas (SmolLM2-135M-Instruct, one
/// sequence at a time, no prompt cache, so any replica answers a seeded request alike): killed
/// with SIGKILL while sampling from two, resumed from a file listing two others and a dead
/// address; the result is exactly what one server writes.
@Suite(
    "CLI sampling from replicas",
    .serialized,
    .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"),
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`")
)
struct ReplicaCLITests {
    static let problems = 3
    static let samples = 3

    private func arguments(servers: [String], file: String? = nil, dataset: String, out: String) -> [String] {
        ["sample"] + servers.flatMap { ["--base-url", $0] } + (file.map { ["--base-urls-file", $0] } ?? []) + [
            "--model", LlamaCppServer.Model.smolLM2Instruct.alias, "--dataset", dataset, "--samples", String(Self.samples),
            "--max-tokens", "24", "--temperature", "1", "--top-p", "1", "--top-k", "0", "--min-p", "0", "--top-logprobs", "5",
            "--seed", "3", "--concurrency", "2", "--extra-body", #"{"cache_prompt": false}"#, "--out", out,
        ]
    }

    private func sortedLines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n").map(String.init).sorted()
    }

    private func newlineCount(_ path: String) -> Int {
        (FileManager.default.contents(atPath: path) ?? Data()).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    @Test("kill -9 on replicas A and B, resume on a file of B, C and a dead address: every sample once, as one server writes it")
    func killAndResumeAcrossReplicas() async throws {
        var servers: [LlamaCppServer] = []
        defer { for server in servers { server.stop() } }
        for _ in 0..<3 { servers.append(try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)) }
        let urls = servers.map(\.baseURL.absoluteString)
        let directory = try SharedData.temporaryDirectory("cli-replicas")
        let dataset = try RealModelProblems.write(in: directory)

        let reference = directory.appendingPathComponent("single.jsonl").path
        let single = try await HorizonExecutable.run(arguments(servers: [urls[0]], dataset: dataset, out: reference))
        try #require(single.status == 0, "\(single.standardError)")
        // One server: the summary has no per-replica lines.
        #expect(!single.standardError.contains("\n  http://"), "\(single.standardError)")

        let out = directory.appendingPathComponent("replicated.jsonl").path
        let running = try HorizonExecutable.start(arguments(servers: [urls[0], urls[1]], dataset: dataset, out: out))
        let deadline = Date().addingTimeInterval(120)
        while newlineCount(out) < 2 && running.process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(running.process.isRunning, "the run finished before it could be killed")
        try await running.kill9()
        let before = try sortedLines(out).count
        #expect(before >= 2 && before < Self.problems * Self.samples)

        // Nothing listens on the port of a stopped server.
        let gone = try await LlamaCppServer.start(.smolLM2Instruct, slots: 1)
        let goneURL = gone.baseURL.absoluteString
        gone.stop()
        let list = directory.appendingPathComponent("replicas.txt")
        try Data("# the second pool\n\(goneURL)\n\(urls[2])  # third\n".utf8).write(to: list)
        let resumed = try await HorizonExecutable.run(
            arguments(servers: [urls[1]], file: list.path, dataset: dataset, out: out) + ["--replica-rest", "0.25:8"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try sortedLines(out) == (try sortedLines(reference)))

        // The summary has a line per replica; the manifest records them and the new list.
        for url in [urls[1], goneURL, urls[2]] { #expect(resumed.standardError.contains("\n  \(url): "), "\(resumed.standardError)") }
        #expect(resumed.standardError.contains("connection refused"), "\(resumed.standardError)")
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))) as? [String: Any])
        let session = try #require(manifest["session_settings"] as? [String: Any])
        #expect(session["base_urls"] as? [String] == [urls[1], goneURL, urls[2]])
        #expect(session["base_url"] as? String == urls[1])
        let rest = try #require(session["replica_rest"] as? [String: Any])
        #expect(rest["base_seconds"] as? Double == 0.25)
        #expect(rest["max_seconds"] as? Double == 8)
        let replicas = try #require((manifest["counts"] as? [String: Any])?["replicas"] as? [[String: Any]])
        #expect(replicas.compactMap { $0["completions"] as? Int }.reduce(0, +) == Self.problems * Self.samples - before)
        #expect(replicas[1]["completions"] as? Int == 0)
        #expect(replicas[1]["rests"] as? Int ?? 0 >= 1)
    }
}

/// The replica options' usage and input errors (no server needed).
@Suite(
    "CLI replica options",
    .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)")
)
struct ReplicaOptionTests {
    @Test("a bad line in the URL file: exit 2 naming the file and line")
    func badURLFile() async throws {
        let directory = try SharedData.temporaryDirectory("cli-replicas")
        let list = directory.appendingPathComponent("replicas.txt")
        try Data("http://127.0.0.1:1\n\n127.0.0.1:2\n".utf8).write(to: list)
        let dataset = try RealModelProblems.write(in: directory)
        let run = try await HorizonExecutable.run(
            ["sample", "--base-urls-file", list.path, "--model", "m", "--dataset", dataset, "--out", directory.appendingPathComponent("o.jsonl").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(list.path):3: not a server URL"), "\(run.standardError)")
    }

    @Test("a bad --replica-rest is a usage error naming what is wrong", arguments: [
        ("x", "must be seconds MIN or MIN:MAX"), ("1:2:3", "must be seconds MIN or MIN:MAX"), (":5", "must be seconds MIN or MIN:MAX"),
        ("0", "MIN must be seconds in [0.001, 604800], got 0.0"), ("2:0.0001", "MAX must be seconds in [0.001, 604800]"),
        ("nan", "MIN must be seconds in"), ("1:1e9", "MAX must be seconds in"), ("5:2", "MAX (2.0) must be at least MIN (5.0)"),
    ])
    func badReplicaRest(value: String, message: String) async throws {
        let run = try await HorizonExecutable.run(
            ["sample", "--base-url", "http://127.0.0.1:1", "--base-url", "http://127.0.0.1:2", "--model", "m", "--dataset", "d.jsonl",
             "--out", "o.jsonl", "--replica-rest", value])
        #expect(run.status == 64)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("no server at all is a usage error")
    func noServer() async throws {
        let run = try await HorizonExecutable.run(["sample", "--model", "m", "--dataset", "d.jsonl", "--out", "o.jsonl"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("--base-url"), "\(run.standardError)")
    }
}
