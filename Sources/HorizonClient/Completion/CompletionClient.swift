import HorizonTraces
import Foundation
import HorizonCommon
import NIOCore

/// Sends completion requests with retries, timeouts and the API key, to one server or the
/// replicas of a ``ReplicaPool``, and decodes the answers.
///
/// ```swift
/// let client = CompletionClient(transport: transport, baseURL: "http://127.0.0.1:8080")
/// let result = try await client.complete(request, jitterSeed: 42)
/// print(result.completion.text, result.attempts)
/// ```
public struct CompletionClient: Sendable {
    public var transport: any HTTPTransport
    /// The servers (each a root or its OpenAI base, `…/v1`) and which one takes each attempt.
    public var replicas: ReplicaPool
    /// Sent as `Authorization: Bearer …` when present.
    public var apiKey: APIKey?
    public var timeouts: RequestTimeouts
    public var retryPolicy: RetryPolicy
    /// The largest non-streamed body accepted.
    public var maximumBodyBytes: Int

    public init(
        transport: any HTTPTransport,
        replicas: ReplicaPool,
        apiKey: APIKey? = nil,
        timeouts: RequestTimeouts = RequestTimeouts(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        maximumBodyBytes: Int = 1 << 30
    ) {
        self.transport = transport
        self.replicas = replicas
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.retryPolicy = retryPolicy
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// A client for the one server at `baseURL` (the server root or its OpenAI base, `…/v1`).
    public init(
        transport: any HTTPTransport,
        baseURL: String,
        apiKey: APIKey? = nil,
        timeouts: RequestTimeouts = RequestTimeouts(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        maximumBodyBytes: Int = 1 << 30
    ) {
        self.init(
            transport: transport, replicas: ReplicaPool(urls: [baseURL]), apiKey: apiKey, timeouts: timeouts,
            retryPolicy: retryPolicy, maximumBodyBytes: maximumBodyBytes)
    }

    /// A completion and what it took to get it.
    public struct Outcome: Sendable, Equatable {
        public var completion: Completion
        /// Attempts made, 1 when the first succeeded.
        public var attempts: Int
        /// The base URL of the replica that answered.
        public var replica: String
    }

    /// A failed attempt that will be retried.
    public struct Retry: Sendable, Equatable {
        /// The 1-based number of the attempt that failed.
        public var attempt: Int
        public var error: ClientError
        /// The wait before the next attempt.
        public var delay: Duration
    }

    /// Sends `request` until it succeeds, fails for good, or the attempts run out, through the
    /// client's one retry path (``send(jitterSeed:onRetry:request:receive:record:)``: replica
    /// choice and failover, ``retryPolicy``, timeouts, the API key).
    ///
    /// - Parameters:
    ///   - request: the request.
    ///   - jitterSeed: seeds the retry jitter, so a rerun waits the same.
    ///   - onRetry: called before each wait.
    /// - Returns: the decoded completion, the attempt count and the replica that answered.
    /// - Throws: the last ``ClientError`` (its message says how many attempts were made), or
    ///   `CancellationError`.
    public func complete(
        _ request: CompletionRequest,
        jitterSeed: UInt64,
        onRetry: @Sendable (Retry) -> Void = { _ in }
    ) async throws -> Outcome {
        let apiKey = apiKey
        let limit = maximumBodyBytes
        let replicas = replicas
        let delivery = try await send(
            jitterSeed: jitterSeed, onRetry: onRetry,
            request: { request.httpRequest(baseURL: $0, apiKey: apiKey) },
            receive: { head, body, url, activity in
                let completion = try await Self.decode(
                    head, body: body, activity: activity, url: url, endpoint: request.endpoint,
                    streamRequested: request.stream, apiKey: apiKey, limit: limit)
                return completion.droppingStopStep()
                    .droppingEchoedPrefix(request.endpoint.takesMessages ? request.responsePrefix : nil)
            },
            record: { replicas.succeeded($0, tokens: $1.tokenCount ?? 0) })
        return Outcome(completion: delivery.value, attempts: delivery.attempts, replica: delivery.replica)
    }

    /// Reads a success response into a completion: an event stream, or a JSON body of at most
    /// `limit` bytes.
    private static func decode(
        _ head: HTTPResponseHead, body: HTTPBody, activity: RequestWatchdog.Activity, url: String, endpoint: Endpoint,
        streamRequested: Bool, apiKey: APIKey?, limit: Int
    ) async throws -> Completion {
        let contentType = head.header("Content-Type")?.lowercased()
        let isEventStream = contentType.map { $0.contains("text/event-stream") } ?? streamRequested
        if isEventStream {
            var decoder = ServerSentEventDecoder()
            var accumulator = CompletionStreamAccumulator(endpoint: endpoint)
            // Read to the end even after [DONE], so the connection can be reused; a failure
            // after a complete stream loses nothing, so it only costs the connection.
            do {
                for try await chunk in body {
                    activity.touch()
                    try decoder.feed(chunk.readableBytesView) { data, count throws(ClientError) in try accumulator.consume(data, count: count) }
                }
            } catch let error as ClientError where accumulator.isComplete && error.reason == .connectionLost {
                return try accumulator.completion()
            }
            return try accumulator.completion()
        }
        var bytes: [UInt8] = []
        // One allocation for the whole body (and the NUL the decoder appends) when its size is known.
        if let length = head.header("Content-Length").flatMap(Int.init), length <= limit { bytes.reserveCapacity(length + 1) }
        for try await chunk in body {
            activity.touch()
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
            guard bytes.count <= limit else {
                throw ClientError(.malformedResponse, "\(url) sent a body larger than \(limit) bytes")
            }
        }
        // Before decoding: an error message or preview cut short could keep part of the key.
        if let apiKey { bytes = apiKey.redacting(bytes) }
        return try CompletionDecoder.decode(consume bytes, endpoint: endpoint)
    }

    /// The error for a non-success status, with the server's own message when it sent one.
    /// The key is removed before the body is cut short, so no part of it can be left.
    static func statusError(_ head: HTTPResponseHead, body: HTTPBody, url: String, apiKey: APIKey?) async -> ClientError {
        var bytes = (try? await body.collect(upTo: 1 << 16)) ?? []
        if let apiKey { bytes = apiKey.redacting(bytes) }
        var detail = String(decoding: bytes.prefix(500), as: UTF8.self)
        if let json = try? JSONValue(parsing: bytes), let error = json["error"] ?? json["detail"] ?? json["message"] {
            detail = apiKey.map { $0.redacting(CompletionDecoder.errorMessage(error)) } ?? CompletionDecoder.errorMessage(error)
        }
        let trimmed = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        return ClientError(
            .httpStatus,
            "\(url) answered HTTP \(head.status)" + (trimmed.isEmpty ? "" : ": \(trimmed)"),
            httpStatus: head.status,
            retryAfterSeconds: head.header("Retry-After").flatMap { RetryAfter.seconds(fromHeader: $0) }
        )
    }
}
