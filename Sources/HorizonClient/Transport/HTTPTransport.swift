/// Carries one HTTP request to a server and hands back the response head and a streamed body.
///
/// The sampling logic talks only to this protocol, so it does not know which HTTP library is
/// underneath (``AsyncHTTPClientTransport`` in production). An implementation maps its library's
/// failures to ``ClientError`` (``ClientError/Reason/unreachable``, ``ClientError/Reason/connectTimeout``,
/// ``ClientError/Reason/readTimeout``, ``ClientError/Reason/connectionLost``), returns any HTTP
/// status as a response rather than an error, and does not retry on its own: retries are the
/// caller's policy.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns once the response head has arrived.
    ///
    /// - Parameter request: an absolute URL, method, headers and body.
    /// - Returns: the status and headers, and the body to read to its end.
    /// - Throws: ``ClientError`` for network failures; `CancellationError` when cancelled.
    func send(_ request: HTTPRequest) async throws -> (HTTPResponseHead, HTTPBody)

    /// Closes connections and releases the transport's resources; call it once, when done.
    func shutdown() async throws
}

/// An HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    /// The absolute URL, e.g. `http://127.0.0.1:8080/v1/chat/completions`.
    public var url: String
    /// The method (`POST` for completions, `GET` for a model list).
    public var method: String
    /// Header fields in order. May hold the `Authorization` header: never log a request.
    public var headers: [HTTPHeaderField]
    /// The body bytes (JSON for completions).
    public var body: [UInt8]

    public init(url: String, method: String = "POST", headers: [HTTPHeaderField] = [], body: [UInt8] = []) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

/// The status line and headers of a response.
public struct HTTPResponseHead: Sendable, Equatable {
    /// The status code (200, 429, ...).
    public var status: Int
    /// Header fields in order, names as the server sent them.
    public var headers: [HTTPHeaderField]

    public init(status: Int, headers: [HTTPHeaderField] = []) {
        self.status = status
        self.headers = headers
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// One header field.
public struct HTTPHeaderField: Sendable, Equatable {
    /// The field name (compare case-insensitively).
    public var name: String
    /// The field value.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
