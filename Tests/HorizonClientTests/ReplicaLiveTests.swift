import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// Sampling SmolLM2-135M-Instruct from three real `llama-server` processes on loopback, and one
/// loopback server that misbehaves (a reset, a 500, a body that is not JSON, in turn).
///
/// Each llama-server decodes one sequence at a time (`--parallel 1`) without a prompt cache
/// (`cache_prompt: false`), which makes a seeded request give the same tokens on any of them
/// (docs/servers.md), so a replicated run must write exactly the lines one server writes.
@Suite(
    "Sampling from llama-server replicas",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`")
)
struct ReplicaLiveTests {
    private static let model = LlamaCppServer.Model.smolLM2Instruct

    private func config(urls: [String], out: String, concurrency: Int) throws -> SamplingConfig {
        let all = try ProblemSet.load(path: SharedData.packageRoot.appendingPathComponent("Datasets/problems/gsm-style.jsonl").path)
        var dataset = ProblemSet(problems: Array(all.problems.prefix(3)))
        dataset.path = all.path
        return SamplingConfig(
            server: ServerSettings(
                baseURLs: urls, model: Self.model.alias,
                parameters: SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, repetitionPenalty: 1, maxTokens: 16, topLogprobs: 5),
                extraBody: ["cache_prompt": false],
                timeouts: RequestTimeouts(connect: .seconds(5), readGap: .seconds(60), total: .seconds(120)),
                retryPolicy: RetryPolicy(maximumAttempts: 6, initialDelay: .milliseconds(50)),
                replicaRest: ReplicaRest(base: .milliseconds(200), maximum: .seconds(1))),
            run: RunSettings(seed: 8, concurrency: concurrency, outputPath: out),
            dataset: dataset, samplesPerProblem: 2)
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("replica-live").appendingPathComponent("out.jsonl").path
    }

    private func sortedLines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n").map(String.init).sorted()
    }

    /// A reset, a 500 and a body that is not JSON, in turn.
    private static let misbehave: FaultyServer.Script = { index, _ in
        switch index % 3 {
        case 0: [.reset]
        case 1: .json(#"{"error":{"message":"out of memory"}}"#, status: 500)
        default: .json(#"{"choices": [ {"message": "#)
        }
    }

    /// Starts three servers, runs `body`, and stops them however it ends.
    private func withReplicas(_ body: ([LlamaCppServer]) async throws -> Void) async throws {
        var servers: [LlamaCppServer] = []
        defer { for server in servers { server.stop() } }
        for _ in 0..<3 { servers.append(try await LlamaCppServer.start(Self.model, slots: 1)) }
        try await body(servers)
    }

    @Test("three replicas and a faulty one write exactly the lines one server writes; the counts add up")
    func replicatedEqualsSingle() async throws {
        try await withReplicas { servers in
            let urls = servers.map(\.baseURL.absoluteString)
            let reference = try outputPath()
            _ = try await SamplingRun.run(config: try config(urls: [urls[0]], out: reference, concurrency: 1))

            try await FaultyServer.with(Self.misbehave) { faulty in
                let out = try outputPath()
                let replicated = try await SamplingRun.run(config: try config(urls: urls + [faulty.baseURL], out: out, concurrency: 3))
                #expect(replicated.isComplete && replicated.written == 6)
                #expect(try sortedLines(out) == (try sortedLines(reference)))

                let stats = replicated.replicas
                #expect(stats.count == 4)
                #expect(stats[3].completions == 0 && stats[3].failedAttempts == faulty.requests.count)
                #expect(faulty.requests.count >= 1, "the faulty replica got no request")
                #expect(stats[3].rests >= 1)
                #expect(stats.map(\.completions).reduce(0, +) == 6)
                #expect(stats.prefix(3).filter { $0.completions > 0 }.count >= 2, "\(stats)")
                #expect(stats.map(\.completionTokens).reduce(0, +) == replicated.completionTokens)
                let rates = stats.compactMap { $0.tokensPerSecond(elapsed: replicated.elapsed) }
                let total = Double(replicated.completionTokens) / (Double(replicated.elapsed.components.seconds)
                    + Double(replicated.elapsed.components.attoseconds) / 1e18)
                #expect(abs(rates.reduce(0, +) - total) < 1e-6 * max(1, total))
            }
        }
    }

    @Test("cancelled on two replicas with a torn last line, resumed on two others: nothing lost, nothing twice")
    func resumeAcrossChangedReplicas() async throws {
        try await withReplicas { servers in
            let urls = servers.map(\.baseURL.absoluteString)
            let reference = try outputPath()
            _ = try await SamplingRun.run(config: try config(urls: [urls[2]], out: reference, concurrency: 1))

            let out = try outputPath()
            try await FaultyServer.with(Self.misbehave) { faulty in
                let first = try config(urls: [urls[0], faulty.baseURL], out: out, concurrency: 2)
                await #expect(throws: CancellationError.self) {
                    _ = try await SamplingRun.run(config: first) { progress in
                        if progress.writtenThisSession == 2 { withUnsafeCurrentTask { $0?.cancel() } }
                    }
                }
            }
            let before = try sortedLines(out)
            #expect(before.count >= 2 && before.count < 6)
            let handle = try #require(FileHandle(forWritingAtPath: out))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"problem_id":"gsm-style-03","sample_index":1,"text":"Th"#.utf8))
            try handle.close()

            let resumed = try await SamplingRun.run(config: try config(urls: [urls[1], urls[2]], out: out, concurrency: 2))
            #expect(resumed.resumed == before.count && resumed.tornBytesRemoved > 0)
            #expect(resumed.replicas.map(\.url) == [urls[1], urls[2]])
            #expect(resumed.replicas.map(\.completions).reduce(0, +) == 6 - before.count)
            #expect(try sortedLines(out) == (try sortedLines(reference)))
        }
    }
}
