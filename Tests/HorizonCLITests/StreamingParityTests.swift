import Foundation
import HorizonTestSupport
import Testing

/// The same seeded requests, sampled with `--stream` and without, against llama.cpp's
/// `llama-server` (SmolLM2-135M-Instruct): the traces must be identical (text, token ids,
/// log-probs, usage), so must the analyses, and a healthy server on loopback must need no retry.
///
/// The two modes differ on the wire: a non-streamed answer lists the end-of-turn token as a last
/// log-prob entry that the stream never sends (the stop step, dropped everywhere; see
/// docs/trace-format.md).
@Suite(
    "Streamed and non-streamed traces from llama-server",
    .serialized,
    .enabled(if: LlamaCppServer.isAvailable, "needs `make llama-server models`"),
    .enabled(if: HorizonExecutable.isBuilt, "needs the horizon binary")
)
struct StreamingParityTests {
    @Test("identical traces and analyses streamed or not, with zero retries", arguments: ["chat", "completions"])
    func streamedEqualsNonStreamed(endpoint: String) async throws {
        let server = try await LlamaCppServer.start(.smolLM2Instruct)
        defer { server.stop() }
        let directory = try SharedData.temporaryDirectory("streaming-parity")
        let problems = try RealModelProblems.write(in: directory)

        var traceLines: [[String: NSDictionary]] = []
        var analyses: [NSDictionary] = []
        for stream in [false, true] {
            let traces = directory.appendingPathComponent("traces-\(stream).jsonl").path
            let sampled = try await HorizonExecutable.run(
                ["sample", "--base-url", server.baseURL.absoluteString, "--model", LlamaCppServer.Model.smolLM2Instruct.alias,
                 "--endpoint", endpoint, "--dataset", problems, "--verbose", "--out", traces]
                    + RealModelProblems.samplingArguments + (stream ? ["--stream"] : []))
            try #require(sampled.status == 0, "sample failed: \(sampled.standardError)\n\(server.logTail())")
            #expect(!sampled.standardError.contains("retr"), "stream \(stream): \(sampled.standardError)")
            let manifest = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: traces + ".manifest.json"))) as? [String: Any])
            let counts = try #require(manifest["counts"] as? [String: Any])
            #expect(counts["retries"] as? Int == 0, "stream \(stream): \(counts)")
            #expect((counts["retries_by_cause"] as? [String: Any])?.isEmpty == true, "stream \(stream): \(counts)")

            let lines = try String(contentsOfFile: traces, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
            }
            #expect(lines.count == RealModelProblems.count * RealModelProblems.samplesPerProblem)
            traceLines.append(Dictionary(uniqueKeysWithValues: lines.map { ("\($0["problem_id"] ?? "")#\($0["sample_index"] ?? "")", $0) }))

            let json = directory.appendingPathComponent("analysis-\(stream).json").path
            let analyzed = try await HorizonExecutable.run(
                ["analyze", traces, "--profile", "plain", "--estimator", "entropy", "--top-p", "1", "--json", json])
            try #require(analyzed.status == 0, "analyze failed: \(analyzed.standardError)")
            let analysis = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
            // Everything but the input files' names and digests and the command that named them.
            analyses.append(analysis.filter { !["inputs", "command_line"].contains($0.key) } as NSDictionary)
        }

        #expect(traceLines[0].keys.sorted() == traceLines[1].keys.sorted())
        for (key, plain) in traceLines[0] {
            let streamed = try #require(traceLines[1][key])
            #expect(plain == streamed, "\(endpoint) \(key): the streamed trace differs:\n\(plain)\nvs\n\(streamed)")
        }
        #expect(analyses[0] == analyses[1])
    }
}
