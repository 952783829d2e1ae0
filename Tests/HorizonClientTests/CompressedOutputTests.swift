import Foundation
import HorizonClient
import HorizonTestSupport
import Testing

/// `SamplingRun` writing zstd (`sample --compress zstd`) against the loopback server, checked
/// by decompressing the output with the system's `zstd`.
@Suite("Compressed sampling output")
struct CompressedOutputTests {
    static let problems = ProblemSet(problems: [
        Problem(id: "p1", question: "1+1?", gold: "2"),
        Problem(id: "p2", question: "2+2?", gold: "4"),
        Problem(id: "p3", question: "3+3?", gold: nil),
    ])

    private func config(_ server: FaultyServer, out: String, samples: Int) -> SamplingConfig {
        SamplingConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL + "/v1"], model: "fake-model", parameters: SamplingParameters(maxTokens: 16, topLogprobs: 2),
                apiKeyEnvironmentVariable: "HORIZON_TEST_NO_KEY", timeouts: shortTimeouts, retryPolicy: fastRetries),
            run: RunSettings(seed: 3, concurrency: 2, outputPath: out),
            dataset: Self.problems, samplesPerProblem: samples, compression: .zstd)
    }

    /// The output's lines as `zstd -dc` decompresses them, as (problem, sample) pairs.
    private func pairs(_ path: String) throws -> [String] {
        let text = try SystemCompressor.decompress(try Data(contentsOf: URL(fileURLWithPath: path)), with: "zstd")
        #expect(text.last == UInt8(ascii: "\n"))
        return try text.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            return "\(object["problem_id"] as? String ?? "?")#\(object["sample_index"] as? Int ?? -1)"
        }
    }

    private static let serveCompletions: FaultyServer.Script = { _, request in .json(fakeChatCompletion(for: request)) }

    @Test("the output is zstd that the zstd command reads; a rerun with more samples appends frames")
    func writesAndGrows() async throws {
        let out = try SharedData.temporaryDirectory("compressed-sampling").appendingPathComponent("out.jsonl.zst").path
        try await FaultyServer.with(Self.serveCompletions) { server in
            let first = try await SamplingRun.run(config: config(server, out: out, samples: 2))
            #expect(first.written == 6)
            let head = try Data(contentsOf: URL(fileURLWithPath: out)).prefix(4)
            #expect(Array(head) == [0x28, 0xB5, 0x2F, 0xFD])
            #expect(Set(try pairs(out)).count == 6)

            let second = try await SamplingRun.run(config: config(server, out: out, samples: 3))
            #expect(second.resumed == 6 && second.written == 3)
            let after = try pairs(out)
            #expect(after.count == 9 && Set(after).count == 9)
            #expect(server.requests.count == 9)
        }
    }

    @Test("a torn last frame is cut off and its sample redone")
    func tornFrame() async throws {
        let out = try SharedData.temporaryDirectory("compressed-sampling").appendingPathComponent("out.jsonl.zst").path
        try await FaultyServer.with(Self.serveCompletions) { server in
            _ = try await SamplingRun.run(config: config(server, out: out, samples: 1))
            let whole = try Data(contentsOf: URL(fileURLWithPath: out))
            // A crash in the middle of writing a frame: the first half of one more line's frame.
            let line = Data(#"{"problem_id":"p3","sample_index":1,"model":"fake-model","text":"unfinished"}"#.utf8 + [10])
            let frame = try SystemCompressor.compress(line, with: "zstd")
            try (whole + frame.prefix(frame.count / 2)).write(to: URL(fileURLWithPath: out))

            let summary = try await SamplingRun.run(config: config(server, out: out, samples: 2))
            #expect(summary.tornBytesRemoved == frame.count / 2)
            #expect(summary.resumed == 3 && summary.written == 3)
            let after = try pairs(out)
            #expect(after.count == 6 && Set(after).count == 6)
        }
    }

    @Test("a plain output is not resumed compressed, nor a compressed one plain")
    func compressionMustMatch() async throws {
        let out = try SharedData.temporaryDirectory("compressed-sampling").appendingPathComponent("out.jsonl").path
        try await FaultyServer.with(Self.serveCompletions) { server in
            var plain = config(server, out: out, samples: 1)
            plain.compression = nil
            _ = try await SamplingRun.run(config: plain)
            let error = try await #require(throws: ClientError.self) {
                _ = try await SamplingRun.run(config: config(server, out: out, samples: 2))
            }
            #expect(error.reason == .settingsChanged)
            #expect(error.message.contains("is plain text but this run writes zstd-compressed"))
            #expect(server.requests.count == 3)
        }
    }

    @Test("gzip output is refused before anything is sent")
    func gzipIsNotWritten() async throws {
        let out = try SharedData.temporaryDirectory("compressed-sampling").appendingPathComponent("out.jsonl.gz").path
        try await FaultyServer.with(Self.serveCompletions) { server in
            var gzip = config(server, out: out, samples: 1)
            gzip.compression = .gzip
            let error = try await #require(throws: ClientError.self) { _ = try await SamplingRun.run(config: gzip) }
            #expect(error.reason == .invalidConfiguration)
            #expect(server.requests.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
