import HorizonCommon
import Foundation
import HorizonClient

/// Parses JSON text in a test (a fixture, a written line).
func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

/// The natural log, for expected log-probabilities.
func ln(_ x: Double) -> Double { Foundation.log(x) }

/// Retries fast, so fault tests take milliseconds.
let fastRetries = RetryPolicy(
    maximumAttempts: 4,
    initialDelay: .milliseconds(10),
    maximumDelay: .milliseconds(40),
    maximumRetryAfter: .seconds(2)
)

/// Timeouts for loopback servers in tests that are not about timeouts: generous, because the
/// suite's fuzz and build jobs can starve a healthy server for seconds on a 2-core machine, and a
/// spurious retry would change the request counts these tests check. Timeout tests set their own.
let shortTimeouts = RequestTimeouts(connect: .seconds(10), readGap: .seconds(20), total: .seconds(60))

/// A minimal chat request.
func chatRequest(stream: Bool = false, seed: Int = 1, topLogprobs: Int? = 2) -> CompletionRequest {
    CompletionRequest(
        endpoint: .chat,
        model: "test-model",
        prompt: .messages([ChatMessage(role: "user", content: "1+1?")]),
        parameters: SamplingParameters(maxTokens: 8, topLogprobs: topLogprobs),
        seed: seed,
        stream: stream
    )
}

/// Sends one request through AsyncHTTPClient to `server` and shuts the transport down.
func complete(
    _ request: CompletionRequest,
    on server: FaultyServer,
    retryPolicy: RetryPolicy = fastRetries,
    timeouts: RequestTimeouts = shortTimeouts,
    apiKey: APIKey? = nil
) async throws -> CompletionClient.Outcome {
    try await complete(request, baseURL: server.baseURL, retryPolicy: retryPolicy, timeouts: timeouts, apiKey: apiKey)
}

/// Sends one request through AsyncHTTPClient to `baseURL` and shuts the transport down.
func complete(
    _ request: CompletionRequest,
    baseURL: String,
    retryPolicy: RetryPolicy = fastRetries,
    timeouts: RequestTimeouts = shortTimeouts,
    apiKey: APIKey? = nil
) async throws -> CompletionClient.Outcome {
    let transport = AsyncHTTPClientTransport(concurrency: 2, timeouts: timeouts)
    let client = CompletionClient(transport: transport, baseURL: baseURL, apiKey: apiKey, timeouts: timeouts, retryPolicy: retryPolicy)
    do {
        let result = try await client.complete(request, jitterSeed: 1)
        try await transport.shutdown()
        return result
    } catch {
        try await transport.shutdown()
        throw error
    }
}

/// A well-behaved chat completion for `request`: its text names the request's seed and user
/// message, with two tokens of log-probabilities (each a fair coin between "a" and "b").
func fakeChatCompletion(for request: FaultyServer.Request) -> String {
    let body = request.json
    let seed = body?["seed"]?.intValue ?? -1
    let question = body?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
    let half = ln(0.5)
    let entry = #"{"token":"a","logprob":\#(half),"bytes":[97],"top_logprobs":[{"token":"a","logprob":\#(half),"bytes":[97]},{"token":"b","logprob":\#(half),"bytes":[98]}]}"#
    var reply: JSONValue = ["role": "assistant", "content": .string("seed \(seed) for \(question)")]
    reply["reasoning_content"] = "thinking"
    return #"{"object":"chat.completion","model":"fake","choices":[{"index":0,"message":\#(reply.jsonText),"logprobs":{"content":[\#(entry),\#(entry)]},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"#
}
