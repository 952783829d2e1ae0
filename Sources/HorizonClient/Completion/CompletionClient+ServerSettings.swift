extension CompletionClient {
    /// Runs `body` with the client a run uses for `server` (a pooled transport for
    /// `concurrency` requests at once, the server's replicas, timeouts and retry policy, the API
    /// key from its environment variable), and shuts the transport down after it, whether it
    /// returned or threw (AsyncHTTPClient must be shut down before it is released).
    ///
    /// - Throws: what `body` throws; else a failure to shut down.
    static func using<Result>(
        server: ServerSettings, concurrency: Int, _ body: (CompletionClient) async throws -> Result
    ) async throws -> Result {
        let client = CompletionClient(
            transport: AsyncHTTPClientTransport(concurrency: concurrency, timeouts: server.timeouts),
            replicas: ReplicaPool(urls: server.baseURLs, rest: server.replicaRest),
            apiKey: APIKey.fromEnvironment(server.apiKeyEnvironmentVariable),
            timeouts: server.timeouts,
            retryPolicy: server.retryPolicy
        )
        let result: Result
        do {
            result = try await body(client)
        } catch {
            try? await client.transport.shutdown()
            throw error
        }
        try await client.transport.shutdown()
        return result
    }
}
