import Foundation
import HorizonTestSupport

/// Runs the built `horizon` executable and captures its output, as a user's shell would.
struct HorizonBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url = SharedData.packageRoot.appendingPathComponent(".build/debug/horizon")

    /// `nil` (with a note) when the binary has not been built (`swift build --build-tests` builds it).
    static var isAvailable: Bool {
        if FileManager.default.isExecutableFile(atPath: url.path) { return true }
        FileHandle.standardError.write(Data("note: skipping, \(url.path) is not built\n".utf8))
        return false
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
