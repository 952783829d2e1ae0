import Foundation

/// The system's `gzip` and `zstd` commands (Debian's packages), so tests read files that the
/// tools users have produced, not only Horizon's own.
public enum SystemCompressor {
    /// Runs `command arguments…` with `input` on standard input and returns its standard output.
    ///
    /// - Throws: ``TestSupportError`` when the command is missing or exits with a failure.
    public static func run(_ command: String, _ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Feed standard input from another thread so that a full output pipe cannot block both.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError(
                .commandFailed(status: process.terminationStatus), "\(command) \(arguments.joined(separator: " "))")
        }
        return output
    }

    /// `data` compressed by `gzip` or `zstd` (one member or frame).
    public static func compress(_ data: Data, with command: String) throws -> Data {
        try run(command, ["-c"], input: data)
    }

    /// `data` decompressed by `gzip` or `zstd`, all members or frames.
    public static func decompress(_ data: Data, with command: String) throws -> Data {
        try run(command, ["-dc"], input: data)
    }
}
