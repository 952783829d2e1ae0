import Foundation
import HorizonStability
import HorizonTestSupport
import Testing

/// `horizon split`, then `analyze --shard I/N --split-input` on each shard's file, then `merge`:
/// each shard reads only its own lines, and the merged analysis is the single run's.
@Suite("split command and split-input shards", .enabled(if: HorizonExecutable.isBuilt))
struct SplitCLITests {
    /// Seven problems × four samples with a malformed line and a duplicate, and probe lines.
    static func inputs() throws -> (traces: URL, probes: String) {
        var lines = GeneratedTraces.lines(problems: 7, samples: 4)
        lines.insert("{broken", at: 3)
        lines.append(lines[9])
        let traces = URL(fileURLWithPath: try TraceFile.write(lines, name: "cli-split.jsonl"))
        let probes = try TraceFile.write(GeneratedTraces.probeLines(problems: 7), name: "cli-split-probes.jsonl")
        return (traces, probes)
    }

    static func withoutCommand(_ path: String) throws -> Analysis {
        var analysis = try Analysis.load(from: URL(fileURLWithPath: path))
        analysis.commandLine = nil
        return analysis
    }

    @Test("split from standard input, zstd; shards of their own files merge to the single run over the files")
    func splitAnalyzeMerge() async throws {
        let (traces, probes) = try Self.inputs()
        let directory = try SharedData.temporaryDirectory("cli-split")
        let splitDirectory = directory.appendingPathComponent("split").path
        let split = try await HorizonExecutable.run(["split", "-", "--shards", "3", "--out", splitDirectory, "--compress", "zstd"], standardInput: traces)
        #expect(split.status == 0, "\(split.standardError)")
        #expect(split.standardOutput.isEmpty && split.standardError.contains("30 lines into 3 shard files"), "\(split.standardError)")
        let files = (0..<3).map { "\(splitDirectory)/shard-0000\($0)-of-00003.jsonl.zst" }
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })

        let common = ["--skip-invalid", "--probes", probes, "--bootstrap-resamples", "300", "--seed", "5"]
        let single = directory.appendingPathComponent("single.json").path
        let run = try await HorizonExecutable.run(["analyze"] + files + ["--split-input"] + common + ["--json", single])
        #expect(run.status == 0, "\(run.standardError)")
        var parts: [String] = []
        for (index, file) in files.enumerated() {
            let part = directory.appendingPathComponent("part-\(index).json").path
            let outcome = try await HorizonExecutable.run(["analyze", file, "--shard", "\(index)/3", "--split-input"] + common + ["--out", part])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            parts.append(part)
        }
        let merged = directory.appendingPathComponent("merged.json").path
        let outcome = try await HorizonExecutable.run(["merge"] + parts.reversed() + ["--out", merged])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try Self.withoutCommand(merged) == Self.withoutCommand(single))
        let analysis = try Analysis.load(from: URL(fileURLWithPath: merged))
        #expect(analysis.counts.lines == 30 && analysis.counts.invalidLines == 1 && analysis.counts.duplicates == 1 && analysis.counts.problems == 7)
        // The merged analysis names the single command over every shard's file.
        #expect(analysis.commandLine == ["horizon", "analyze"] + files + ["--split-input"] + common + ["--json", merged])

        // The same shards streaming their files from standard input: the same numbers, and
        // `-` as each part's input.
        var streamed: [String] = []
        for (index, file) in files.enumerated() {
            let part = directory.appendingPathComponent("stdin-part-\(index).json").path
            let outcome = try await HorizonExecutable.run(
                ["analyze", "-", "--shard", "\(index)/3", "--split-input"] + common + ["--out", part], standardInput: URL(fileURLWithPath: file))
            #expect(outcome.status == 0, "\(outcome.standardError)")
            streamed.append(part)
        }
        let mergedStream = directory.appendingPathComponent("merged-stdin.json").path
        #expect(try await HorizonExecutable.run(["merge"] + streamed + ["--out", mergedStream]).status == 0)
        let fromStream = try Analysis.load(from: URL(fileURLWithPath: mergedStream))
        #expect(fromStream.counts == analysis.counts && fromStream.bf == analysis.bf && fromStream.problems == analysis.problems)
        #expect(fromStream.inputs.map(\.path) == ["-", "-", "-", probes])
    }

    @Test("two splitters' zstd files streamed one after the other into each shard give the unsplit input's analysis")
    func concatenatedStreams() async throws {
        let (traces, _) = try Self.inputs()
        let lines = try String(contentsOf: traces, encoding: .utf8).split(separator: "\n").map(String.init)
        let halves = [try TraceFile.write(Array(lines[..<15]), name: "first-half.jsonl"), try TraceFile.write(Array(lines[15...]), name: "second-half.jsonl")]
        let directory = try SharedData.temporaryDirectory("cli-split-streams")
        for (index, half) in halves.enumerated() {
            let outcome = try await HorizonExecutable.run(["split", half, "--shards", "2", "--compress", "zstd", "--out", directory.appendingPathComponent("\(index)").path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let common = ["--skip-invalid", "--bootstrap-resamples", "200", "--seed", "9"]
        var parts: [String] = []
        for shard in 0..<2 {
            let name = "shard-0000\(shard)-of-00002.jsonl.zst"
            let stream = directory.appendingPathComponent("stream-\(shard).zst")
            try (try Data(contentsOf: directory.appendingPathComponent("0/\(name)")) + Data(contentsOf: directory.appendingPathComponent("1/\(name)"))).write(to: stream)
            let part = directory.appendingPathComponent("part-\(shard).json").path
            let outcome = try await HorizonExecutable.run(["analyze", "-", "--shard", "\(shard)/2", "--split-input"] + common + ["--out", part], standardInput: stream)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            parts.append(part)
        }
        let merged = directory.appendingPathComponent("merged.json").path
        #expect(try await HorizonExecutable.run(["merge"] + parts + ["--out", merged]).status == 0)
        let whole = directory.appendingPathComponent("whole.json").path
        #expect(try await HorizonExecutable.run(["analyze", traces.path] + common + ["--out", whole]).status == 0)
        let (fromStreams, fromWhole) = (try Analysis.load(from: URL(fileURLWithPath: merged)), try Analysis.load(from: URL(fileURLWithPath: whole)))
        #expect(fromStreams.counts == fromWhole.counts && fromStreams.counts.lines == 30 && fromStreams.counts.duplicates == 1)
        #expect(fromStreams.bf == fromWhole.bf && fromStreams.problems == fromWhole.problems && fromStreams.accuracy == fromWhole.accuracy)
    }

    @Test("a shard's file given to another shard is exit 2 naming file and line; empty split files are read; bad options are usage errors")
    func refusals() async throws {
        let (traces, _) = try Self.inputs()
        let splitDirectory = try SharedData.temporaryDirectory("cli-split").appendingPathComponent("split").path
        #expect(try await HorizonExecutable.run(["split", traces.path, "--shards", "2", "--out", splitDirectory]).status == 0)
        let shardZero = "\(splitDirectory)/shard-00000-of-00002.jsonl"
        let wrong = try await HorizonExecutable.run(["analyze", shardZero, "--skip-invalid", "--shard", "1/2", "--split-input"])
        #expect(wrong.status == 2 && wrong.standardOutput.isEmpty)
        // Shard 0 of 2 holds p1, p3, p5 and the malformed line, its line 1 (skipped).
        #expect(wrong.standardError.contains("\(shardZero):2: problem \"p1\" belongs to shard 0/2, not 1/2"), "\(wrong.standardError)")
        // A single run over split files accepts an empty one (a shard without problems), as its shard does.
        let empty = try SharedData.temporaryDirectory("cli-split-empty").appendingPathComponent("shard-00001-of-00002.jsonl").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let refused = try await HorizonExecutable.run(["analyze", shardZero, empty, "--skip-invalid"])
        #expect(refused.status == 2 && refused.standardError.contains("\(empty): no traces"), "\(refused.standardError)")
        let accepted = try await HorizonExecutable.run(["analyze", shardZero, empty, "--skip-invalid", "--split-input"])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        let emptyShard = try await HorizonExecutable.run(["analyze", empty, "--shard", "1/2", "--split-input"])
        #expect(emptyShard.status == 0 && emptyShard.standardError.contains("shard 1/2: 0 problems"), "\(emptyShard.standardError)")
        for shards in ["0", "100001"] {
            let usage = try await HorizonExecutable.run(["split", traces.path, "--shards", shards, "--out", splitDirectory])
            #expect(usage.status == 64 && usage.standardError.contains("--shards"), "\(usage.standardError)")
        }
        // Every shard's file is open at once: more than the hard limit allows is refused before any is written.
        let many = try SharedData.temporaryDirectory("cli-split-many").appendingPathComponent("out").path
        let limited = try await HorizonExecutable.run(["split", traces.path, "--shards", "2000", "--out", many], openFileLimit: (soft: 256, hard: 512))
        #expect(limited.status == 2 && limited.standardError.contains("\(many): cannot create: 2000 shard files at once"), "\(limited.standardError)")
        #expect(!FileManager.default.fileExists(atPath: many))
        let missing = try await HorizonExecutable.run(["split", traces.path + ".absent", "--shards", "2", "--out", splitDirectory])
        #expect(missing.status == 2 && missing.standardError.contains("\(traces.path).absent"), "\(missing.standardError)")
    }
}
