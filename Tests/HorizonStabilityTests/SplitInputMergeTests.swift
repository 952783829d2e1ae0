import Foundation
import HorizonCommon
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// `analyze --shard I/N --split-input` on the files of `horizon split`, and `merge` of such parts:
/// the merged analysis is the one a single run over all the shards' files writes, byte for byte,
/// and its counts are those of the unsplit input.
@Suite("split input and merge")
struct SplitInputMergeTests {
    /// Nine problems × four samples, with a malformed line, a blank line, a line without a
    /// problem id, and two duplicates (of problems p0 and p4).
    static func traces() throws -> String {
        var lines = GeneratedTraces.lines(problems: 9, samples: 4)
        lines.insert("{not json", at: 5)
        lines.insert("", at: 11)
        lines.insert(#"{"text": "no id"}"#, at: 20)
        lines.append(lines[0])
        lines.append(lines[17])
        return try TraceFile.write(lines, name: "split-traces.jsonl")
    }

    /// The shards' files of `traces`, as `horizon split --shards count` writes them.
    static func split(_ traces: String, count: Int, compression: CompressionFormat? = nil) throws -> [String] {
        let directory = try SharedData.temporaryDirectory("split-\(count)").path
        let splitter = TraceSplitter(paths: [traces], shardCount: count, compression: compression)
        return try splitter.split(into: directory, shardOf: { Shard.index(of: $0, count: count) }).files
    }

    static func analyzer(allowsEmptyInputs: Bool = false) throws -> Analyzer {
        var analyzer = try ShardMergeTests.analyzer()
        analyzer.readOptions.allowsEmptyInputs = allowsEmptyInputs
        return analyzer
    }

    /// Each shard's part over its own file, written to JSON and read back as `merge` reads it.
    static func parts(_ files: [String], probes: [[String]]? = nil) throws -> [(file: String, part: AnalysisPart)] {
        let analyzer = try analyzer()
        return try files.enumerated().map { index, file in
            let shard = try #require(Shard(index: index, count: files.count))
            let state = try analyzer.gather(paths: [file], probes: probes?[index] ?? ["probes.jsonl"], shard: shard, splitInput: true)
            let part = AnalysisPart(horizonVersion: horizonVersion, shard: shard, splitInput: true, options: analyzer.options, state: state)
            let url = try SharedData.temporaryDirectory("split-parts").appendingPathComponent("part-\(index).json")
            try part.encoded().write(to: url)
            return (url.path, try AnalysisPart.load(path: url.path))
        }
    }

    static func isEmpty(_ file: String) -> Bool {
        (try? TraceReader.contents(of: file).isEmpty) ?? false
    }

    @Test("parts of the shards' own files merge, in any order, to the single run over all the files", arguments: [1, 2, 3, 7, 11])
    func mergeEqualsSingle(count: Int) throws {
        let traces = try Self.traces()
        let files = try Self.split(traces, count: count)
        // Nine problems cannot fill eleven shards: empty files are read as holding nothing.
        #expect(files.contains(where: Self.isEmpty) == (count == 11))
        let single = try Self.analyzer(allowsEmptyInputs: count == 11).analyze(paths: files, probes: ["probes.jsonl"])
        let expected = try Analysis.makeEncoder().encode(single)
        let parts = try Self.parts(files)
        #expect(parts.allSatisfy { $0.part.splitInput })
        var random = SplitMix64(seed: UInt64(count))
        for order in [Array(parts.indices), parts.indices.reversed(), parts.indices.shuffled(using: &random)] {
            let merged = try AnalysisPart.merge(order.map { parts[$0] })
            #expect(try Analysis.makeEncoder().encode(merged) == expected)
        }
        // Every line was read once: the counts are the unsplit file's, and so are the numbers.
        let whole = try ShardMergeTests.analyzer().analyze(paths: [traces], probes: ["probes.jsonl"])
        #expect(single.counts == whole.counts)
        #expect(single.counts.lines == 41 && single.counts.invalidLines == 2 && single.counts.duplicates == 2 && single.counts.traces == 36)
        #expect(single.invalid.count == 4 && single.inputs.map(\.path) == files + ["probes.jsonl"])
        #expect(single.bf == whole.bf && single.problems == whole.problems && single.probes == whole.probes)
    }

    @Test("zstd-compressed shard files give the same merged analysis as their single run")
    func compressed() throws {
        let files = try Self.split(try Self.traces(), count: 3, compression: .zstd)
        #expect(files.allSatisfy { $0.hasSuffix(".jsonl.zst") })
        let single = try Self.analyzer().analyze(paths: files, probes: ["probes.jsonl"])
        let merged = try AnalysisPart.merge(try Self.parts(files))
        #expect(try Analysis.makeEncoder().encode(merged) == Analysis.makeEncoder().encode(single))
        #expect(merged.counts.duplicates == 2 && merged.inputs.map(\.bytes) == (files.map { try! FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int } + [0]))
    }

    @Test("a line of another shard's problem in a split input is an error naming its file and line")
    func foreignProblem() throws {
        let files = try Self.split(try Self.traces(), count: 3)
        let lines = String(decoding: try TraceReader.contents(of: files[0]), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // The first trace of shard 0's file: its first line holding a problem id.
        let firstTrace = try #require(lines.firstIndex { $0.contains(#""problem_id""#) }) + 1
        let shard = try #require(Shard(index: 1, count: 3))
        do {
            _ = try Self.analyzer().gather(paths: [files[0]], shard: shard, splitInput: true)
            Issue.record("a foreign problem was read")
        } catch let error as AnalysisError {
            guard case .foreignProblem(let problemID, let owner, let reading) = error.reason else { Issue.record("\(error)"); return }
            #expect(owner == Shard(index: 0, count: 3) && reading == shard && Shard.index(of: problemID, count: 3) == 0)
            #expect(error.location.file == files[0] && error.location.line == firstTrace)
            #expect(error.description.hasPrefix("\(files[0]):\(firstTrace): problem \"\(problemID)\" belongs to shard 0/3, not 1/3"))
        }
        // Without --split-input the same file is an ordinary input, filtered to the shard.
        #expect(try Self.analyzer().gather(paths: [files[0]], shard: shard).counts.traces == 0)
    }

    @Test("split and unsplit parts, or split parts with other probe files, refuse to merge")
    func refusals() throws {
        let traces = try Self.traces()
        let files = try Self.split(traces, count: 3)
        let split = try Self.parts(files)
        let unsplit = try ShardMergeTests.parts(count: 3, analyzer: try ShardMergeTests.analyzer(), traces: traces)
        func reason(_ parts: [(file: String, part: AnalysisPart)]) -> String? {
            do { _ = try AnalysisPart.merge(parts); return nil } catch let error as AnalysisError { return error.description } catch { return nil }
        }
        let mixed = try #require(reason([split[0], unsplit[1], split[2]]))
        #expect(mixed.hasPrefix(unsplit[1].file) && mixed.contains("read every line, while only its shard's files were read"))
        let otherProbes = try Self.parts(files, probes: [["probes.jsonl"], ["other-probes.jsonl"], ["probes.jsonl"]])
        let probes = try #require(reason(otherProbes))
        #expect(probes.hasPrefix(otherProbes[1].file) && probes.contains("other probe files (other-probes.jsonl vs probes.jsonl"))
        #expect(reason([split[0], split[2]])?.contains("shard 1/3 missing") == true)
    }

    @Test("parts load on all cores in the order given; the first bad file in that order is the error")
    func loadInOrder() throws {
        let traces = try Self.traces()
        let parts = try Self.parts(try Self.split(traces, count: 7))
        let loaded = try AnalysisPart.load(paths: parts.map(\.file).reversed())
        #expect(loaded.map(\.file) == parts.map(\.file).reversed() && loaded.map(\.part) == parts.map(\.part).reversed())
        let missing = parts[0].file + ".absent"
        do {
            _ = try AnalysisPart.load(paths: [parts[0].file, traces, missing])
            Issue.record("a trace file loaded as a part")
        } catch let error as AnalysisError {
            #expect(error.location.file == traces)
        }
    }

    @Test("gzip- and zstd-compressed parts merge as the plain ones")
    func compressedParts() throws {
        let parts = try Self.parts(try Self.split(try Self.traces(), count: 3))
        let expected = try Analysis.makeEncoder().encode(try AnalysisPart.merge(parts))
        let directory = try SharedData.temporaryDirectory("split-parts-compressed")
        var packed: [String] = []
        for (index, (file, _)) in parts.enumerated() {
            let tool = index == 1 ? "gzip" : "zstd"
            let url = directory.appendingPathComponent("part-\(index).json.\(tool == "gzip" ? "gz" : "zst")")
            try SystemCompressor.compress(try Data(contentsOf: URL(fileURLWithPath: file)), with: tool).write(to: url)
            packed.append(url.path)
        }
        let loaded = try AnalysisPart.load(paths: packed)
        #expect(loaded.map(\.part) == parts.map(\.part))
        #expect(try Analysis.makeEncoder().encode(try AnalysisPart.merge(loaded)) == expected)
    }

    @Test("a version 1 part (before split input) still loads, as a part that read every line, and merges")
    func versionOne() throws {
        let traces = try Self.traces()
        let parts = try ShardMergeTests.parts(count: 2, analyzer: try ShardMergeTests.analyzer(), traces: traces)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: parts[1].file)), as: UTF8.self)
        #expect(text.contains(#""schema_version":2"#) && text.contains(#""split_input":false,"#))
        let versionOne = text.replacingOccurrences(of: #""schema_version":2"#, with: #""schema_version":1"#)
            .replacingOccurrences(of: #""split_input":false,"#, with: "")
        let url = try SharedData.temporaryDirectory("split-parts").appendingPathComponent("v1.json")
        try Data(versionOne.utf8).write(to: url)
        let old = try AnalysisPart.load(path: url.path)
        #expect(old.schemaVersion == 1 && !old.splitInput && old.state == parts[1].part.state)
        let merged = try AnalysisPart.merge([parts[0], (url.path, old)])
        #expect(try Analysis.makeEncoder().encode(merged) == Analysis.makeEncoder().encode(try ShardMergeTests.analyzer().analyze(paths: [traces], probes: ["probes.jsonl"])))
    }
}
