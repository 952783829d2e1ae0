import HorizonCommon
import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// `SamplingRun` against a real loopback server that misbehaves in ways a careless run would
/// swallow: answers without log-probs, invalid log-probs, an echoed API key, and a resume over
/// a damaged output. Each must fail loudly, or leave nothing secret behind.
@Suite("Faulty server: secrets and silent acceptance", .serialized)
struct SilentAcceptanceTests {
    static let problems = ProblemSet(problems: [Problem(id: "p1", question: "1+1?", gold: "2")])

    private func config(_ server: FaultyServer, out: String, samples: Int = 2, apiKeyVariable: String = "HORIZON_TEST_NO_KEY") -> SamplingConfig {
        SamplingConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL], model: "fake-model", endpoint: .chat, parameters: SamplingParameters(maxTokens: 16, topLogprobs: 2),
                apiKeyEnvironmentVariable: apiKeyVariable, timeouts: shortTimeouts, retryPolicy: fastRetries),
            run: RunSettings(seed: 3, concurrency: 1, outputPath: out, commandLine: ["horizon", "sample"]),
            dataset: Self.problems, samplesPerProblem: samples)
    }

    private func outputPath() throws -> String {
        try SharedData.temporaryDirectory("silent").appendingPathComponent("out.jsonl").path
    }

    /// The error a run ends with, or a recorded issue when it succeeds.
    private func failure(_ config: SamplingConfig) async -> ClientError? {
        do {
            _ = try await SamplingRun.run(config: config)
            Issue.record("the run succeeded")
            return nil
        } catch {
            return error as? ClientError
        }
    }

    /// Every file the run wrote, as text.
    private func writtenText(_ out: String) -> String {
        [out, out + ".manifest.json"].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    /// A chat completion with the given `logprobs` member.
    private static func completion(logprobs: String, content: String = "The answer is 2") -> String {
        #"{"object":"chat.completion","model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"\#(content)"},"logprobs":\#(logprobs),"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#
    }

    @Test("a server that answers without log-probs fails the run (no trace written), unless none were asked for")
    func missingLogProbs() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, _ in .json(Self.completion(logprobs: "null")) }) { server in
            let error = await failure(config(server, out: out))
            #expect(error?.reason == .unusableCompletion)
            #expect(error?.message.contains("without the log-probs") == true, "\(String(describing: error))")
            #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").isEmpty)

            // Asked for none (--top-logprobs 0): text-only traces are what the user wanted.
            var textOnly = config(server, out: out)
            textOnly.server.parameters.topLogprobs = nil
            textOnly.run.force = true
            let summary = try await SamplingRun.run(config: textOnly)
            #expect(summary.written == 2)
        }
    }

    @Test("an empty output without log-probs is written: it has no token to give them for")
    func emptyOutputWithoutLogProbs() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, _ in .json(Self.completion(logprobs: "null", content: "")) }) { server in
            let summary = try await SamplingRun.run(config: config(server, out: out))
            #expect(summary.written == 2)
        }
    }

    @Test("a positive log-prob is refused when sampled, not later by analyze")
    func positiveLogProb() async throws {
        let out = try outputPath()
        let entry = #"{"token":"The","logprob":0.5,"bytes":[84,104,101],"top_logprobs":[{"token":"The","logprob":0.5,"bytes":[84,104,101]}]}"#
        try await FaultyServer.with({ _, _ in .json(Self.completion(logprobs: #"{"content":[\#(entry)]}"#, content: "The")) }) { server in
            let error = await failure(config(server, out: out))
            #expect(error?.reason == .unusableCompletion)
            #expect(error?.message.contains("positive (0.5)") == true, "\(String(describing: error))")
            #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").isEmpty)
        }
    }

    @Test("an error body echoing the Authorization header does not print or write the key")
    func echoedKeyInError() async throws {
        let out = try outputPath()
        let variable = "HORIZON_TEST_KEY_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        let secret = "sk-live-\(UUID().uuidString)"
        setenv(variable, secret, 1)
        defer { unsetenv(variable) }
        // 460 bytes of padding put the key across the 500-character cut of an error message.
        let padding = String(repeating: "x", count: 460)
        try await FaultyServer.with({ index, request in
            let authorization = request.header("Authorization") ?? ""
            switch index % 3 {
            case 0: return .json(#"{"error":{"message":"invalid key in header Authorization: \#(authorization)"}}"#, status: 401)
            case 1: return [.head(status: 403, headers: [("Content-Type", "text/plain")]), .body(Array("\(padding) \(authorization)".utf8)), .end]
            default: return .json(#"{"error":{"message":"\#(padding) \#(authorization)"}}"#, status: 200)
            }
        }) { server in
            for _ in 0..<3 {
                let error = await failure(config(server, out: out, apiKeyVariable: variable))
                let message = try #require(error).description
                #expect(!message.contains(secret) && !message.contains(String(secret.prefix(12))), "\(message)")
                #expect(message.contains("Bearer <redacted>"), "\(message)")
            }
            #expect(server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(secret)" })
            #expect(!writtenText(out).contains(secret))
        }
    }

    @Test("a completion echoing the key is written with the key redacted")
    func echoedKeyInCompletion() async throws {
        let out = try outputPath()
        let variable = "HORIZON_TEST_KEY_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"
        let secret = "sk-live-\(UUID().uuidString)"
        setenv(variable, secret, 1)
        defer { unsetenv(variable) }
        try await FaultyServer.with({ _, request in
            var reply = fakeChatCompletion(for: request)
            reply = reply.replacingOccurrences(of: "\"content\":\"seed", with: "\"content\":\"\(request.header("Authorization") ?? "") seed")
            return .json(reply)
        }) { server in
            _ = try await SamplingRun.run(config: config(server, out: out, apiKeyVariable: variable))
            let text = writtenText(out)
            #expect(!text.contains(secret))
            #expect(text.contains("Bearer <redacted> seed"))
        }
    }

    @Test("resuming over a duplicated line names the line instead of reporting 0 new")
    func duplicatedLine() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, request in .json(fakeChatCompletion(for: request)) }) { server in
            _ = try await SamplingRun.run(config: config(server, out: out))
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
            try (lines + [lines[0]]).map { $0 + "\n" }.joined().write(toFile: out, atomically: true, encoding: .utf8)
            let error = await failure(config(server, out: out))
            #expect(error?.reason == .invalidExistingOutput)
            #expect(error?.location?.file == out && error?.location?.line == 3)
            #expect(error?.message.contains("duplicated line") == true)
        }
    }

    @Test("a huge plan starts sending at once: requests are made as they are needed")
    func hugePlanIsLazy() async throws {
        let out = try outputPath()
        let start = ContinuousClock.now
        try await FaultyServer.with({ _, _ in .json(#"{"error":{"message":"no"}}"#, status: 400) }) { server in
            // 10^10 items: building them up front would run out of memory long before the first request.
            let error = await failure(config(server, out: out, samples: 10_000_000_000))
            #expect(error?.reason == .httpStatus)
            #expect(server.requests.count == 1)
        }
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test("an extra body that overrides the log-prob request is refused before anything is sent")
    func extraBodyOverridingLogProbs() async throws {
        let out = try outputPath()
        try await FaultyServer.with({ _, request in .json(fakeChatCompletion(for: request)) }) { server in
            for extra: JSONValue in [["logprobs": false], ["top_logprobs": 0], ["n_probs": 0]] {
                var settings = config(server, out: out)
                settings.server.extraBody = extra
                let error = await failure(settings)
                #expect(error?.reason == .invalidConfiguration)
            }
            #expect(server.requests.isEmpty)
        }
    }
}
