import Foundation
import Horizon
import HorizonTestSupport
import Testing

@Suite("horizon commands, run as a user would", .enabled(if: HorizonExecutable.isBuilt))
struct CommandTests {
    @Test("grade GOLD PRED prints the verdict and the reason")
    func gradePair() async throws {
        let equal = try await HorizonExecutable.run(["grade", #"\frac{1}{2}"#, "The answer is $0.5$."])
        #expect(equal.status == 0)
        #expect(equal.standardOutput.hasPrefix("equivalent ("))
        let different = try await HorizonExecutable.run(["grade", "1/2004!", "1/2006!"])
        #expect(different.standardOutput.hasPrefix("not equivalent ("))
    }

    @Test("grade --pairs writes one verdict line per pair in order and reports agreement with `expected`")
    func gradePairs() async throws {
        let directory = try SharedData.temporaryDirectory()
        let pairs = directory.appendingPathComponent("pairs.jsonl")
        try Data("""
            {"gold": "7425000", "pred": "7,425,000", "expected": true}
            {"gold": "1,-2", "pred": "1,-3", "expected": false}
            {"gold": "4", "pred": "4\\\\sqrt{2}", "expected": true}

            """.utf8).write(to: pairs)
        let out = directory.appendingPathComponent("verdicts.jsonl")
        let result = try await HorizonExecutable.run(["grade", "--pairs", pairs.path, "--out", out.path])
        #expect(result.status == 0)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let verdicts = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(verdicts.map { $0["equivalent"] as? Bool } == [true, false, false])
        #expect(verdicts.map { $0["gold"] as? String } == ["7425000", "1,-2", "4"])
        #expect(verdicts.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        // The third label says 4 = 4√2, which is wrong: the summary counts it as a disagreement.
        #expect(result.standardError.contains("agreement with `expected`: 2/3"))
        #expect(result.standardError.contains("#2:"))
    }

    @Test("grade --pairs on the shared dev set agrees with at least 97% of the labels", .enabled(if: SharedData.isPresent("answer-equivalence-dev.jsonl"), "needs ../shared/data/answer-equivalence-dev.jsonl"))
    func gradeDevSet() async throws {
        let dev = try #require(SharedData.url("answer-equivalence-dev.jsonl"))
        let result = try await HorizonExecutable.run(["grade", "--pairs", dev.path, "--out", "/dev/null"])
        #expect(result.status == 0)
        let summary = try #require(result.standardError.split(separator: "\n").first)
        let match = try #require(summary.firstMatch(of: /agreement with `expected`: (\d+)\/(\d+)/))
        let agreed = Double(match.1)!, labelled = Double(match.2)!
        #expect(labelled == 191)
        #expect(agreed / labelled >= 0.97)
    }

    @Test("segment writes thinking and answer spans per trace")
    func segment() async throws {
        let directory = try SharedData.temporaryDirectory()
        let traces = directory.appendingPathComponent("traces.jsonl")
        try Data("""
            {"problem_id": "p1", "text": "so 2+2 is 4 </think> The answer is \\\\boxed{4}"}
            {"problem_id": "p1", "text": "<think> maybe \\\\boxed{5} but wait"}

            """.utf8).write(to: traces)
        let result = try await HorizonExecutable.run(["segment", traces.path, "--profile", "deepseek-r1"])
        #expect(result.status == 0)
        let records = try result.standardOutput.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count == 2)
        #expect(records[0]["answer"] as? String == #" The answer is \boxed{4}"#)
        #expect((records[0]["flags"] as? [String: Any])?["opening_marker_missing"] as? Bool == true)
        #expect(records[1]["answer"] as? String == "")
        #expect((records[1]["flags"] as? [String: Any])?["truncated"] as? Bool == true)
        #expect(records.map { $0["sample_index"] as? Int } == [0, 1])
    }

    @Test("a usage error exits 64 and says what was wrong")
    func exitCodes() async throws {
        let badOption = try await HorizonExecutable.run(["analyze", "x.jsonl", "--top-p", "2"])
        #expect(badOption.status == 64)
        #expect(badOption.standardError.contains("--top-p must be in (0, 1]"))
    }

    @Test("check: 0 on the same run, 1 on a regression beyond noise, 2 on a malformed baseline")
    func checkExitCodes() async throws {
        let directory = try SharedData.temporaryDirectory()
        let settings = AnalysisSettings(profile: "deepseek-r1", truncationValue: 1, problemSetDigest: "abc")
        var analysis = Analysis(horizonVersion: horizonVersion, label: "run", settings: settings)
        analysis.bf = BranchingFactorSummary(
            overall: 2.0, overallCI: ConfidenceInterval(lower: 1.95, upper: 2.05),
            thinking: 3.0, thinkingCI: ConfidenceInterval(lower: 2.9, upper: 3.1))
        analysis.problems = [ProblemAnalysis(problemID: "p1", samples: 4, bf: BranchingFactorSummary(overall: 2.0))]
        let baselineAnalysis = directory.appendingPathComponent("baseline-analysis.json")
        try analysis.write(to: baselineAnalysis)
        let baseline = directory.appendingPathComponent("baseline.json")
        let made = try await HorizonExecutable.run(["baseline", baselineAnalysis.path, "--out", baseline.path])
        #expect(made.status == 0)

        let same = try await HorizonExecutable.run(["check", "--baseline", baseline.path, baselineAnalysis.path])
        #expect(same.status == 0)

        // Thinking BF 3.0 → 3.9 (+30%, beyond 10%), intervals ±0.1: a regression by both rules.
        analysis.bf.thinking = 3.9
        analysis.bf.thinkingCI = ConfidenceInterval(lower: 3.8, upper: 4.0)
        let worse = directory.appendingPathComponent("worse.json")
        try analysis.write(to: worse)
        let junit = directory.appendingPathComponent("junit.xml")
        let regression = try await HorizonExecutable.run(["check", "--baseline", baseline.path, worse.path, "--junit", junit.path])
        #expect(regression.status == 1)
        #expect(regression.standardOutput.contains("bf.thinking"))
        #expect(try String(contentsOf: junit, encoding: .utf8).contains("<failure"))

        let malformed = directory.appendingPathComponent("malformed.json")
        try Data("{\"schema\": \"horizon.baseline\"".utf8).write(to: malformed)
        let error = try await HorizonExecutable.run(["check", "--baseline", malformed.path, worse.path])
        #expect(error.status == 2)
        #expect(error.standardError.contains(malformed.path))
    }
}
