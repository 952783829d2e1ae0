import HorizonCommon
import Foundation
import HorizonClient
import Testing

/// The client against a real loopback server that misbehaves on purpose.
@Suite("Faulty server", .serialized)
struct FaultTests {
    /// The number of requests the server saw, and the outcome of one `complete`.
    private func outcome(
        retryPolicy: RetryPolicy = fastRetries,
        timeouts: RequestTimeouts = shortTimeouts,
        request: CompletionRequest = chatRequest(),
        _ script: @escaping FaultyServer.Script
    ) async throws -> (requests: Int, result: Result<CompletionClient.Outcome, ClientError>) {
        try await FaultyServer.with(script) { server in
            do {
                let result = try await complete(request, on: server, retryPolicy: retryPolicy, timeouts: timeouts)
                return (server.requests.count, .success(result))
            } catch let error as ClientError {
                return (server.requests.count, .failure(error))
            }
        }
    }

    @Test("a connection reset is retried, then the completion arrives")
    func resetThenSuccess() async throws {
        let (requests, result) = try await outcome { index, request in
            index == 0 ? [.reset] : .json(fakeChatCompletion(for: request))
        }
        let completion = try result.get()
        #expect(completion.attempts == 2)
        #expect(requests == 2)
        #expect(completion.completion.text == "seed 1 for 1+1?")
    }

    @Test("a connection closed before the answer is retried")
    func closeThenSuccess() async throws {
        let (requests, result) = try await outcome { index, request in
            index == 0 ? [.close] : .json(fakeChatCompletion(for: request))
        }
        #expect(try result.get().attempts == 2)
        #expect(requests == 2)
    }

