import HorizonCommon
import HorizonGate
import HorizonStability
import Testing

/// A metric the baseline holds but the analysis lacks is an input error (exit 2) unless
/// `--allow-missing`, which reports it as a skipped row.
@Suite struct MissingMetricsTests {
    typealias F = GateFixtures

    private func withoutGold() -> Analysis {
        var current = F.reference()
        current.accuracy = nil
        current.accuracyCI = nil
        current.answers?.majAtK = []
        return current
    }

    @Test func missingMetricsAreAnErrorNamingThem() throws {
        let baseline = try Baseline.make(from: F.reference())
        let error = #expect(throws: GateError.self) { try Gate.check(baseline: baseline, analysis: withoutGold()) }
        #expect(error?.reason == .missingMetrics(["accuracy", "maj@4"]))
        #expect(error?.exitCode == 2)
        #expect(error?.description.contains("--allow-missing") == true)
    }

    @Test func withTheFlagTheyAreSkippedRowsAndDoNotFailTheCheck() throws {
        let baseline = try Baseline.make(from: F.reference())
        let result = try Gate.check(baseline: baseline, analysis: withoutGold(), options: GateOptions(allowMissing: true))
        #expect(result.metrics(.skipped).map(\.id) == ["accuracy", "maj@4"])
        let row = try #require(F.row("accuracy", in: result))
        #expect(row.current == nil && row.change == nil && row.beyondThreshold == nil)
        #expect(row.explanation == "missing from the current analysis")
        #expect(result.verdict == .pass)
        #expect(result.summary == "pass: no regression in 5 metrics, 2 skipped")
    }

    @Test func aSkippedMetricDoesNotHideARegressionElsewhere() throws {
        let baseline = try Baseline.make(from: F.reference())
        var current = withoutGold()
        current.agreement = 0.5
        current.agreementCI = F.around(0.5, 0.01)
        let result = try Gate.check(baseline: baseline, analysis: current, options: GateOptions(allowMissing: true))
        #expect(result.verdict == .regression)
        #expect(result.summary == "regression: 1 of 5 metrics (agreement), 2 skipped")
    }

    @Test func metricsOnlyTheAnalysisHasAreListedButNotJudged() throws {
        var reference = F.reference()
        reference.bf.answer = nil
        reference.bf.answerCI = nil
        let baseline = try Baseline.make(from: reference)
        var current = F.reference()
        current.bf.answer = 9.0        // would be a regression if it were held
        let result = try Gate.check(baseline: baseline, analysis: current)
        #expect(result.newMetrics == ["bf.answer"])
        #expect(F.row("bf.answer", in: result) == nil)
        #expect(result.verdict == .pass)
    }
}
