import Foundation
import HorizonTestSupport
import Testing

/// `analyze --probes --consistency-k` on hand-written trace and probe files.
///
/// p#0 (gold 3) answers 3 after 100 thinking tokens; its cuts at 0, 50, 100 answer 5, 3, 3.
/// p#1 answers 4 (wrong) after 200; its cuts at 0, 100, 200 answer 4, 4, 4.
@Suite("analyze: reasoning behaviour from probes")
struct ProbeBehaviourCLITests {
    static func trace(_ sample: Int, answer: String) -> String {
        #"{"problem_id":"p","sample_index":\#(sample),"gold":"3","text":"<think>thinking</think> The answer is \\boxed{\#(answer)}."}"#
    }

    static func probe(_ sample: Int, kept: Int, thinking: Int, answer: String) -> String {
        #"{"problem_id":"p","sample_index":\#(sample),"probe":{"kind":"truncation","length":\#(kept),"length_unit":"tokens","kept_tokens":\#(kept),"thinking_tokens":\#(thinking),"index":0},"prefix":"<think>","answer_prefix":"\\boxed{","gold":"3","text":"\#(answer)}","usage":{"completion_tokens":2}}"#
    }

    @Test("tokens to first correct and the stop rule at K = 2 land in the JSON as worked out by hand")
    func analyzeWritesThem() async throws {
        let traces = try TraceFile.write([Self.trace(0, answer: "3"), Self.trace(1, answer: "4")], name: "behaviour-traces.jsonl")
        let probes = try TraceFile.write([
            Self.probe(0, kept: 0, thinking: 100, answer: "5"), Self.probe(0, kept: 50, thinking: 100, answer: "3"),
            Self.probe(0, kept: 100, thinking: 100, answer: "3"), Self.probe(1, kept: 200, thinking: 200, answer: "4"),
            Self.probe(1, kept: 0, thinking: 200, answer: "4"), Self.probe(1, kept: 100, thinking: 200, answer: "4"),
        ], name: "behaviour-probes.jsonl")
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--probes", probes, "--consistency-k", "2", "--profile", "deepseek-r1"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let probeSummary = try #require(json["probes"] as? [String: Any])
        let first = try #require(probeSummary["first_correct"] as? [String: Any])
        // p#0 right from 50 of 100 on; p#1 never.
        #expect(first["samples"] as? Int == 2 && first["reached"] as? Int == 1 && first["never"] as? Int == 1)
        #expect(first["tokens"] as? Double == 50 && first["efficiency"] as? Double == 0.5)
        #expect(first["reached_share"] as? Double == 0.5)
        let stop = try #require(probeSummary["consistency_stop"] as? [String: Any])
        #expect(stop["k"] as? Int == 2)
        let rows = try #require(stop["rows"] as? [[String: Any]])
        #expect(rows.map { $0["k"] as? Int } == [2, 3, 4, 5])
        // K = 2: p#0 stops at 100 (3; its whole thinking, so not early), p#1 at 100 of 200 (4):
        // 200 of 300 thinking tokens kept.
        let two = rows[0]
        #expect(two["stopped"] as? Int == 1)
        #expect(abs((two["tokens_saved_share"] as? Double ?? 0) - 1.0 / 3) < 1e-12)
        #expect(two["accuracy_full"] as? Double == 0.5 && two["accuracy_stopped"] as? Double == 0.5)
        #expect(two["agreement_with_full"] as? Double == 1)
        // K = 3: p#1's three cuts agree only at its last (saving nothing, not early); p#0 never.
        #expect(rows[1]["stopped"] as? Int == 0 && rows[1]["tokens_saved_share"] as? Double == 0)
    }

    @Test("--consistency-k 0 is a usage error")
    func kMustBePositive() async throws {
        let traces = try TraceFile.write([Self.trace(0, answer: "3")], name: "behaviour-k0.jsonl")
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--consistency-k", "0"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--consistency-k must be at least 1"))
    }
}
