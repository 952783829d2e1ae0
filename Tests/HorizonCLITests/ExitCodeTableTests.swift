import Foundation
import HorizonTestSupport
import Testing

/// docs/exit-codes.md, command by command: 0 success, 1 a finding, 2 bad input or I/O, 64 usage.
@Suite("Exit code table", .enabled(if: HorizonExecutable.isBuilt, "needs .build/debug/horizon (swift build --build-tests)"))
struct ExitCodeTableTests {
    /// Files every row can use: traces, their analysis, a baseline of it, a pairs file.
    private struct Inputs {
        var directory: URL
        var traces: String
        var analysis: String
        var baseline: String
        var pairs: String
        var missing: String { directory.appendingPathComponent("missing.json").path }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    }

    private func inputs() async throws -> Inputs {
        let directory = try SharedData.temporaryDirectory("exit-table")
        let traces = try GeneratedTraces.file()
        let analysis = directory.appendingPathComponent("analysis.json").path
        let analyzed = try await HorizonExecutable.run(["analyze", traces, "--bootstrap-resamples", "50", "--json", analysis])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let baseline = directory.appendingPathComponent("baseline.json").path
        let based = try await HorizonExecutable.run(["baseline", analysis, "--out", baseline])
        #expect(based.status == 0, "\(based.standardError)")
        let pairs = directory.appendingPathComponent("pairs.jsonl").path
        try Data(#"{"gold":"4","pred":"4"}"#.utf8 + [10]).write(to: URL(fileURLWithPath: pairs))
        return Inputs(directory: directory, traces: traces, analysis: analysis, baseline: baseline, pairs: pairs)
    }

    /// Runs `arguments` and checks the exit status; an error names itself on standard error.
    private func expect(_ arguments: [String], exits status: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let outcome = try await HorizonExecutable.run(arguments)
        #expect(outcome.status == status, "\(arguments.joined(separator: " ")): \(outcome.standardError)", sourceLocation: sourceLocation)
        if status == 2 {
            // Progress lines may come first; the error is the last line, said once.
            let last = outcome.standardError.split(separator: "\n").last ?? ""
            #expect(last.hasPrefix("Error: ") && !last.hasPrefix("Error: Error:"), "\(outcome.standardError)", sourceLocation: sourceLocation)
            #expect(!last.contains("Domain="), "\(last)", sourceLocation: sourceLocation)
        }
    }

    @Test("0: every command that can succeed without a server")
    func success() async throws {
        let files = try await inputs()
        try await expect(["analyze", files.traces, "--json", files.path("again.json")], exits: 0)
        try await expect(["segment", files.traces, "--out", files.path("segments.jsonl")], exits: 0)
        try await expect(["split", files.traces, "--shards", "2", "--out", files.path("split")], exits: 0)
        try await expect(["report", files.analysis, "--out", files.path("report")], exits: 0)
        try await expect(["grade", "4", "4.0"], exits: 0)
        try await expect(["grade", "--pairs", files.pairs, "--out", files.path("verdicts.jsonl")], exits: 0)
        try await expect(["baseline", files.analysis, "--out", files.path("baseline2.json")], exits: 0)
        try await expect(["check", "--baseline", files.baseline, files.analysis], exits: 0)
    }

    @Test("2: a missing or unreadable input, or an unwritable output, for every command")
    func inputOrIOError() async throws {
        let files = try await inputs()
        let unwritable = files.path("no/such/folder/out.json")
        let dataset = files.path("problems.jsonl")
        try Data(#"{"id":"p1","question":"1+1?"}"#.utf8 + [10]).write(to: URL(fileURLWithPath: dataset))
        let server = ["--base-url", "http://127.0.0.1:9", "--model", "m", "--read-timeout", "2", "--request-timeout", "2"]
        try await expect(["sample", "--dataset", files.missing, "--out", files.path("s.jsonl")] + server, exits: 2)
        // Port 9 (discard) refuses: an unreachable server is an I/O error, not a finding.
        try await expect(["sample", "--dataset", dataset, "--out", files.path("s.jsonl")] + server, exits: 2)
        try await expect(["probe", files.missing, "--out", files.path("p.jsonl")] + server, exits: 2)
        try await expect(["analyze", files.missing], exits: 2)
        try await expect(["analyze", files.traces, "--json", unwritable], exits: 2)
        try await expect(["analyze", files.traces, "--reflection-markers", files.missing], exits: 2)
        try await expect(["segment", files.missing], exits: 2)
        try await expect(["split", files.missing, "--shards", "2", "--out", files.path("split")], exits: 2)
        try await expect(["split", files.traces, "--shards", "2", "--out", files.analysis + "/x"], exits: 2)
        try await expect(["segment", files.traces, "--out", unwritable], exits: 2)
        try await expect(["report", files.missing, "--out", files.path("report")], exits: 2)
        try await expect(["report", files.traces, "--out", files.path("report")], exits: 2)
        try await expect(["grade", "--pairs", files.missing], exits: 2)
        try await expect(["baseline", files.missing, "--out", files.path("b.json")], exits: 2)
        try await expect(["baseline", files.analysis, "--out", unwritable], exits: 2)
        try await expect(["check", "--baseline", files.missing, files.analysis], exits: 2)
        try await expect(["check", "--baseline", files.baseline, files.missing], exits: 2)
    }

    @Test("64: an unknown flag, a missing argument or a bad value, for every command")
    func usageError() async throws {
        let files = try await inputs()
        for command in ["sample", "probe", "split", "analyze", "segment", "report", "grade", "baseline", "check"] {
            try await expect([command, "--no-such-flag"], exits: 64)
        }
        try await expect(["no-such-command"], exits: 64)
        try await expect(["analyze"], exits: 64)
        try await expect(["analyze", files.traces, "--estimator", "median"], exits: 64)
        try await expect(["analyze", files.traces, "--confidence-window", "0"], exits: 64)
        try await expect(["analyze", files.traces, "--fork-entropy", "-1"], exits: 64)
        try await expect(["analyze", files.traces, "--reflection-marker", "..."], exits: 64)
        try await expect(["segment", files.traces, "--profile", "deepseek"], exits: 64)
        try await expect(["split", files.traces, "--shards", "0", "--out", files.path("split")], exits: 64)
        try await expect(["probe", files.traces, "--base-url", "http://127.0.0.1:9", "--model", "m", "--out", files.path("p.jsonl"), "--lengths", "0.5,2"], exits: 64)
        try await expect(["probe", files.traces, "--base-url", "http://127.0.0.1:9", "--model", "m", "--out", files.path("p.jsonl"), "--resample-at", "0"], exits: 64)
        try await expect(["report", files.analysis], exits: 64)
        try await expect(["grade", "4"], exits: 64)
        try await expect(["baseline", files.analysis], exits: 64)
        try await expect(["check", files.analysis], exits: 64)
    }

    @Test("an unknown profile is a usage error that lists every profile")
    func unknownProfileListsTheChoices() async throws {
        let result = try await HorizonExecutable.run(["analyze", "-", "--profile", "deepseek"])
        #expect(result.status == 64)
        for name in ["deepseek-r1", "qwen3-thinking-off", "gpt-oss", "plain", "auto"] {
            #expect(result.standardError.contains("- \(name)\n"), "\(name) missing from: \(result.standardError)")
        }
    }

    @Test("help and version exit 0")
    func helpAndVersion() async throws {
        try await expect(["--help"], exits: 0)
        try await expect(["analyze", "--help"], exits: 0)
        try await expect(["--version"], exits: 0)
    }
}
