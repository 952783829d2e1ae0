import Foundation
import HorizonTestSupport
import Testing

/// `analyze --probes` and `report` on a hand-written budget-forcing chain, and `probe
/// --budget-force` usage errors.
///
/// p#0 (gold 3), one chain, one wait: forced at its whole thinking it answers 5 (wrong); the
/// wait draws out two tokens, each from 4 equally likely candidates (BF 4); then it answers 3.
@Suite("analyze and report: budget forcing")
struct BudgetForcingCLITests {
    static let trace = #"{"problem_id":"p","sample_index":0,"gold":"3","text":"<think>1+2</think> The answer is \\boxed{5}."}"#

    static func answer(waits: Int, extensionTokens: Int, _ text: String) -> String {
        #"{"problem_id":"p","sample_index":0,"probe":{"kind":"budget_force","part":"answer","waits":\#(waits),"wait_string":"Wait","thinking_tokens":3,"extension_tokens":\#(extensionTokens),"index":0},"prefix":"<think>1+2","answer_prefix":"\\boxed{","gold":"3","text":"\#(text)}","finish_reason":"stop","usage":{"completion_tokens":2}}"#
    }

    static var extensionLine: String {
        let logProbs = TraceLines.completionLogProbs([.uniform(" is", candidates: 4), .uniform(" 3", candidates: 4)])
        return TraceLines.flat([
            "problem_id": .string("p"), "sample_index": .integer(0),
            "probe": .raw(#"{"kind":"budget_force","part":"extension","waits":1,"wait_string":"Wait","thinking_tokens":3,"index":0}"#),
            "prefix": .string("<think>1+2Wait"), "gold": .string("3"), "text": .string(" is 3"), "finish_reason": .string("stop"),
            "usage": .raw(#"{"completion_tokens":2}"#),
        ], logProbs: logProbs).rendered()
    }

    @Test("the rows per wait land in the JSON as worked out by hand, and the report shows them")
    func analyzeAndReport() async throws {
        let directory = try SharedData.temporaryDirectory("budget-cli")
        let traces = try TraceFile.write([Self.trace], name: "budget-traces.jsonl")
        let probes = try TraceFile.write(
            [Self.answer(waits: 0, extensionTokens: 0, "5"), Self.extensionLine, Self.answer(waits: 1, extensionTokens: 2, "3")],
            name: "budget-probes.jsonl")
        let analysis = directory.appendingPathComponent("budget.json").path
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--probes", probes, "--profile", "deepseek-r1", "--json", analysis])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: analysis))) as? [String: Any])
        #expect(json["schema_version"] as? Int == 4)
        let probeSummary = try #require(json["probes"] as? [String: Any])
        #expect((probeSummary["truncation"] as? [Any])?.isEmpty == true)
        let rows = try #require(probeSummary["budget_forcing"] as? [[String: Any]])
        #expect(rows.map { $0["waits"] as? Int } == [0, 1])
        #expect(rows[0]["accuracy"] as? Double == 0 && rows[1]["accuracy"] as? Double == 1)
        #expect(rows[0]["extension_bf"] == nil)
        let bf = try #require(rows[1]["extension_bf"] as? Double)
        #expect(abs(bf - 4) < 1e-9)
        #expect(rows[1]["extension_tokens"] as? Double == 2)
        #expect(rows[1]["wrong_to_right"] as? Int == 1 && rows[1]["right_to_wrong"] as? Int == 0)
        #expect(rows[1]["empty_extensions"] as? Int == 0 && rows[1]["length_capped"] as? Int == 0)

        let reportDirectory = directory.appendingPathComponent("report").path
        let report = try await HorizonExecutable.run(["report", analysis, "--out", reportDirectory])
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = try String(contentsOfFile: reportDirectory + "/report.md", encoding: .utf8)
        let after = try #require(markdown.components(separatedBy: "### Thinking longer (budget forcing)").dropFirst().first)
        let section = try #require(after.components(separatedBy: "\n#").first)
        let table = section.split(separator: "\n").filter { $0.hasPrefix("|") }.map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        try #require(table.count == 4, "\(section)")
        #expect(table[0].first == "Waits")
        #expect(table[2][0] == "0" && table[2][3].hasPrefix("0"))
        #expect(table[3][0] == "1" && table[3][3].hasPrefix("100") && table[3][4] == "2" && table[3][5].hasPrefix("4"))
        #expect(table[3][7] == "1")
        for chart in ["probe-budget-accuracy.svg", "probe-budget-bf.svg"] {
            #expect(section.contains(chart))
            #expect(FileManager.default.fileExists(atPath: reportDirectory + "/" + chart), "\(chart)")
        }
        #expect(!markdown.contains("Not available (the traces hold no truncation"))
    }

    @Test("a budget line without waits names the file and line")
    func missingWaits() async throws {
        let traces = try TraceFile.write([Self.trace], name: "budget-bad-traces.jsonl")
        let bad = Self.answer(waits: 0, extensionTokens: 0, "5").replacingOccurrences(of: #""waits":0,"#, with: "")
        let probes = try TraceFile.write([Self.answer(waits: 0, extensionTokens: 0, "5"), bad], name: "budget-bad.jsonl")
        let outcome = try await HorizonExecutable.run(["analyze", traces, "--probes", probes, "--profile", "deepseek-r1"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("budget-bad.jsonl:2"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("waits"))
    }

    @Test("--budget-force 0 and an empty --wait-string are usage errors", arguments: [
        (["--budget-force", "0"], "--budget-force must be at least 1"),
        (["--budget-force", "2", "--wait-string", ""], "--wait-string must not be empty"),
    ])
    func usage(arguments: [String], message: String) async throws {
        let traces = try TraceFile.write([Self.trace], name: "budget-usage.jsonl")
        let outcome = try await HorizonExecutable.run(
            ["probe", traces, "--base-url", "http://127.0.0.1:9", "--model", "m", "--out", traces + ".probes"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
