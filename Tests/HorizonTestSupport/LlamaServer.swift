import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real llama-cpp-python server (`python -m llama_cpp.server`) on a free loopback port, run
/// from the checkout's `.venv` for tests.
///
/// ```swift
/// let server = try await LlamaServer.start([MarkovTestModel.base.servedModel])
/// defer { server.stop() }
/// let reply = try await server.postJSON("v1/completions", ["prompt": "Question?\n", "max_tokens": 8])
/// ```
///
/// One or more models are served through the server's `--config_file` mode; a request picks one
/// with its `"model"` field (the alias). The server keeps one model loaded and swaps on demand,
/// and it answers a request naming an unknown alias with the *first* model (echoing the unknown
/// name), so tests should name the alias they mean and check the reply's `model`.
///
/// Tests skip when ``unavailableReason`` is not `nil` (a clone without the virtual environment).
/// The server always stops: ``stop()`` sends SIGTERM, then SIGKILL after 5 s, and `deinit` calls
/// it; besides, the server exits by itself when its standard input closes, which happens when the
/// test process ends in any way, so a crashed test run leaves no server behind.
///
/// `@unchecked Sendable`: the only mutable state (the running `Process`, its pipes and log file)
/// is read and replaced under `lock`; everything else is immutable after `start`.
public final class LlamaServer: @unchecked Sendable {
    /// A model file and the alias requests use to select it.
    public struct Model: Sendable, Equatable, Hashable {
        /// The GGUF file.
        public var path: URL
        /// The name a request's `"model"` field uses; the server lists it in `/v1/models`.
        public var alias: String

        /// Creates a served model from a GGUF file and its alias.
        public init(path: URL, alias: String) {
            self.path = path
            self.alias = alias
        }
    }

    /// The server a surrounding ``LlamaServerScope`` started, if any.
    @TaskLocal public static var current: LlamaServer?

    /// The interpreter of the checkout's virtual environment, `.venv/bin/python`.
    public static let pythonURL = SharedData.packageRoot.appendingPathComponent(".venv/bin/python")

    /// Why no server can be started here, or `nil` when `.venv/bin/python` imports `llama_cpp.server`.
    ///
    /// Computed once per test process (importing the server takes about a second); when not
    /// `nil`, the reason is also printed to stderr as a note, so skipped tests say why.
    public static let unavailableReason: String? = {
        let reason = pythonEnvironmentProblem()
        if let reason {
            FileHandle.standardError.write(Data("note: skipping real-server tests: \(reason)\n".utf8))
        }
        return reason
    }()

