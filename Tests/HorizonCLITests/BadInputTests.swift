import Foundation
import HorizonTestSupport
import HorizonCommon
import HorizonTraces
import Testing

/// The bad-input items of issue 9, each run through the built `horizon` as a user would: no
/// crash, no silent success, a message naming what was wrong, and the documented exit code.
@Suite("Bad input", .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"))
struct BadInputTests {
    /// `sample` arguments that parse, around the one under test; nothing is sent (no server runs).
    private func sampleArguments(_ extra: [String]) throws -> [String] {
        let directory = try SharedData.temporaryDirectory("bad-input")
        let dataset = directory.appendingPathComponent("problems.jsonl")
        try Data(#"{"id":"p1","question":"1+1?","answer":"2"}"#.utf8 + [10]).write(to: dataset)
        return ["sample", "--base-url", "http://127.0.0.1:9", "--model", "m", "--dataset", dataset.path,
                "--out", directory.appendingPathComponent("out.jsonl").path] + extra
    }

    @Test("out-of-range numbers are usage errors (64) with a message, not crashes", arguments: [
        ["--read-timeout", "nan"], ["--read-timeout", "inf"], ["--read-timeout", "1e19"], ["--read-timeout", "0"],
        ["--request-timeout", "1e300"], ["--samples", "99999999999"], ["--samples", "0"], ["--temperature", "nan"],
        ["--top-p", "0"], ["--concurrency", "0"], ["--top-logprobs", "-1"],
        ["--extra-body", #"{"logprobs":false}"#], ["--extra-body", #"{"top_logprobs":0}"#], ["--extra-body", "[1"],
    ])
    func sampleOptionsOutOfRange(_ option: [String]) async throws {
        let outcome = try await HorizonExecutable.run(try sampleArguments(option))
        #expect(outcome.status == 64, "\(option): \(outcome.standardError)")
        #expect(outcome.standardError.contains(option[0]), "\(outcome.standardError)")
    }

    @Test("analyze --bootstrap-resamples 0 (and other out-of-range settings) is a usage error", arguments: [
        ["--bootstrap-resamples", "0"], ["--bootstrap-resamples", "-5"], ["--confidence", "nan"], ["--top-p", "nan"],
        ["--window", "0"],
    ])
    func analyzeOptionsOutOfRange(_ option: [String]) async throws {
        let traces = try GeneratedTraces.file()
        let outcome = try await HorizonExecutable.run(["analyze", traces] + option)
        #expect(outcome.status == 64, "\(option): \(outcome.standardError)")
        #expect(outcome.standardError.contains(option[0]), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("an input without traces (empty, blank lines, a stream that ends at once like /dev/null) is exit 2 naming it",
          arguments: ["empty", "blank", "stream"])
    func inputWithoutTraces(_ kind: String) async throws {
        let directory = try SharedData.temporaryDirectory("no-traces")
        for command in ["analyze", "segment"] {
            let path = directory.appendingPathComponent("\(command)-\(kind).jsonl").path
            let outcome: HorizonExecutable.Outcome
            switch kind {
            case "empty":
                FileManager.default.createFile(atPath: path, contents: Data())
                outcome = try await HorizonExecutable.run([command, path])
            case "blank":
                FileManager.default.createFile(atPath: path, contents: Data("\n   \n\n".utf8))
                outcome = try await HorizonExecutable.run([command, path])
            default:
                // A FIFO whose writer closes at once reads like /dev/null (the stream path), without
                // depending on the shared /dev/null of the machine the tests run on.
                #expect(mkfifo(path, 0o600) == 0)
                let running = try HorizonExecutable.start([command, path])
                close(open(path, O_WRONLY))
                outcome = try await running.finish()
            }
            #expect(outcome.status == 2, "\(command) \(kind): \(outcome.standardError)")
            #expect(outcome.standardError.contains("\(path): no traces"), "\(outcome.standardError)")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test("an empty problem set is exit 2 naming it, before anything is sent")
    func emptyProblemSet() async throws {
        let directory = try SharedData.temporaryDirectory("empty-set")
        let dataset = directory.appendingPathComponent("problems.jsonl").path
        FileManager.default.createFile(atPath: dataset, contents: Data("\n\n".utf8))
        let outcome = try await HorizonExecutable.run([
            "sample", "--base-url", "http://127.0.0.1:9", "--model", "m", "--dataset", dataset,
            "--out", directory.appendingPathComponent("out.jsonl").path,
        ])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(dataset): no problems"), "\(outcome.standardError)")
    }

    @Test("an empty probe file is exit 2 naming it, not an analysis without probes")
    func emptyProbeFile() async throws {
        let traces = try GeneratedTraces.file()
        let probes = try TraceFile.write(["", " "], name: "probes.jsonl")
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--probes", probes])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(probes): no probe lines"), "\(outcome.standardError)")
    }

    @Test("--json and --out through a symbolic link (like /dev/null) write through it and leave it in place")
    func jsonThroughALink() async throws {
        let traces = try GeneratedTraces.file()
        let directory = try SharedData.temporaryDirectory("json-link")
        let target = directory.appendingPathComponent("target.json").path
        let link = directory.appendingPathComponent("link.json").path
        FileManager.default.createFile(atPath: target, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        // An atomic write renames over the path: as root, `--json /dev/null` replaced the device.
        let pairs = directory.appendingPathComponent("pairs.jsonl")
        try Data(String(repeating: #"{"gold":"4","pred":"4"}"# + "\n", count: 3).utf8).write(to: pairs)
        let analysis = directory.appendingPathComponent("analysis.json").path
        #expect(try await HorizonExecutable.run(["analyze", traces, "--json", analysis]).status == 0)
        let commands = [
            ["analyze", traces, "--json", link], ["analyze", traces, "--out", link], ["segment", traces, "--out", link],
            ["grade", "--pairs", pairs.path, "--out", link], ["baseline", analysis, "--out", link],
        ]
        for arguments in commands {
            try Data().write(to: URL(fileURLWithPath: target))
            let outcome = try await HorizonExecutable.run(arguments)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType == .typeSymbolicLink)
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)).count > 100)
        }
    }

    @Test("ids that differ only in invalid UTF-8 are refused with FILE:LINE, not merged")
    func invalidUTF8Ids() async throws {
        let url = try SharedData.temporaryDirectory("bad-utf8").appendingPathComponent("traces.jsonl")
        var bytes: [UInt8] = []
        for invalid: UInt8 in [0xFF, 0xFE] {
            bytes += Array(#"{"problem_id":"p"#.utf8) + [invalid] + Array(#"","text":"<think>a</think> \\boxed{4}"}"#.utf8) + [10]
        }
        try Data(bytes).write(to: url)
        let outcome = try await HorizonExecutable.run(["analyze", url.path])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(url.path):1: problem_id is not valid UTF-8"), "\(outcome.standardError)")
        let skipped = try await HorizonExecutable.run(["analyze", url.path, "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.standardError.contains("0 traces, 0 problems") && skipped.standardError.contains("2 invalid lines skipped"))
    }

    @Test("the same traces in another line order give byte-identical analysis JSON")
    func lineOrderDoesNotChangeAnyDigit() async throws {
        let lines = GeneratedTraces.lines(problems: 4, samples: 8)
        let path = try TraceFile.write(lines, name: "traces.jsonl")
        let arguments = ["analyze", path, "--label", "run", "--profile", "deepseek-r1"]
        let first = try await HorizonExecutable.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        var random = SplitMix64(seed: 99)
        for _ in 0..<3 {
            try Data((lines.shuffled(using: &random).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let shuffled = try await HorizonExecutable.run(arguments)
            #expect(shuffled.status == 0)
            #expect(shuffled.standardOutput == first.standardOutput)
        }
        #expect(first.standardOutput.contains("\"windowed\""))
    }

    @Test("one core or every core: the same bytes", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")))
    func coreCountDoesNotChangeAnyDigit() async throws {
        let path = try TraceFile.write(GeneratedTraces.lines(problems: 4, samples: 8))
        let arguments = ["analyze", path, "--label", "run"]
        let everyCore = try await HorizonExecutable.run(arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", HorizonExecutable.url.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let oneCore = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && everyCore.status == 0)
        #expect(String(decoding: oneCore, as: UTF8.self) == everyCore.standardOutput)
    }

    @Test("the report's reproduce block is the commands as typed, with --out, and it reproduces")
    func reproduceBlock() async throws {
        let directory = try SharedData.temporaryDirectory("reproduce")
        let traces = try GeneratedTraces.file()
        let analysis = directory.appendingPathComponent("run.analysis.json").path
        let analyze = ["analyze", traces, "--skip-invalid", "--top-p", "1", "--seed", "3", "--json", analysis]
        #expect(try await HorizonExecutable.run(analyze).status == 0)
        let reportDirectory = directory.appendingPathComponent("report").path
        let report = try await HorizonExecutable.run(["report", analysis, "--out", reportDirectory, "--title", "Run"])
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = try String(contentsOfFile: reportDirectory + "/report.md", encoding: .utf8)
        let block = try #require(markdown.components(separatedBy: "### How to reproduce\n\n```sh\n").last?.components(separatedBy: "\n```").first)
        let commands = block.split(separator: "\n").map(String.init)
        #expect(commands == [
            (["horizon"] + analyze).joined(separator: " "),
            "horizon report \(analysis) --title Run --out \(reportDirectory)",
        ])
        #expect(!markdown.contains("--output"))

        // Running the first command again writes the same analysis.
        let original = try Data(contentsOf: URL(fileURLWithPath: analysis))
        try FileManager.default.removeItem(atPath: analysis)
        let rerun = try await HorizonExecutable.run(Array(commands[0].split(separator: " ").dropFirst().map(String.init)))
        #expect(rerun.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: analysis)) == original)
    }
}
