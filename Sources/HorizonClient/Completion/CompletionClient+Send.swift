import HorizonCommon

extension CompletionClient {
    /// A decoded answer and what it took to get it.
    struct Delivery<Value: Sendable>: Sendable {
        var value: Value
        /// Attempts made, 1 when the first succeeded.
        var attempts: Int
        /// The base URL of the replica that answered.
        var replica: String
    }

    /// Sends one request until it succeeds, fails for good, or the attempts run out: the one
    /// retry path of every request the client makes (completions, `/tokenize`).
    ///
    /// ```swift
    /// let delivery = try await client.send(jitterSeed: 7, request: { base in HTTPRequest(url: base + "/tokenize") },
    ///                                      receive: { _, body, _, _ in try await body.collect(upTo: 1 << 20) },
    ///                                      record: { lease, _ in client.replicas.answered(lease) })
    /// ```
    ///
    /// Each attempt goes to the replica ``ReplicaPool/acquire()`` chooses, under ``timeouts``.
    /// A non-success status becomes ``ClientError/Reason/httpStatus`` with the server's message
    /// and `Retry-After`. With several replicas, a replica fault (``ClientError/isReplicaFault``)
    /// is tried again at once on another replica when one is healthy, and otherwise as soon as a
    /// rest ends; other failures, and every failure of a single server, follow ``retryPolicy``.
    /// Either way the attempts count against `retryPolicy.maximumAttempts`. Every attempt is
    /// counted in the pool's statistics: a failure by ``ReplicaPool/failed(_:with:)``, a
    /// success by `record`, a cancellation by ``ReplicaPool/abandoned(_:)``.
    ///
    /// - Parameters:
    ///   - jitterSeed: seeds the retry jitter, so a rerun waits the same.
    ///   - onRetry: called before each wait.
    ///   - request: the HTTP request for a replica's base URL (the API key already in it).
    ///   - receive: reads a success response (status 2xx, from the URL given) into the value;
    ///     calls `Activity.touch()` as bytes arrive on a long body.
    ///   - record: counts the answer in the pool's statistics.
    /// - Returns: the value, the attempt count and the replica that answered.
    /// - Throws: the last ``ClientError``, the API key removed from its message (which says how
    ///   many attempts were made when there were several), or `CancellationError`.
    func send<Value: Sendable>(
        jitterSeed: UInt64,
        onRetry: @Sendable (Retry) -> Void = { _ in },
        request: (_ baseURL: String) -> HTTPRequest,
        receive: @escaping @Sendable (_ head: HTTPResponseHead, _ body: HTTPBody, _ url: String, RequestWatchdog.Activity) async throws -> Value,
        record: (ReplicaPool.Lease, Value) -> Void
    ) async throws -> Delivery<Value> {
        var generator = SplitMix64(seed: jitterSeed)
        var attempt = 1
        while true {
            let lease = try await replicas.acquire()
            do {
                let value = try await self.attempt(request(lease.url), receive: receive)
                record(lease, value)
                return Delivery(value: value, attempts: attempt, replica: lease.url)
            } catch var error as ClientError {
                replicas.failed(lease, with: error)
                if let apiKey { error.message = apiKey.redacting(error.message) }
                let delay: Duration?
                if replicas.failsOver, error.isReplicaFault {
                    // The replica now rests; the next `acquire` picks another one or waits.
                    delay = attempt < retryPolicy.maximumAttempts ? .zero : nil
                } else {
                    delay = retryPolicy.delay(afterAttempt: attempt, failedWith: error, using: &generator)
                }
                guard let delay else {
                    if attempt > 1 { error.message += " (gave up after \(attempt) attempts)" }
                    throw error
                }
                onRetry(Retry(attempt: attempt, error: error, delay: delay))
                try await Task.sleep(for: delay)
                attempt += 1
            } catch {
                replicas.abandoned(lease)
                throw error
            }
        }
    }

    /// One attempt under the read-gap and total timeouts.
    private func attempt<Value: Sendable>(
        _ http: HTTPRequest,
        receive: @escaping @Sendable (_ head: HTTPResponseHead, _ body: HTTPBody, _ url: String, RequestWatchdog.Activity) async throws -> Value
    ) async throws -> Value {
        let transport = transport
        let apiKey = apiKey
        return try await RequestWatchdog.run(timeouts: timeouts, url: http.url) { activity in
            let (head, body) = try await transport.send(http)
            activity.touch()
            guard (200..<300).contains(head.status) else {
                throw await Self.statusError(head, body: body, url: http.url, apiKey: apiKey)
            }
            return try await receive(head, body, http.url, activity)
        }
    }
}
