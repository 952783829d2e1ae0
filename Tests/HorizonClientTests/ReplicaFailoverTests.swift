import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// Sampling over several loopback servers of which most misbehave on purpose: one answers 500,
/// one resets every connection, one sends a body that is not JSON, one is gone (nothing listens),
/// and one is well-behaved (``fakeChatCompletion(for:)``, which names each request's seed).
@Suite("Replica failover", .serialized)
struct ReplicaFailoverTests {
    static let problems = ProblemSet(problems: [
        Problem(id: "p1", question: "1+1?", gold: "2"),
        Problem(id: "p2", question: "2+2?", gold: "4"),
        Problem(id: "p3", question: "3+3?", gold: nil),
    ])

    private func config(urls: [String], out: String, concurrency: Int = 2) -> SamplingConfig {
        SamplingConfig(
            server: ServerSettings(
                baseURLs: urls, model: "fake-model",
                parameters: SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 16, topLogprobs: 2),
                apiKeyEnvironmentVariable: "HORIZON_TEST_NO_KEY", timeouts: shortTimeouts,
                retryPolicy: RetryPolicy(maximumAttempts: 6, initialDelay: .milliseconds(10), maximumDelay: .milliseconds(40)),
                // Longer than the run: a replica that failed once gets nothing more.
                replicaRest: ReplicaRest(base: .seconds(20), maximum: .seconds(20))),
            run: RunSettings(seed: 5, concurrency: concurrency, outputPath: out),
            dataset: Self.problems, samplesPerProblem: 2)
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("replicas").appendingPathComponent("out.jsonl").path
    }

    /// The output's lines, sorted (the order of completion differs between runs).
    private func sortedLines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init).sorted()
    }

    private static let serveCompletions: FaultyServer.Script = { _, request in .json(fakeChatCompletion(for: request)) }

    @Test("every sample is written once, as one good server alone writes it; the per-replica counts add up")
    func failover() async throws {
        let reference = try outputPath()
        try await FaultyServer.with(Self.serveCompletions) { good in
            _ = try await SamplingRun.run(config: config(urls: [good.baseURL], out: reference, concurrency: 1))
        }
        let gone = try await FaultyServer.start(Self.serveCompletions)
        await gone.stop()

        let out = try outputPath()
        try await FaultyServer.with({ _, _ in .json(#"{"error":"boom"}"#, status: 500) }) { failing in
            try await FaultyServer.with({ _, _ in [.reset] }) { resetting in
                try await FaultyServer.with({ _, _ in .json("this is not JSON {") }) { garbled in
                    try await FaultyServer.with(Self.serveCompletions) { good in
                        let urls = [failing.baseURL, resetting.baseURL, garbled.baseURL, gone.baseURL, good.baseURL + "/v1"]
                        let summary = try await SamplingRun.run(config: config(urls: urls, out: out))
                        #expect(summary.isComplete && summary.written == 6)
                        #expect(try sortedLines(out) == (try sortedLines(reference)))

                        let stats = summary.replicas
                        #expect(stats.map(\.url) == urls)
                        #expect(stats.map(\.completions) == [0, 0, 0, 0, 6])
                        #expect(stats.map(\.rests) == [1, 1, 1, 1, 0])
                        #expect(stats.allSatisfy { $0.requests == $0.completions + $0.failedAttempts })
                        #expect(stats.map(\.completions).reduce(0, +) == summary.written)
                        #expect(stats.map(\.completionTokens).reduce(0, +) == summary.completionTokens)
                        #expect(stats.map(\.failedAttempts).reduce(0, +) == summary.failedAttempts)
                        #expect(stats[0].failuresByCause == ["HTTP 500": stats[0].failedAttempts])
                        #expect(stats[1].failuresByCause.keys.sorted() == ["connection reset"])
                        #expect(stats[2].failuresByCause == ["malformed event": stats[2].failedAttempts])
                        #expect(stats[3].failuresByCause == ["connection refused": stats[3].failedAttempts])
                        // What each server saw is what the client counted.
                        for (server, stat) in zip([failing, resetting, garbled, good], [stats[0], stats[1], stats[2], stats[4]]) {
                            #expect(server.requests.count == stat.requests, "\(stat.url)")
                        }

                        let manifest = try #require(try JSONSerialization.jsonObject(
                            with: Data(contentsOf: URL(fileURLWithPath: out + ".manifest.json"))) as? [String: Any])
                        let session = try #require(manifest["session_settings"] as? [String: Any])
                        #expect(session["base_url"] as? String == urls[0])
                        #expect(session["base_urls"] as? [String] == urls)
                        let recorded = try #require((manifest["counts"] as? [String: Any])?["replicas"] as? [[String: Any]])
                        #expect(recorded.map { $0["url"] as? String } == urls)
                        #expect(recorded.map { $0["completions"] as? Int } == [0, 0, 0, 0, 6])
                        #expect(recorded.map { $0["completion_tokens"] as? Int } == stats.map(\.completionTokens))
                        #expect(recorded[4]["tokens_per_second"] as? Double ?? 0 > 0)
                    }
                }
            }
        }
    }

    @Test("a malformed body from a single server is not retried, as before replicas")
    func singleServerMalformed() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, _ in .json("this is not JSON {") }) { garbled in
            await #expect { _ = try await SamplingRun.run(config: config(urls: [garbled.baseURL], out: out, concurrency: 1)) } throws: {
                ($0 as? ClientError)?.reason == .malformedResponse
            }
            #expect(garbled.requests.count == 1)
        }
    }

    @Test("when every replica fails, the run stops after the attempts and says why")
    func allFail() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, _ in .json("overloaded", status: 503) }) { first in
            try await FaultyServer.with({ _, _ in .json("overloaded", status: 503) }) { second in
                var settings = config(urls: [first.baseURL, second.baseURL], out: out, concurrency: 1)
                settings.server.retryPolicy.maximumAttempts = 3
                settings.server.replicaRest = ReplicaRest(base: .milliseconds(50), maximum: .milliseconds(100))
                await #expect { _ = try await SamplingRun.run(config: settings) } throws: {
                    let error = $0 as? ClientError
                    return error?.httpStatus == 503 && error?.message.contains("gave up after 3 attempts") == true
                }
                #expect(first.requests.count + second.requests.count == 3)
            }
        }
    }

    @Test("a probe run fails over the same way: every continuation once, as one server writes it")
    func probeFailover() async throws {
        func probe(_ urls: [String], out: String) -> ProbeConfig {
            ProbeConfig(
                server: ServerSettings(
                    baseURLs: urls, model: "m", endpoint: .completions, parameters: SamplingParameters(maxTokens: 50, topLogprobs: nil),
                    timeouts: shortTimeouts, retryPolicy: RetryPolicy(maximumAttempts: 3, initialDelay: .milliseconds(10)),
                    replicaRest: ReplicaRest(base: .seconds(20), maximum: .seconds(20))),
                run: RunSettings(seed: 4, concurrency: 3, outputPath: out),
                targets: [ProbeRunTests.target], lengths: [.fraction(0), .fraction(1)], resamplePositions: [2], samplesPerProbe: 2)
        }
        let reference = try outputPath()
        try await FaultyServer.with(ProbeRunTests.echo) { good in
            _ = try await ProbeRun.run(config: probe([good.baseURL], out: reference))
        }
        let out = try outputPath()
        try await FaultyServer.with({ _, _ in [.close] }) { closing in
            try await FaultyServer.with(ProbeRunTests.echo) { good in
                let summary = try await ProbeRun.run(config: probe([closing.baseURL, good.baseURL], out: out))
                #expect(summary.isComplete && summary.written == 6)
                #expect(summary.replicas.map(\.completions) == [0, 6])
                #expect(summary.replicas[0].failedAttempts == closing.requests.count && closing.requests.count >= 1)
            }
        }
        #expect(try sortedLines(out) == (try sortedLines(reference)))
    }
}
