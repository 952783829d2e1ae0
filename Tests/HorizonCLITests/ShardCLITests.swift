import Foundation
import HorizonStability
import HorizonTestSupport
import Testing

/// `analyze --shard I/N` and `merge` through the executable, reading standard input as a job
/// streaming from object storage does.
@Suite("shard and merge commands", .enabled(if: HorizonExecutable.isBuilt))
struct ShardCLITests {
    /// Traces with an invalid line, and probe lines (truncation and budget forcing).
    static func inputs() throws -> (traces: URL, probes: String) {
        var lines = GeneratedTraces.lines(problems: 7, samples: 4)
        lines.insert("{broken", at: 3)
        let traces = URL(fileURLWithPath: try TraceFile.write(lines, name: "cli-shards.jsonl"))
        let probes = try TraceFile.write(
            GeneratedTraces.probeLines(problems: 7) + GeneratedTraces.budgetLines(problems: 7), name: "cli-probes.jsonl")
        return (traces, probes)
    }

    /// The analysis without the command line, which names the output and the shard.
    static func withoutCommand(_ path: String) throws -> Data {
        var analysis = try Analysis.load(from: URL(fileURLWithPath: path))
        analysis.commandLine = nil
        return try Analysis.makeEncoder().encode(analysis)
    }

    @Test("parts of standard input merge, in any order, to the analysis one run writes", arguments: [2, 3])
    func mergeEqualsSingle(count: Int) async throws {
        let (traces, probes) = try Self.inputs()
        let directory = try SharedData.temporaryDirectory("cli-shards")
        let single = directory.appendingPathComponent("single.json").path
        let common = ["--skip-invalid", "--probes", probes, "--bootstrap-resamples", "300", "--seed", "5"]
        let run = try await HorizonExecutable.run(["analyze", "-"] + common + ["--json", single], standardInput: traces)
        #expect(run.status == 0, "\(run.standardError)")
        var parts: [String] = []
        for index in 0..<count {
            let part = directory.appendingPathComponent("part-\(index).json").path
            let outcome = try await HorizonExecutable.run(
                ["analyze", "-", "--shard", "\(index)/\(count)"] + common + ["--out", part], standardInput: traces)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardError.contains("shard \(index)/\(count):"))
            parts.append(part)
        }
        let merged = directory.appendingPathComponent("merged.json").path
        let outcome = try await HorizonExecutable.run(["merge"] + parts.reversed() + ["--out", merged])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try Self.withoutCommand(merged) == Self.withoutCommand(single))
        let analysis = try Analysis.load(from: URL(fileURLWithPath: merged))
        #expect(analysis.counts.invalidLines == 1 && analysis.probes?.truncation.count == 1)
        #expect(analysis.probes?.budgetForcing?.map(\.samples) == [14, 14, 14])
        #expect(analysis.inputs.map(\.role) == [nil, .probes])
        // The merged analysis says how to analyse everything at once.
        #expect(analysis.commandLine == ["horizon", "analyze", "-"] + common + ["--json", merged])
        // `report` and `check` read it as any analysis.
        let report = try await HorizonExecutable.run(["report", merged, "--out", directory.appendingPathComponent("report").path])
        #expect(report.status == 0, "\(report.standardError)")
    }

    @Test("a missing shard or a truncated part is exit 2 naming it; a shard outside 0..<N is a usage error")
    func refusals() async throws {
        let (traces, _) = try Self.inputs()
        let directory = try SharedData.temporaryDirectory("cli-shards")
        let part = directory.appendingPathComponent("part-0.json").path
        #expect(try await HorizonExecutable.run(["analyze", traces.path, "--skip-invalid", "--shard", "0/2", "--out", part]).status == 0)
        let missing = try await HorizonExecutable.run(["merge", part])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("\(part): cannot merge: shard 1/2 missing"), "\(missing.standardError)")
        let twice = try await HorizonExecutable.run(["merge", part, part])
        #expect(twice.status == 2 && twice.standardError.contains("also in"), "\(twice.standardError)")
        let notPart = try await HorizonExecutable.run(["merge", traces.path])
        #expect(notPart.status == 2, "\(notPart.standardError)")
        let truncated = directory.appendingPathComponent("truncated.json")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: part))
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let cut = try await HorizonExecutable.run(["merge", truncated.path, part])
        #expect(cut.status == 2 && cut.standardError.contains("\(truncated.path): not a valid analysis: invalid JSON at byte \(bytes.count / 2): "),
                "\(cut.standardError)")
        for shard in ["2/2", "1", "-1/2"] {
            let usage = try await HorizonExecutable.run(["analyze", traces.path, "--shard", shard])
            #expect(usage.status == 64 && usage.standardError.contains("--shard"), "\(shard): \(usage.standardError)")
        }
    }
}
