import HorizonCommon

/// The server's own tokenisation of the text parts of probe prompts (the rendered prompt, the
/// forcing text), so that a probe can send one prompt of token ids where the server refuses a
/// prompt mixing text and ids (``PrefixEncoding/allTokenIDs``).
///
/// It asks `POST /tokenize` at the server root, with one body both servers read:
/// llama.cpp's server reads `content`, `add_special` (its default is `false`) and
/// `parse_special` (default `true`); vLLM (and SGLang) read `model`, `prompt` and
/// `add_special_tokens` (default `true`), and ignore the members they do not know. All answer
/// `{"tokens": [...]}`.
/// Each distinct text is asked once.
struct PromptTokenizer {
    /// A text and whether the server adds its special start tokens (BOS) to it: only the text a
    /// prompt begins with gets them, as on the completions path.
    struct Part: Hashable, Sendable {
        var text: String
        var addsSpecialTokens: Bool
    }

    /// Sends the requests, through its one retry path (replica choice, failover, retries,
    /// timeouts, the API key, per-replica statistics).
    let client: CompletionClient
    /// Sent as vLLM's `model`.
    let model: String
    /// Parts asked at once.
    let concurrency: Int

    /// The largest `/tokenize` answer read.
    static let maximumBodyBytes = 1 << 26

    /// The token ids of each part.
    ///
    /// - Throws: ``ClientError`` once a part fails for good, naming the URL; a server without
    ///   `/tokenize` answers 404, and the message says which encodings need none.
    func tokenize(_ parts: Set<Part>) async throws -> [Part: [Int]] {
        var result: [Part: [Int]] = [:]
        // Sorted, so that the requests (and their jitter seeds) repeat from run to run.
        var pending = parts.sorted { ($0.text, $0.addsSpecialTokens ? 1 : 0) < ($1.text, $1.addsSpecialTokens ? 1 : 0) }
            .enumerated()[...]
        try await withThrowingTaskGroup(of: (Part, [Int]).self) { group in
            func startNext() {
                guard let (index, part) = pending.popFirst() else { return }
                group.addTask { (part, try await self.tokenize(part, jitterSeed: UInt64(index))) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (part, ids) = try await group.next() {
                result[part] = ids
                startNext()
            }
        }
        return result
    }

    /// One part, sent as ``CompletionClient`` sends a completion; its answer counts in the
    /// replica's ``ReplicaStatistics/otherAnswers``.
    private func tokenize(_ part: Part, jitterSeed: UInt64) async throws -> [Int] {
        let body: JSONValue = [
            "content": .string(part.text), "add_special": .bool(part.addsSpecialTokens), "parse_special": true,
            "model": .string(model), "prompt": .string(part.text), "add_special_tokens": .bool(part.addsSpecialTokens),
        ]
        var headers = [HTTPHeaderField(name: "Content-Type", value: "application/json")]
        if let apiKey = client.apiKey { headers.append(HTTPHeaderField(name: "Authorization", value: "Bearer \(apiKey.secret)")) }
        let apiKey = client.apiKey
        let replicas = client.replicas
        do {
            return try await client.send(
                jitterSeed: jitterSeed,
                request: { HTTPRequest(url: Self.url(baseURL: $0), headers: headers, body: body.serialized()) },
                receive: { _, responseBody, url, _ in
                    var bytes = try await responseBody.collect(upTo: Self.maximumBodyBytes)
                    if let apiKey { bytes = apiKey.redacting(bytes) }
                    let tokens = (try? JSONValue(parsing: bytes))?["tokens"]?.arrayValue
                    let ids = tokens?.compactMap(\.intValue) ?? []
                    guard let tokens, ids.count == tokens.count else {
                        throw ClientError(.malformedResponse, "\(url) did not answer with {\"tokens\": [ids]}: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
                    }
                    return ids
                },
                record: { lease, _ in replicas.answered(lease) }
            ).value
        } catch var error as ClientError where error.httpStatus == 404 || error.httpStatus == 405 {
            error.message += " (the server does not tokenize; use --prefix-as token-ids or text)"
            throw error
        }
    }

    /// `/tokenize` at the server root of `baseURL` (a root or an OpenAI base, `…/v1`).
    static func url(baseURL: String) -> String { Endpoint.serverRoot(of: baseURL) + "/tokenize" }
}
