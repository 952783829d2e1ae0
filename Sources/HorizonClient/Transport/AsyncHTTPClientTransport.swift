import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// ``HTTPTransport`` over swift-server's AsyncHTTPClient, HTTP/1.1 with a connection pool sized
/// to the sampling concurrency.
///
/// Create one per run and call ``shutdown()`` when done (AsyncHTTPClient requires it before the
/// client is released).
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient

    /// Creates the client.
    ///
    /// - Parameters:
    ///   - concurrency: requests in flight at once; the pool keeps up to that many connections per
    ///     host (AsyncHTTPClient's default soft limit is 8).
    ///   - timeouts: the connect timeout (the read gap and the total deadline are the caller's,
    ///     ``RequestWatchdog``).
    public init(concurrency: Int, timeouts: RequestTimeouts) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, concurrency)
        // Fail a refused connection at once: retrying is ``RetryPolicy``'s job, with its own backoff,
        // instead of the pool silently retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        // Servers close keep-alive connections idle for 5 s (cpp-httplib in llama-server, uvicorn
        // under vLLM, SGLang and llama-cpp-python). Dropping ours first means no request goes out
        // on a connection the server is closing at that moment.
        configuration.connectionPool.idleTimeout = .seconds(4)
        // No read timeout here: ``RequestWatchdog`` enforces the read gap over head and body for
        // every transport, and AsyncHTTPClient's would cancel and reschedule a timer on every
        // body part (a thousand per streamed response), a measurable share of the client's time.
        configuration.timeout = .init(connect: TimeAmount(timeouts.connect))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> (HTTPResponseHead, HTTPBody) {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers { outgoing.headers.add(name: field.name, value: field.value) }
        if !request.body.isEmpty { outgoing.body = .bytes(request.body) }
        let url = request.url
        let response: HTTPClientResponse
        do {
            // The request's own deadline is enforced by the caller around head and body together;
            // this one only keeps AsyncHTTPClient from waiting forever for a head.
            response = try await client.execute(outgoing, timeout: .hours(24))
        } catch {
            throw Self.clientError(for: error, url: url)
        }
        let head = HTTPResponseHead(
            status: Int(response.status.code),
            headers: response.headers.map { HTTPHeaderField(name: $0.name, value: $0.value) }
        )
        let responseBody = response.body
        let body = HTTPBody {
            var iterator = responseBody.makeAsyncIterator()
            return {
                do {
                    return try await iterator.next()
                } catch {
                    throw Self.clientError(for: error, url: url)
                }
            }
        }
        return (head, body)
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Maps AsyncHTTPClient's and SwiftNIO's errors to ``ClientError``; cancellation stays
    /// `CancellationError`.
    static func clientError(for error: any Error, url: String) -> any Error {
        if error is CancellationError || error is ClientError { return error }
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .connectTimeout:
                return ClientError(.connectTimeout, "connecting to \(url) timed out")
            case .deadlineExceeded:
                return ClientError(.deadlineExceeded, "request to \(url) exceeded its deadline")
            case .cancelled:
                return CancellationError()
            case .remoteConnectionClosed:
                return ClientError(.connectionLost, "\(url) closed the connection before the response was complete")
            case .invalidURL, .emptyHost, .emptyScheme:
                return ClientError(.invalidConfiguration, "cannot request \(url): \(httpError)")
            default:
                return ClientError(.connectionLost, "request to \(url) failed: \(httpError)")
            }
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL:
                return ClientError(.unreachable, "cannot connect to \(url): \(ioError)")
            default:
                return ClientError(.connectionLost, "connection to \(url) failed: \(ioError)")
            }
        }
        if error is SocketAddressError {
            return ClientError(.unreachable, "cannot connect to \(url): \(error)")
        }
        return ClientError(.connectionLost, "request to \(url) failed: \(error)")
    }
}

extension TimeAmount {
    /// The duration, to nanosecond precision.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