    /// What keeps `.venv/bin/python` from running `llama_cpp.server`, or `nil`.
    private static func pythonEnvironmentProblem() -> String? {
        let setup = "python3 -m venv .venv && .venv/bin/pip install 'llama-cpp-python[server]' gguf numpy"
        guard FileManager.default.isExecutableFile(atPath: pythonURL.path) else {
            return "no Python environment at \(pythonURL.path); create it with `\(setup)`"
        }
        let check = Process()
        check.executableURL = pythonURL
        check.arguments = ["-c", "import llama_cpp.server"]
        let errors = Pipe()
        check.standardOutput = FileHandle.nullDevice
        check.standardError = errors
        do { try check.run() } catch { return "cannot run \(pythonURL.path): \(error)" }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            let tail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3)
            return "\(pythonURL.path) cannot import llama_cpp.server (\(tail.joined(separator: " | "))); run `\(setup)`"
        }
        return nil
    }

    /// Whether a server can be started (``unavailableReason`` is `nil`).
    public static var isAvailable: Bool { unavailableReason == nil }

    /// The server's root, `http://127.0.0.1:PORT/`.
    public let baseURL: URL
    /// The models served, the first being the default.
    public let models: [Model]

    private let lock = NSLock()
    private var process: Process?
    private let parentWatch: Pipe
    private let logHandle: FileHandle
    private let workDirectory: URL
    private var logURL: URL { workDirectory.appendingPathComponent("server.log") }

    /// Runs `python -m llama_cpp.server` with the given arguments after starting a thread that
    /// exits when standard input reaches end-of-file, i.e. when the test process is gone.
    ///
    /// It first clears the signal mask: a process spawned from a Swift concurrency (dispatch)
    /// thread inherits that thread's mask, which blocks SIGTERM and SIGINT, and a server that
    /// never sees SIGTERM can only be killed.
    private static let launcher = """
        import os, runpy, signal, sys, threading
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        def exit_when_parent_is_gone():
            sys.stdin.buffer.read()
            os._exit(0)
        threading.Thread(target=exit_when_parent_is_gone, daemon=True).start()
        runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
        """

    /// Starts a server for `models` and waits until it answers `GET /v1/models`.
    ///
    /// - Parameters:
    ///   - models: The models to serve; the first is the default. Must not be empty.
    ///   - startupTimeout: How long to wait for the server to answer, in seconds.
    /// - Returns: The running server; call ``stop()`` when done (e.g. in a `defer`).
    /// - Throws: ``TestSupportError`` with reason `.pythonEnvironmentUnavailable`, `.serverExited`
    ///   or `.startupTimedOut`, the latter two carrying the tail of the server's log. A port taken
    ///   between choosing and binding it is retried with a new port (three attempts).
    public static func start(_ models: [Model], startupTimeout: Double = 60) async throws -> LlamaServer {
        precondition(!models.isEmpty, "LlamaServer needs at least one model")
        if let unavailableReason {
            throw TestSupportError(.pythonEnvironmentUnavailable, unavailableReason)
        }
        var attempt = 1
        while true {
            let server = try LlamaServer(models: models, port: try freeLoopbackPort())
            do {
                try await server.waitUntilReady(timeout: startupTimeout)
                return server
            } catch let error as TestSupportError {
                server.stop()
                guard case .serverExited = error.reason, error.detail.contains("address already in use"),
                    attempt < 3
                else { throw error }
                attempt += 1
            }
        }
    }

    private init(models: [Model], port: Int) throws {
        self.models = models
        baseURL = URL(string: "http://127.0.0.1:\(port)/")!
        workDirectory = try SharedData.temporaryDirectory("llama-server")
        let configURL = workDirectory.appendingPathComponent("config.json")
        let config: [String: Any] = [
            "host": "127.0.0.1",
            "port": port,
            "models": models.map { model in
                // One thread each: CI machines have two cores shared with the build.
                ["model": model.path.path, "model_alias": model.alias, "n_threads": 1, "n_threads_batch": 1]
            },
        ]
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
            .write(to: configURL)
        let logURL = workDirectory.appendingPathComponent("server.log")
        try Data().write(to: logURL)
        logHandle = try FileHandle(forWritingTo: logURL)
        parentWatch = Pipe()

        let process = Process()
        process.executableURL = Self.pythonURL
        process.arguments = ["-c", Self.launcher, "--config_file", configURL.path]
        process.currentDirectoryURL = workDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        process.standardInput = parentWatch
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        self.process = process
    }

    deinit { stop() }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited after 5 s. Idempotent.
    public func stop() {
        let running = lock.withLock {
            defer { process = nil }
            return process
        }
        if let running, running.isRunning {
            running.terminate()
            if !Self.waitForExit(of: running, seconds: 5) {
                kill(running.processIdentifier, SIGKILL)
                _ = Self.waitForExit(of: running, seconds: 5)
            }
        }
        try? parentWatch.fileHandleForWriting.close()
        try? logHandle.close()
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// The last `lines` lines of the server's combined stdout and stderr.
    public func logTail(lines: Int = 20) -> String {
        lastLines(of: logURL, lines)
    }

    /// Sends `GET path` and returns the JSON object of the answer.
    ///
    /// - Parameter path: A path relative to ``baseURL``, e.g. `"v1/models"`.
    /// - Throws: ``TestSupportError`` (`.httpStatus`, `.malformedResponse`) or a URL error.
    public func getJSON(_ path: String) async throws -> [String: Any] {
        try await send(URLRequest(url: baseURL.appendingPathComponent(path)))
    }

    /// Sends `POST path` with a JSON body and returns the JSON object of the answer.
    ///
    /// - Parameters:
    ///   - path: A path relative to ``baseURL``, e.g. `"v1/chat/completions"`.
    ///   - body: The request object, serialised with `JSONSerialization`.
    /// - Throws: ``TestSupportError`` (`.httpStatus`, `.malformedResponse`) or a URL error.
    public func postJSON(_ path: String, _ body: [String: Any]) async throws -> [String: Any] {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> [String: Any] {
        var request = request
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let body = String(decoding: data.prefix(2000), as: UTF8.self)
            throw TestSupportError(.httpStatus(status), "\(request.url?.absoluteString ?? ""): \(body)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSupportError(.malformedResponse, "\(request.url?.absoluteString ?? ""): not a JSON object")
        }
        return object
    }

    private func waitUntilReady(timeout: Double) async throws {
        try await waitUntilServing(
            baseURL.appendingPathComponent("v1/models"), timeout: timeout,
            exitStatus: { self.lock.withLock { self.process.flatMap { $0.isRunning ? nil : $0.terminationStatus } } },
            logTail: { self.logTail() })
    }

    /// Polls until `process` has exited; `false` when it still runs after `seconds`.
    private static func waitForExit(of process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, released).
///
/// Another process may take it before the server binds it; ``LlamaServer/start(_:startupTimeout:)``
/// retries in that case.
public func freeLoopbackPort() throws -> Int {
    #if canImport(Glibc)
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw TestSupportError(.noFreePort, "socket() failed: errno \(errno)") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
        }
    }
    guard bound else { throw TestSupportError(.noFreePort, "cannot bind 127.0.0.1:0: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}