    @Test("429 with Retry-After: the client waits what the server asked, then succeeds")
    func tooManyRequestsHonoursRetryAfter() async throws {
        let start = ContinuousClock.now
        let (requests, result) = try await outcome { index, request in
            index == 0
                ? .json(#"{"error":{"message":"slow down"}}"#, status: 429, headers: [("Retry-After", "1")])
                : .json(fakeChatCompletion(for: request))
        }
        let elapsed = ContinuousClock.now - start
        #expect(try result.get().attempts == 2)
        #expect(requests == 2)
        // fastRetries alone would wait at most 40 ms.
        #expect(elapsed >= .milliseconds(950))
    }

    @Test("500 then success")
    func serverErrorThenSuccess() async throws {
        let (requests, result) = try await outcome { index, request in
            index == 0 ? .json("internal error", status: 500) : .json(fakeChatCompletion(for: request))
        }
        #expect(try result.get().attempts == 2)
        #expect(requests == 2)
    }

    @Test("a 500 that persists: exactly maximumAttempts requests, then an httpStatus error")
    func serverErrorForever() async throws {
        let (requests, result) = try await outcome { _, _ in .json(#"{"error":"boom"}"#, status: 503) }
        #expect(requests == fastRetries.maximumAttempts)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .httpStatus)
        #expect(error.httpStatus == 503)
        #expect(error.message.contains("boom"))
        #expect(error.message.contains("after 4 attempts"))
    }

    @Test("a 400 is not retried and carries the server's message")
    func badRequestNotRetried() async throws {
        let (requests, result) = try await outcome { _, _ in
            .json(#"{"error":{"message":"top_logprobs must be <= 20","type":"BadRequestError"}}"#, status: 400)
        }
        #expect(requests == 1)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .httpStatus)
        #expect(error.message.contains("top_logprobs must be <= 20"))
    }

    @Test("a server that never answers trips the read-gap timeout")
    func stallBeforeHead() async throws {
        let timeouts = RequestTimeouts(connect: .seconds(2), readGap: .seconds(1), total: .seconds(10))
        let start = ContinuousClock.now
        let (requests, result) = try await outcome(retryPolicy: RetryPolicy(maximumAttempts: 1), timeouts: timeouts) { _, _ in
            [.pause(.seconds(30))]
        }
        #expect(requests == 1)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .readTimeout)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("a stream that stalls after its first event trips the read-gap timeout, and is retried")
    func stallMidStream() async throws {
        let timeouts = RequestTimeouts(connect: .seconds(2), readGap: .seconds(1), total: .seconds(10))
        let (requests, result) = try await outcome(timeouts: timeouts, request: chatRequest(stream: true)) { index, _ in
            var steps: [FaultyServer.Step] = [
                .head(status: 200, headers: [("Content-Type", "text/event-stream")]),
                .body(Array("data: \(ServerShapeFixtures.vllmChatStreamEvents[0])\n\n".utf8)),
            ]
            if index == 0 { steps.append(.pause(.seconds(30))) }
            steps += ServerShapeFixtures.vllmChatStreamEvents.dropFirst().map { .body(Array("data: \($0)\n\n".utf8)) }
            return steps + [.body(Array("data: [DONE]\n\n".utf8)), .end]
        }
        #expect(requests == 2)
        let completion = try result.get()
        #expect(completion.attempts == 2)
        #expect(completion.completion.text == "4")
    }

    @Test("bytes trickling forever never trip the gap but hit the total deadline")
    func totalDeadline() async throws {
        let timeouts = RequestTimeouts(connect: .seconds(2), readGap: .seconds(1), total: .milliseconds(2500))
        let start = ContinuousClock.now
        let (_, result) = try await outcome(retryPolicy: RetryPolicy(maximumAttempts: 1), timeouts: timeouts) { _, _ in
            [.head(status: 200, headers: [("Content-Type", "application/json")])]
                + Array(repeating: [FaultyServer.Step.body(Array(" ".utf8)), .pause(.milliseconds(50))], count: 200).flatMap { $0 }
        }
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .deadlineExceeded)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(2450) && elapsed < .seconds(6))
    }

    @Test("a stream that ends without [DONE] is truncated and retried")
    func truncatedStream() async throws {
        let (requests, result) = try await outcome(request: chatRequest(stream: true)) { index, _ in
            index == 0
                ? .eventStream(Array(ServerShapeFixtures.vllmChatStreamEvents.prefix(2)), done: false)
                : .eventStream(ServerShapeFixtures.vllmChatStreamEvents)
        }
        #expect(requests == 2)
        #expect(try result.get().completion.text == "4")
    }

    @Test("[DONE] without a finish_reason (llama-cpp-python interrupting a stream) is truncated and retried")
    func doneWithoutFinishReason() async throws {
        let (requests, result) = try await outcome(request: chatRequest(stream: true)) { index, _ in
            index == 0
                ? .eventStream(Array(ServerShapeFixtures.vllmChatStreamEvents.prefix(2)), done: true)
                : .eventStream(ServerShapeFixtures.vllmChatStreamEvents)
        }
        #expect(requests == 2)
        #expect(try result.get().completion.finishReason == "stop")
    }

    @Test("a stream cut off by closing the connection mid-event is retried")
    func streamCutMidEvent() async throws {
        let (requests, result) = try await outcome(request: chatRequest(stream: true)) { index, _ in
            index == 0
                ? [.head(status: 200, headers: [("Content-Type", "text/event-stream")]), .body(Array(#"data: {"choices":[{"delta":{"con"#.utf8)), .close]
                : .eventStream(ServerShapeFixtures.vllmChatStreamEvents)
        }
        #expect(requests == 2)
        #expect(try result.get().attempts == 2)
    }

    @Test("a stream that never ends without [DONE] fails as truncated after the attempts")
    func truncatedForever() async throws {
        let (requests, result) = try await outcome(request: chatRequest(stream: true)) { _, _ in
            .eventStream(Array(ServerShapeFixtures.vllmChatStreamEvents.prefix(3)), done: false)
        }
        #expect(requests == fastRetries.maximumAttempts)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .truncatedStream)
    }

    @Test("malformed JSON in a 200 is not retried")
    func malformedJSON() async throws {
        let (requests, result) = try await outcome { _, _ in .json(#"{"choices":[{"index":0,"message":{"content":"4""#) }
        #expect(requests == 1)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .malformedResponse)
    }

    @Test("a 200 that is not a completion is refused, not retried")
    func notACompletion() async throws {
        let (requests, result) = try await outcome { _, _ in .json(#"{"object":"list","data":[{"id":"m"}]}"#) }
        #expect(requests == 1)
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .notACompletion)
    }

    @Test("an error event inside a stream is refused")
    func errorEvent() async throws {
        let (_, result) = try await outcome(request: chatRequest(stream: true)) { _, _ in
            .eventStream([#"{"error":{"message":"out of memory","code":500}}"#])
        }
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.reason == .notACompletion)
        #expect(error.message.contains("out of memory"))
    }

    @Test("nothing listening: unreachable, after the attempts")
    func unreachable() async throws {
        // A port that was free a moment ago: bind, note it, stop.
        let server = try await FaultyServer.start { _, _ in [] }
        let baseURL = server.baseURL
        await server.stop()
        await #expect {
            _ = try await complete(chatRequest(), baseURL: baseURL)
        } throws: { error in
            (error as? ClientError)?.reason == .unreachable
        }
    }

    @Test("server-sent events split at every byte still decode to the same completion")
    func streamSplitIntoBytes() async throws {
        let (_, result) = try await outcome(request: chatRequest(stream: true)) { _, _ in
            let text = ServerShapeFixtures.vllmChatStreamEvents.map { "data: \($0)\r\n\r\n" }.joined() + "data: [DONE]\r\n\r\n"
            return [.head(status: 200, headers: [("Content-Type", "text/event-stream")])]
                + Array(text.utf8).map { FaultyServer.Step.body([$0]) } + [.end]
        }
        let completion = try result.get().completion
        #expect(completion.text == "4")
        #expect(completion.reasoning == "hm")
        #expect(completion.finishReason == "stop")
        #expect(completion.promptTokens == 7)
        #expect(completion.completionTokens == 2)
        #expect(completion.logprobs?["content"]?.arrayValue?.map { $0["token"] } == ["hm", "4"])
    }

    @Test("a streamed legacy completion concatenates its arrays")
    func legacyStream() async throws {
        var request = chatRequest(stream: true)
        request.endpoint = .completions
        request.prompt = .text("2+2=")
        let (_, result) = try await outcome(request: request) { _, _ in .eventStream(ServerShapeFixtures.vllmLegacyStreamEvents) }
        let completion = try result.get().completion
        #expect(completion.text == " 4.")
        let expected: JSONValue = [
            "tokens": [" 4", "."],
            "token_logprobs": [.number("-0.5"), .number("-0.125")],
            "top_logprobs": [[" 4": .number("-0.5"), " 5": .number("-1.0")], [".": .number("-0.125")]],
            "text_offset": [5, 7],
        ]
        #expect(completion.logprobs == expected)
    }

    @Test("a server that ignores stream and answers JSON is still read")
    func streamAnsweredWithJSON() async throws {
        let (_, result) = try await outcome(request: chatRequest(stream: true)) { _, request in .json(fakeChatCompletion(for: request)) }
        #expect(try result.get().completion.text == "seed 1 for 1+1?")
    }

    @Test("the API key goes out as a bearer token and never into an error message")
    func bearerToken() async throws {
        let secret = "sk-test-\(UUID().uuidString)"
        try await FaultyServer.with({ _, _ in .json(#"{"error":"nope"}"#, status: 401) }) { server in
            do {
                _ = try await complete(chatRequest(), on: server, apiKey: APIKey(secret))
                Issue.record("expected a failure")
            } catch let error as ClientError {
                #expect(error.httpStatus == 401)
                #expect(!error.description.contains(secret))
                #expect(!String(reflecting: error).contains(secret))
            }
            #expect(server.requests.first?.header("Authorization") == "Bearer \(secret)")
        }
        #expect("\(APIKey(secret))" == "<redacted>")
        #expect(!String(reflecting: APIKey(secret)).contains(secret))
    }
}
