import ArgumentParser
import Foundation
import Horizon
import HorizonCommon

@main
struct HorizonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "horizon",
        abstract: "Measure how stable a reasoning model's output is.",
        discussion: """
            Horizon samples a model behind an OpenAI-compatible server, splits each output into \
            thinking and answer, measures the Branching Factor (the effective number of plausible \
            next tokens) per segment and along the output, checks whether samples agree on the \
            answer, writes a Markdown report, and gates CI on regressions beyond noise.

            Pipeline: sample → (probe) → analyze → report → baseline / check.

            Exit codes, for every command (docs/exit-codes.md): 0 success, 1 a finding (`check` \
            found a regression), 2 bad input or an I/O error (a file, a line, a server), 64 a \
            usage error (an unknown flag, a value out of range).
            """,
        version: horizonVersion,
        subcommands: [
            Sample.self, Probe.self, Split.self, Analyze.self, Merge.self, Segment.self, Report.self, Grade.self, MakeBaseline.self, Check.self,
        ]
    )

    /// Runs the chosen command and maps what it throws to the exit codes above: ArgumentParser's
    /// own outcomes keep their codes (0 for help, 64 for usage), a command's explicit `ExitCode`
    /// is kept, and any other error is bad input or I/O, exit 2, instead of ArgumentParser's 1,
    /// which is reserved for findings.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard !(error is ExitCode), exitCode(for: error) == .failure else { exit(withError: error) }
            note("Error: " + describe(error))
            exit(withError: ExitCode(2))
        }
    }

    /// What went wrong, for a person: a Foundation file error as `PATH: reason` rather than its
    /// domain, code and user-info dump.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain else { return String(describing: error) }
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        var reason = nsError.localizedDescription
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        }
        return path.map { "\($0): \(reason)" } ?? reason
    }
}

/// A failure the command line found itself (exit 2), in the shape of every module's error: a
/// reason and where.
struct CommandError: Error, CustomStringConvertible {
    enum Reason {
        /// An input file could not be read.
        case unreadable(String)
        /// An output file could not be created or written.
        case unwritable(String)
    }

    var reason: Reason
    var location: SourceLocation?

    init(_ reason: Reason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    var description: String {
        let message = switch reason {
        case .unreadable(let why): "cannot read: \(why)"
        case .unwritable(let why): "cannot create: \(why)"
        }
        return location.map { "\($0): \(message)" } ?? message
    }
}
