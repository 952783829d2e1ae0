import Foundation
import HorizonTestSupport
import HorizonTraces
import Testing

/// `TraceSplitter`: every line lands, byte for byte and in order, in the file of its problem's
/// shard; lines naming no problem in shard 0's.
@Suite("splitting traces by problem")
struct TraceSplitterTests {
    /// Problem `pK` goes to shard K mod N: a rule the test can check by hand, independent of the hash.
    static func shardOf(count: Int) -> @Sendable (String) -> Int {
        { id in Int(id.dropFirst())! % count }
    }

    /// Five problems × three samples with a malformed line, a blank line, a line without a
    /// problem id, a duplicate of the first line, and a last line without a line feed.
    static func lines() -> [String] {
        var lines = GeneratedTraces.lines(problems: 5, samples: 3)
        lines.insert("{not json", at: 4)
        lines.insert("   ", at: 7)
        lines.insert(#"{"text": "no id"}"#, at: 9)
        lines.append(lines[0])
        return lines
    }

    static func write(_ lines: [String]) throws -> String {
        let url = try SharedData.temporaryDirectory("split-input").appendingPathComponent("traces.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)  // no line feed after the last line
        return url.path
    }

    static func fileLines(_ path: String) throws -> [String] {
        let text = String(decoding: try TraceReader.contents(of: path), as: UTF8.self)
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("each shard's file holds its problems' lines in input order; the rest go to shard 0", arguments: [1, 2, 3, 7])
    func routing(count: Int) throws {
        let lines = Self.lines()
        let input = try Self.write(lines)
        let directory = try SharedData.temporaryDirectory("split-out").path
        let summary = try TraceSplitter(paths: [input], shardCount: count).split(into: directory, shardOf: Self.shardOf(count: count))
        #expect(summary.files.map { URL(fileURLWithPath: $0).lastPathComponent }
            == (0..<count).map { String(format: "shard-%05d-of-%05d.jsonl", $0, count) })
        let unrouted: Set<String> = ["{not json", "   ", #"{"text": "no id"}"#]
        for (shard, file) in summary.files.enumerated() {
            let expected = lines.filter { line in
                guard !unrouted.contains(line) else { return shard == 0 }
                let id = line.firstMatch(of: #/"problem_id": "(p\d+)"/#)!.output.1
                return Int(id.dropFirst())! % count == shard
            }
            #expect(try Self.fileLines(file) == expected, "shard \(shard)")
            #expect(summary.linesPerShard[shard] == expected.count)
            #expect(summary.bytesPerShard[shard] == (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int))
        }
        #expect(summary.lines == lines.count && summary.unroutedLines == 3)
        #expect(summary.bytesRead == lines.joined(separator: "\n").utf8.count)
    }

    @Test("zstd output reads back as the plain output, and a shard without problems is an empty file")
    func compressed() throws {
        let input = try Self.write(Self.lines())
        let plain = try SharedData.temporaryDirectory("split-plain").path
        let packed = try SharedData.temporaryDirectory("split-zstd").path
        let count = 7
        let plainSummary = try TraceSplitter(paths: [input], shardCount: count).split(into: plain, shardOf: Self.shardOf(count: count))
        let packedSummary = try TraceSplitter(paths: [input], shardCount: count, compression: .zstd).split(into: packed, shardOf: Self.shardOf(count: count))
        #expect(packedSummary.files.allSatisfy { $0.hasSuffix(".jsonl.zst") })
        for (plainFile, packedFile) in zip(plainSummary.files, packedSummary.files) {
            #expect(try TraceReader.contents(of: packedFile) == TraceReader.contents(of: plainFile))
            // The system's zstd reads it too.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: packedFile))
            #expect(try SystemCompressor.decompress(bytes, with: "zstd") == Data(contentsOf: URL(fileURLWithPath: plainFile)))
        }
        // Problems p0 … p4 and shard = K mod 7: shards 5 and 6 hold nothing.
        #expect(plainSummary.linesPerShard[5] == 0 && plainSummary.linesPerShard[6] == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plainSummary.files[6])).isEmpty)
        #expect(try TraceReader.contents(of: packedSummary.files[6]).isEmpty)
    }

    @Test("several inputs, a compressed one among them, are split as their concatenation")
    func severalInputs() throws {
        let lines = GeneratedTraces.lines(problems: 4, samples: 2)
        let first = try TraceFile.write(Array(lines[..<3]), name: "first.jsonl")
        let secondText = Data((lines[3...].joined(separator: "\n") + "\n").utf8)
        let second = try SharedData.temporaryDirectory("split-gz").appendingPathComponent("second.jsonl.gz")
        try SystemCompressor.compress(secondText, with: "gzip").write(to: second)
        let directory = try SharedData.temporaryDirectory("split-out").path
        let summary = try TraceSplitter(paths: [first, second.path], shardCount: 2).split(into: directory, shardOf: Self.shardOf(count: 2))
        #expect(try Self.fileLines(summary.files[0]) + Self.fileLines(summary.files[1])
            == lines.filter { $0.contains(#""p0""#) || $0.contains(#""p2""#) } + lines.filter { $0.contains(#""p1""#) || $0.contains(#""p3""#) })
        #expect(summary.unroutedLines == 0 && summary.lines == 8)
    }

    @Test("an unreadable input and an unwritable directory are errors naming the path")
    func failures() throws {
        let directory = try SharedData.temporaryDirectory("split-out").path
        let missing = directory + "/absent.jsonl"
        #expect(throws: TraceError.self) { _ = try TraceSplitter(paths: [missing], shardCount: 2).split(into: directory, shardOf: Self.shardOf(count: 2)) }
        do {
            _ = try TraceSplitter(paths: [missing], shardCount: 2).split(into: directory, shardOf: Self.shardOf(count: 2))
        } catch {
            #expect(error.location.file == missing && error.reason == .unreadableInput)
        }
        // Splitting a shard's file into its own directory would empty it before reading it.
        let first = try TraceSplitter(paths: [try Self.write(Self.lines())], shardCount: 2).split(into: directory, shardOf: Self.shardOf(count: 2))
        let before = try Data(contentsOf: URL(fileURLWithPath: first.files[1]))
        do {
            _ = try TraceSplitter(paths: [first.files[1]], shardCount: 2).split(into: directory + "/.", shardOf: Self.shardOf(count: 2))
            Issue.record("a split overwrote its own input")
        } catch {
            #expect(error.reason == .unwritableOutput && error.location.file == first.files[1])
            #expect(error.description.contains("is one of the shard files this split writes"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.files[1])) == before && !before.isEmpty)
        let blocker = try TraceFile.write(["x"], name: "not-a-directory")
        let input = try Self.write(Self.lines())
        do {
            _ = try TraceSplitter(paths: [input], shardCount: 2).split(into: blocker + "/sub", shardOf: Self.shardOf(count: 2))
            Issue.record("split into a path under a file succeeded")
        } catch {
            #expect(error.reason == .unwritableOutput && error.location.file.hasPrefix(blocker))
        }
    }
}
