import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `horizon` binary (`.build/debug/horizon`, built by `swift build --build-tests`),
/// run as a child process the way a user runs it.
public enum HorizonExecutable {
    /// Where `swift build` puts the debug binary.
    public static let url = SharedData.packageRoot.appendingPathComponent(".build/debug/horizon")

    /// Whether the binary exists; prints a note when it does not, so skipped tests say why.
    public static let isBuilt: Bool = {
        if FileManager.default.isExecutableFile(atPath: url.path) { return true }
        FileHandle.standardError.write(Data("note: skipping CLI tests, \(url.path) is missing; run `swift build --build-tests`\n".utf8))
        return false
    }()

    /// A finished run: its exit status and what it printed.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// A running `horizon` process whose output goes to files.
    public struct Running: @unchecked Sendable {
        // `Process` is not Sendable; the tests touch it from one task at a time.
        public let process: Process
        public let standardOutput: URL
        public let standardError: URL

        /// Waits for the process to exit (polling, so no thread blocks) and collects its output.
        public func finish() async throws -> Outcome {
            while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            return Outcome(
                status: process.terminationStatus,
                standardOutput: (try? String(contentsOf: standardOutput, encoding: .utf8)) ?? "",
                standardError: (try? String(contentsOf: standardError, encoding: .utf8)) ?? "")
        }

        /// Kills the process with SIGKILL, which it cannot catch, and waits until it is gone.
        public func kill9() async throws {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        }
    }

    /// Starts `horizon ARGUMENTS`; standard output and error go to fresh files.
    ///
    /// - Parameter openFileLimit: when given, the process starts with this soft (and, when
    ///   given, hard) `RLIMIT_NOFILE`, set by the shell's `ulimit` before it execs the binary.
    public static func start(_ arguments: [String], openFileLimit: (soft: Int, hard: Int?)? = nil) throws -> Running {
        let directory = try SharedData.temporaryDirectory("horizon-cli")
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        if let openFileLimit {
            // The soft limit first: a hard limit below the current soft one is refused.
            let hard = openFileLimit.hard.map { " && ulimit -Hn \($0)" } ?? ""
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -Sn \(openFileLimit.soft)" + hard + " && exec \"$0\" \"$@\"", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        return Running(process: process, standardOutput: outURL, standardError: errURL)
    }

    /// Runs `horizon ARGUMENTS` to completion.
    public static func run(_ arguments: [String], openFileLimit: (soft: Int, hard: Int?)? = nil) async throws -> Outcome {
        try await start(arguments, openFileLimit: openFileLimit).finish()
    }
}
