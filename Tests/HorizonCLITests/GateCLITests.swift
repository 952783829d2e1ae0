import Foundation
import Horizon
import HorizonTestSupport
import Testing

/// `horizon baseline` and `horizon check` exit codes for the faults of issue 9: 0 pass, 1
/// regression, 2 input or I/O error (docs/ci.md), never 1 or 64 for an error of the user's.
@Suite("horizon baseline / check exit codes", .enabled(if: HorizonExecutable.isBuilt))
struct GateCLITests {
    /// A small valid analysis: BF 2.0 ± 0.05, one problem, `auto` resolved to `estimatorUsed`.
    private func analysis(estimatorUsed: String = "entropy") -> Analysis {
        var analysis = Analysis(horizonVersion: horizonVersion, label: "run",
                                settings: AnalysisSettings(profile: "deepseek-r1", problemSetDigest: "abc"))
        analysis.bf = BranchingFactorSummary(
            overall: 2.0, overallCI: ConfidenceInterval(lower: 1.95, upper: 2.05), estimatorUsed: estimatorUsed)
        analysis.problems = [ProblemAnalysis(problemID: "p1", samples: 4, bf: BranchingFactorSummary(overall: 2.0))]
        return analysis
    }

    /// A directory with `analysis.json` and the `baseline.json` made from it by the CLI.
    private func baselineAndAnalysis() async throws -> (directory: URL, baseline: String, analysis: String) {
        let directory = try SharedData.temporaryDirectory("cli-gate")
        let analysisURL = directory.appendingPathComponent("analysis.json")
        try analysis().write(to: analysisURL)
        let baseline = directory.appendingPathComponent("baseline.json").path
        let made = try await HorizonExecutable.run(["baseline", analysisURL.path, "--out", baseline])
        #expect(made.status == 0, "\(made.standardError)")
        return (directory, baseline, analysisURL.path)
    }

    @Test("a re-sample where auto chose another estimator passes with exit 0")
    func resampleWithAnotherAutoChoicePasses() async throws {
        let (directory, baseline, _) = try await baselineAndAnalysis()
        for choice in ["mixed", "nll"] {
            let again = directory.appendingPathComponent("again-\(choice).json")
            try analysis(estimatorUsed: choice).write(to: again)
            let outcome = try await HorizonExecutable.run(["check", "--baseline", baseline, again.path])
            #expect(outcome.status == 0, "\(choice): \(outcome.standardError)")
        }
    }

    @Test("an unwritable --junit, --markdown or --json path exits 2 and names the path",
          arguments: ["--junit", "--markdown", "--json"])
    func unwritableOutputExitsTwo(option: String) async throws {
        let (directory, baseline, analysis) = try await baselineAndAnalysis()
        for path in [directory.appendingPathComponent("no/such/dir/out").path, directory.path] {
            let outcome = try await HorizonExecutable.run(["check", "--baseline", baseline, analysis, option, path])
            #expect(outcome.status == 2, "\(option) \(path): \(outcome.standardError)")
            #expect(outcome.standardError.contains("\(path): cannot write"), "\(outcome.standardError)")
        }
    }

    @Test("check --out and its old name --json write the same result")
    func outAndJSONAreOneOption() async throws {
        let (directory, baseline, analysis) = try await baselineAndAnalysis()
        var written: [Data] = []
        for option in ["--out", "--json"] {
            let path = directory.appendingPathComponent("result\(option).json").path
            let outcome = try await HorizonExecutable.run(["check", "--baseline", baseline, analysis, option, path])
            #expect(outcome.status == 0, "\(option): \(outcome.standardError)")
            written.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(written[0] == written[1] && !written[0].isEmpty)
    }

    @Test("baseline into a missing folder exits 2 and names the path")
    func unwritableBaselineExitsTwo() async throws {
        let (directory, _, analysis) = try await baselineAndAnalysis()
        let out = directory.appendingPathComponent("no/such/dir/baseline.json").path
        let outcome = try await HorizonExecutable.run(["baseline", analysis, "--out", out])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("\(out): cannot write"), "\(outcome.standardError)")
    }

    @Test("an invalid threshold exits 2 and names the option",
          arguments: [("--max-bf-rise", "-5%"), ("--max-accuracy-drop", "abc"), ("--max-agreement-drop", "nan"),
                      ("--max-entropy-rise", "inf"), ("--max-maj-drop", "0x10")])
    func invalidThresholdExitsTwo(option: String, value: String) async throws {
        let (_, baseline, analysis) = try await baselineAndAnalysis()
        // `--option=value`: a value starting with `-` would otherwise read as an option.
        let outcome = try await HorizonExecutable.run(["check", "--baseline", baseline, analysis, "\(option)=\(value)"])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(option): invalid threshold '\(value)'"), "\(outcome.standardError)")
    }

    @Test("baseline and check refuse an invalid analysis with exit 2, naming the file and the JSON path")
    func invalidAnalysisExitsTwo() async throws {
        let (directory, baseline, _) = try await baselineAndAnalysis()
        var invalid = analysis()
        invalid.problems.append(invalid.problems[0])
        let url = directory.appendingPathComponent("duplicate.json")
        try invalid.write(to: url)
        let expected = "\(url.path): invalid analysis: problems[1].problem_id 'p1' appears more than once"
        let made = try await HorizonExecutable.run(["baseline", url.path, "--out", directory.appendingPathComponent("b.json").path])
        #expect(made.status == 2)
        #expect(made.standardError.contains(expected), "\(made.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("b.json").path))
        let checked = try await HorizonExecutable.run(["check", "--baseline", baseline, url.path])
        #expect(checked.status == 2)
        #expect(checked.standardError.contains(expected), "\(checked.standardError)")
    }
}
