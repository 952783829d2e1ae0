import HorizonCommon
import Foundation
import HorizonClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 that answers each request from a script, including on
/// purpose wrong answers: resets, stalls, cut-off streams, malformed bodies.
///
/// Every request is recorded (method, path, headers, body) for the test to inspect. The server
/// runs until ``stop()``; use ``FaultyServer/with(_:_:)`` so it always stops.
final class FaultyServer: Sendable {
    /// One received request.
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [HTTPHeaderField]
        var body: [UInt8]

        /// The body as JSON, or `nil` when it is not JSON.
        var json: JSONValue? { try? JSONValue(parsing: body) }

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// One thing the server does while answering.
    enum Step: Sendable {
        /// Sends the status line and headers (chunked unless `Content-Length` is among them).
        case head(status: Int, headers: [(String, String)])
        /// Sends body bytes.
        case body([UInt8])
        /// Waits before the next step (a stall, when long).
        case pause(Duration)
        /// Ends the response; the connection stays open for the next request.
        case end
        /// Closes the connection (FIN) where it stands.
        case close
        /// Aborts the connection with a TCP reset (SO_LINGER 0).
        case reset
    }

    /// Chooses the steps for the `index`-th request (0-based, counted over all connections).
    typealias Script = @Sendable (_ index: Int, _ request: Request) -> [Step]

    let port: Int
    private let serverChannel: any Channel
    private let serverTask: Task<Void, Never>
    private let log: RequestLog

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, in order.
    var requests: [Request] { log.all }

    private init(port: Int, serverChannel: any Channel, serverTask: Task<Void, Never>, log: RequestLog) {
        self.port = port
        self.serverChannel = serverChannel
        self.serverTask = serverTask
        self.log = log
    }

    /// Starts a server on a free loopback port.
    static func start(_ script: @escaping Script) async throws -> FaultyServer {
        let log = RequestLog()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel
                    )
                }
            }
        let port = listener.channel.localAddress?.port ?? 0
        let task = Task<Void, Never> {
            _ = try? await listener.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        group.addTask { await serve(connection, script: script, log: log) }
                    }
                }
            }
        }
        return FaultyServer(port: port, serverChannel: listener.channel, serverTask: task, log: log)
    }

    /// Runs `body` with a started server and stops it afterwards, also when `body` throws.
    static func with<Result>(_ script: @escaping Script, _ body: (FaultyServer) async throws -> Result) async throws -> Result {
        let server = try await start(script)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Closes the listener and every connection, and waits for them.
    func stop() async {
        // Close the listener first and let the accept loop drain: a connection accepted but
        // never handed to `serve` would be dropped without its writer being finished, which
        // NIO treats as a fatal error. Only then cancel what still runs (stalled scripts).
        try? await serverChannel.close()
        let task = serverTask
        let canceller = Task {
            try? await Task.sleep(for: .milliseconds(500))
            task.cancel()
        }
        await serverTask.value
        canceller.cancel()
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
        script: Script,
        log: RequestLog
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let h):
                    head = h
                    body = []
                case .body(let buffer):
                    body.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let head else { return }
                    let request = Request(
                        method: head.method.rawValue,
                        uri: head.uri,
                        headers: head.headers.map { HTTPHeaderField(name: $0.name, value: $0.value) },
                        body: body
                    )
                    let index = log.append(request)
                    for step in script(index, request) {
                        switch step {
                        case .head(let status, let headers):
                            var fields = HTTPHeaders()
                            for (name, value) in headers { fields.add(name: name, value: value) }
                            let responseHead = HTTPResponseHead(
                                version: .http1_1,
                                status: HTTPResponseStatus(statusCode: status),
                                headers: fields
                            )
                            try await outbound.write(.head(responseHead))
                        case .body(let bytes):
                            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes))))
                        case .pause(let duration):
                            try await Task.sleep(for: duration)
                        case .end:
                            try await outbound.write(.end(nil))
                        case .close:
                            return
                        case .reset:
                            if let socket = connection.channel as? any SocketOptionProvider {
                                try await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
                            }
                            return
                        }
                    }
                }
            }
        }
    }
}

/// The recorded requests, shared by the connection tasks.
///
/// `@unchecked Sendable`: the array is only touched under `lock`.
private final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [FaultyServer.Request] = []

    /// Records `request` and returns its 0-based index.
    func append(_ request: FaultyServer.Request) -> Int {
        lock.withLock {
            requests.append(request)
            return requests.count - 1
        }
    }

    var all: [FaultyServer.Request] { lock.withLock { requests } }
}

extension [FaultyServer.Step] {
    /// A complete JSON response with a `Content-Length`.
    static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> [FaultyServer.Step] {
        let bytes = [UInt8](text.utf8)
        return [
            .head(status: status, headers: [("Content-Type", "application/json"), ("Content-Length", "\(bytes.count)")] + headers),
            .body(bytes), .end,
        ]
    }

    /// A chunked server-sent event stream of `events` (each becomes `data: EVENT\n\n`), optionally
    /// ending with `data: [DONE]`.
    static func eventStream(_ events: [String], done: Bool = true) -> [FaultyServer.Step] {
        var steps: [FaultyServer.Step] = [.head(status: 200, headers: [("Content-Type", "text/event-stream")])]
        for event in events + (done ? ["[DONE]"] : []) { steps.append(.body([UInt8]("data: \(event)\n\n".utf8))) }
        steps.append(.end)
        return steps
    }
}
