import HorizonCommon

/// The server's own tokenisation of the text parts of probe prompts (the rendered prompt, the
/// forcing text), so that a probe can send one prompt of token ids where the server refuses a
/// prompt mixing text and ids (``PrefixEncoding/allTokenIDs``).
///
/// It asks `POST /tokenize` at the server root, with one body both servers read:
/// llama.cpp's server reads `content`, `add_special` (its default is `false`) and
/// `parse_special` (default `true`); vLLM reads `model`, `prompt` and `add_special_tokens`
/// (default `true`), and ignores the members it does not know. Both answer `{"tokens": [...]}`.
/// Each distinct text is asked once.
struct PromptTokenizer {
    /// A text and whether the server adds its special start tokens (BOS) to it: only the text a
    /// prompt begins with gets them, as on the completions path.
    struct Part: Hashable, Sendable {
        var text: String
        var addsSpecialTokens: Bool
    }

    let server: ServerSettings
    let concurrency: Int

    /// The largest `/tokenize` answer read.
    static let maximumBodyBytes = 1 << 26

    /// The token ids of each part.
    ///
    /// - Throws: ``ClientError`` once a part fails for good, naming the URL; a server without
    ///   `/tokenize` answers 404, and the message says which encodings need none.
    func tokenize(_ parts: Set<Part>) async throws -> [Part: [Int]] {
        let transport = AsyncHTTPClientTransport(concurrency: concurrency, timeouts: server.timeouts)
        let apiKey = APIKey.fromEnvironment(server.apiKeyEnvironmentVariable)
        var result: [Part: [Int]] = [:]
        var failure: (any Error)?
        do {
            // Sorted, so that the requests (and which replica gets which) repeat from run to run.
            var pending = parts.sorted { ($0.text, $0.addsSpecialTokens ? 1 : 0) < ($1.text, $1.addsSpecialTokens ? 1 : 0) }[...]
            try await withThrowingTaskGroup(of: (Part, [Int]).self) { group in
                var index = 0
                func startNext() {
                    guard let part = pending.popFirst() else { return }
                    let replica = index
                    index += 1
                    group.addTask { (part, try await self.tokenize(part, firstReplica: replica, transport: transport, apiKey: apiKey)) }
                }
                for _ in 0..<concurrency { startNext() }
                while let (part, ids) = try await group.next() {
                    result[part] = ids
                    startNext()
                }
            }
        } catch {
            failure = error
        }
        try await transport.shutdown()
        if let failure { throw failure }
        return result
    }

    /// One part, retried as ``RetryPolicy`` says, attempt n on replica `firstReplica + n - 1`
    /// (round the list), so the parts spread over the replicas and a failing one is left.
    private func tokenize(_ part: Part, firstReplica: Int, transport: any HTTPTransport, apiKey: APIKey?) async throws -> [Int] {
        // Seeded by the part's place, so a rerun waits the same.
        var generator = SplitMix64(seed: UInt64(firstReplica))
        var attempt = 1
        while true {
            let url = Self.url(baseURL: server.baseURLs[(firstReplica + attempt - 1) % server.baseURLs.count])
            do {
                return try await send(part, to: url, transport: transport, apiKey: apiKey)
            } catch var error as ClientError {
                if let apiKey { error.message = apiKey.redacting(error.message) }
                guard let delay = server.retryPolicy.delay(afterAttempt: attempt, failedWith: error, using: &generator) else {
                    throw error
                }
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    private func send(_ part: Part, to url: String, transport: any HTTPTransport, apiKey: APIKey?) async throws -> [Int] {
        let body: JSONValue = [
            "content": .string(part.text), "add_special": .bool(part.addsSpecialTokens), "parse_special": true,
            "model": .string(server.model), "prompt": .string(part.text), "add_special_tokens": .bool(part.addsSpecialTokens),
        ]
        var headers = [HTTPHeaderField(name: "Content-Type", value: "application/json")]
        if let apiKey { headers.append(HTTPHeaderField(name: "Authorization", value: "Bearer \(apiKey.secret)")) }
        let request = HTTPRequest(url: url, headers: headers, body: body.serialized())
        return try await RequestWatchdog.run(timeouts: server.timeouts, url: url) { activity in
            let (head, responseBody) = try await transport.send(request)
            activity.touch()
            guard (200..<300).contains(head.status) else {
                var error = await CompletionClient.statusError(head, body: responseBody, url: url, apiKey: apiKey)
                if head.status == 404 || head.status == 405 {
                    error.message += " (the server does not tokenize; use --prefix-as token-ids or text)"
                }
                throw error
            }
            var bytes = try await responseBody.collect(upTo: Self.maximumBodyBytes)
            if let apiKey { bytes = apiKey.redacting(bytes) }
            let tokens = (try? JSONValue(parsing: bytes))?["tokens"]?.arrayValue
            let ids = tokens?.compactMap(\.intValue) ?? []
            guard let tokens, ids.count == tokens.count else {
                throw ClientError(.malformedResponse, "\(url) did not answer with {\"tokens\": [ids]}: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            }
            return ids
        }
    }

    /// `/tokenize` at the server root of `baseURL` (a root or an OpenAI base, `…/v1`).
    static func url(baseURL: String) -> String { Endpoint.serverRoot(of: baseURL) + "/tokenize" }
}
