import Foundation
import HorizonTestSupport
import Testing

/// The `horizon` binary on gzip and zstd input, as a user runs it.
@Suite("compressed input", .enabled(if: HorizonExecutable.isBuilt))
struct CompressedInputCLITests {
    static let text = Data((0..<40).map { #"{"problem_id": "p\#($0 % 4)", "text": "<think> step \#($0) </think> \\boxed{\#($0 % 3)}"}"# + "\n" }.joined().utf8)

    @Test("segment prints the same lines for plain, .gz and .zst input")
    func segmentReadsCompressedTraces() async throws {
        let directory = try SharedData.temporaryDirectory()
        let plain = directory.appendingPathComponent("traces.jsonl")
        try Self.text.write(to: plain)
        let expected = try await HorizonExecutable.run(["segment", plain.path, "--profile", "deepseek-r1"])
        #expect(expected.status == 0)
        #expect(expected.standardOutput.split(separator: "\n").count == 40)
        for tool in ["gzip", "zstd"] {
            let compressed = directory.appendingPathComponent("traces.jsonl.\(tool)")
            try SystemCompressor.compress(Self.text, with: tool).write(to: compressed)
            let result = try await HorizonExecutable.run(["segment", compressed.path, "--profile", "deepseek-r1"])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == expected.standardOutput, "\(tool)")
        }
    }

    @Test("analyze on a truncated .gz exits 2 naming the file and the line where the data ends")
    func truncatedInputIsAnInputError() async throws {
        let directory = try SharedData.temporaryDirectory()
        let compressed = try SystemCompressor.compress(Self.text, with: "gzip")
        let path = directory.appendingPathComponent("traces.jsonl.gz").path
        try compressed.prefix(compressed.count - 12).write(to: URL(fileURLWithPath: path))
        let result = try await HorizonExecutable.run(["analyze", path, "--json", directory.appendingPathComponent("a.json").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):"), "\(result.standardError)")
        #expect(result.standardError.contains("truncated gzip data"), "\(result.standardError)")
    }

    @Test("sample --compress accepts zstd only")
    func sampleCompressGzipIsAUsageError() async throws {
        let result = try await HorizonExecutable.run([
            "sample", "--base-url", "http://127.0.0.1:9", "--model", "m", "--dataset", "/nonexistent.jsonl",
            "--out", "/tmp/never.jsonl.gz", "--compress", "gzip",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--compress"), "\(result.standardError)")
    }
}
