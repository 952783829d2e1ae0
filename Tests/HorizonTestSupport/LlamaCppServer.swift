import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// llama.cpp's own `llama-server` (built by `make llama-server`) serving one real model on a free
/// loopback port, with one thread, for the live tests on real models.
///
/// ```swift
/// let server = try await LlamaCppServer.start(.smolLM2Instruct)
/// defer { server.stop() }
/// ```
///
/// The binary and the models live in Horizon's cache outside the clone (`HORIZON_CACHE`, default
/// `${XDG_CACHE_HOME:-~/.cache}/horizon`): `llama-server-0.3.36/llama-server` and `models/`.
/// Tests skip, saying why, when ``unavailableReason`` is not `nil`.
///
/// The server always stops: ``stop()`` closes the standard input of the shell that started it,
/// which then kills it; the same happens when the test process ends in any way (its end of the
/// pipe closes), so a crashed test run leaves no server behind. The shell uses SIGKILL because a
/// process spawned from a Swift concurrency thread inherits a mask that blocks SIGTERM.
///
/// `@unchecked Sendable`: the running `Process` and its pipe are replaced under `lock`; everything
/// else is immutable after `start`.
public final class LlamaCppServer: @unchecked Sendable {
    /// A real model of the cache, with the alias requests use.
    public struct Model: Sendable, Equatable {
        /// The GGUF file name in the cache's `models/`.
        public var fileName: String
        /// The name a request's `"model"` field uses.
        public var alias: String

        /// SmolLM2-135M-Instruct (Q4_1), an aligned (instruction-tuned) model with a chat template.
        public static let smolLM2Instruct = Model(fileName: "SmolLM2-135M-Instruct.Q4_1.gguf", alias: "smollm2-135m-instruct")
        /// Gemma 3 270M base (Q4_K_M), pretrained only.
        public static let gemma3Base = Model(fileName: "gemma-3-270m-q4_k_m.gguf", alias: "gemma-3-270m-base")

        /// The model file.
        public var url: URL { LlamaCppServer.cacheDirectory.appendingPathComponent("models/\(fileName)") }
    }

    /// Horizon's cache directory, shared by every clone on the machine.
    public static let cacheDirectory: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["HORIZON_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").path
        return URL(fileURLWithPath: base).appendingPathComponent("horizon")
    }()

    /// The cached `llama-server` binary.
    public static let binaryURL = cacheDirectory.appendingPathComponent("llama-server-0.3.36/llama-server")

    /// Why no server can be started here, or `nil` when the binary and both models are cached.
    /// When not `nil` it is also printed to stderr once, so skipped tests say why.
    public static let unavailableReason: String? = {
        let files = FileManager.default
        var reason: String?
        if !files.isExecutableFile(atPath: binaryURL.path) {
            reason = "no llama-server at \(binaryURL.path); run `make llama-server`"
        } else if let missing = [Model.smolLM2Instruct, .gemma3Base].first(where: { !files.fileExists(atPath: $0.url.path) }) {
            reason = "no model at \(missing.url.path); run `make models`"
        }
        if let reason {
            FileHandle.standardError.write(Data("note: skipping llama-server tests: \(reason)\n".utf8))
        }
        return reason
    }()

    /// Whether a server can be started (``unavailableReason`` is `nil`).
    public static var isAvailable: Bool { unavailableReason == nil }

    /// The server's root, `http://127.0.0.1:PORT/`.
    public let baseURL: URL
    /// The model served.
    public let model: Model

    private let lock = NSLock()
    private var process: Process?
    private let parentWatch: Pipe
    private let logHandle: FileHandle
    private let workDirectory: URL
    private var logURL: URL { workDirectory.appendingPathComponent("server.log") }

    /// Starts the server in the background and kills it when standard input reaches end-of-file.
    private static let launcher = """
        "$@" & server=$!
        cat > /dev/null
        kill -KILL "$server" 2>/dev/null
        wait "$server" 2>/dev/null
        exit 0
        """

    /// Starts `llama-server` for `model` and waits until its `/health` answers 200 (model loaded).
    ///
    /// - Parameters:
    ///   - model: The model to serve.
    ///   - slots: Requests decoded at once (`--parallel`); more wait in the server's queue.
    ///   - startupTimeout: How long to wait for the model to load, in seconds.
    /// - Throws: ``TestSupportError`` (`.serverExited`, `.startupTimedOut`, with the log's tail).
    ///   A port taken between choosing and binding it is retried with a new port (three attempts).
    public static func start(_ model: Model, slots: Int = 2, startupTimeout: Double = 120) async throws -> LlamaCppServer {
        if let unavailableReason { throw TestSupportError(.serverUnavailable, unavailableReason) }
        var attempt = 1
        while true {
            let server = try LlamaCppServer(model: model, slots: slots, port: try freeLoopbackPort())
            do {
                try await server.waitUntilReady(timeout: startupTimeout)
                return server
            } catch let error as TestSupportError {
                server.stop()
                guard case .serverExited = error.reason, error.detail.contains("bind"), attempt < 3 else { throw error }
                attempt += 1
            }
        }
    }

    private init(model: Model, slots: Int, port: Int) throws {
        self.model = model
        baseURL = URL(string: "http://127.0.0.1:\(port)/")!
        workDirectory = try SharedData.temporaryDirectory("llama-cpp-server")
        let logURL = workDirectory.appendingPathComponent("server.log")
        try Data().write(to: logURL)
        logHandle = try FileHandle(forWritingTo: logURL)
        parentWatch = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", Self.launcher, "llama-server", Self.binaryURL.path,
            "--host", "127.0.0.1", "--port", String(port),
            "--model", model.url.path, "--alias", model.alias,
            // One thread: CI machines have two cores shared with the build.
            "--threads", "1", "--threads-batch", "1",
            "--ctx-size", String(1024 * slots), "--parallel", String(slots),
            "--no-webui", "--log-disable",
        ]
        process.currentDirectoryURL = workDirectory
        process.standardInput = parentWatch
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        self.process = process
    }

    deinit { stop() }

    /// Stops the server and waits until it is gone (SIGKILL to the shell after 10 s). Idempotent.
    public func stop() {
        let running = lock.withLock {
            defer { process = nil }
            return process
        }
        try? parentWatch.fileHandleForWriting.close()
        if let running {
            let deadline = Date().addingTimeInterval(10)
            while running.isRunning, Date() < deadline { usleep(20_000) }
            if running.isRunning {
                kill(running.processIdentifier, SIGKILL)
                while running.isRunning { usleep(20_000) }
            }
        }
        try? logHandle.close()
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// The last `lines` lines of the server's log.
    public func logTail(lines: Int = 20) -> String {
        lastLines(of: logURL, lines)
    }

    /// Sends `POST path` with a JSON body and returns the body of the answer.
    public func post(_ path: String, _ body: [String: Any]) async throws -> Data {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw TestSupportError(.httpStatus(status), "\(path): \(String(decoding: data.prefix(2000), as: UTF8.self))")
        }
        return data
    }

    private func waitUntilReady(timeout: Double) async throws {
        try await waitUntilServing(
            baseURL.appendingPathComponent("health"), timeout: timeout,
            exitStatus: { self.lock.withLock { self.process.flatMap { $0.isRunning ? nil : $0.terminationStatus } } },
            logTail: { self.logTail() })
    }
}
