import HorizonCommon
import HorizonGate
import HorizonStability
import Testing

/// Pass, regression and noise-only cases of `horizon check`, from analyses with known numbers.
@Suite struct GateCheckTests {
    typealias F = GateFixtures
    let baseline: Baseline

    init() throws {
        baseline = try Baseline.make(from: F.reference())
    }

    private func check(_ current: Analysis, _ options: GateOptions = GateOptions()) throws -> GateResult {
        try Gate.check(baseline: baseline, analysis: current, options: options)
    }

    @Test func anUnchangedRunPassesEveryMetric() throws {
        let result = try check(F.reference(label: "again"))
        #expect(result.verdict == .pass)
        #expect(result.exitCode == 0)
        #expect(result.metrics.map(\.id) == baseline.metrics.map(\.id))
        #expect(result.metrics.allSatisfy { $0.verdict == .pass && $0.change == 0 })
        #expect(result.summary == "pass: no regression in 7 metrics")
    }

    // BF 1.25 → 1.5 (+20%) with ±0.01 intervals: the difference interval is 0.25 ± √2·0.01,
    // far from 0, and 0.25 is beyond 10% of 1.25 (0.125).
    @Test(arguments: GateRule.allCases)
    func aClearBFRiseIsARegressionUnderEveryRule(rule: GateRule) throws {
        var current = F.reference()
        current.bf.overall = 1.5
        current.bf.overallCI = F.around(1.5, 0.01)
        let result = try check(current, GateOptions(rule: rule))
        let row = try #require(F.row("bf.overall", in: result))
        #expect(row.verdict == .regression)
        #expect(row.rule == rule)
        #expect(abs(row.change! - 0.25) < 1e-12)
        #expect(abs(row.relativeChange! - 0.20) < 1e-12)
        #expect(abs(row.allowedChange - 0.125) < 1e-12)
        #expect(row.beyondThreshold == true)
        #expect(row.intervalExcludesZero == true)
        let interval = try #require(row.differenceCI)
        #expect(abs(interval.lower - (0.25 - 0.01 * 2.0.squareRoot())) < 1e-12)
        #expect(result.verdict == .regression)
        #expect(result.exitCode == 1)
        #expect(result.metrics(.regression).map(\.id) == ["bf.overall"])
        #expect(result.summary == "regression: 1 of 7 metrics (bf.overall)")
        let decidedBy = ["threshold-only": "threshold", "interval-only": "interval", "both": "threshold + interval"]
        #expect(row.decidedBy == decidedBy[rule.rawValue])
    }

    // The same +20% with wide intervals, baseline 1.25 in [1.0, 1.5] and current 1.5 in [1.2, 1.8]:
    // the difference's lower end is 0.25 − √(0.3² + 0.25²) ≈ −0.14, so 0 is inside: noise.
    @Test func aBFRiseWithinNoisePassesUnderBothButNotUnderThresholdOnly() throws {
        var reference = F.reference()
        reference.bf.overallCI = ConfidenceInterval(lower: 1.0, upper: 1.5)
        let noisyBaseline = try Baseline.make(from: reference)
        var current = F.reference()
        current.bf.overall = 1.5
        current.bf.overallCI = ConfidenceInterval(lower: 1.2, upper: 1.8)

        let both = try Gate.check(baseline: noisyBaseline, analysis: current, options: GateOptions(rule: .both))
        let row = try #require(F.row("bf.overall", in: both))
        #expect(row.verdict == .pass)
        #expect(row.beyondThreshold == true)
        #expect(row.intervalExcludesZero == false)
        #expect(abs(row.differenceCI!.lower - (0.25 - (0.09 + 0.0625).squareRoot())) < 1e-12)
        #expect(row.decidedBy == "within noise")
        #expect(row.explanation.contains("within noise"))
        #expect(both.verdict == .pass)

        let thresholdOnly = try Gate.check(baseline: noisyBaseline, analysis: current, options: GateOptions(rule: .thresholdOnly))
        #expect(F.row("bf.overall", in: thresholdOnly)?.verdict == .regression)
        let intervalOnly = try Gate.check(baseline: noisyBaseline, analysis: current, options: GateOptions(rule: .intervalOnly))
        #expect(F.row("bf.overall", in: intervalOnly)?.verdict == .pass)
    }

    // Accuracy 0.80 → 0.79 with ±0.004 intervals: a clear but small drop (0.01 < 0.02).
    @Test func aSmallAccuracyDropPassesUnlessOnlyTheIntervalCounts() throws {
        var current = F.reference()
        current.accuracy = 0.79
        current.accuracyCI = F.around(0.79, 0.004)
        let both = try check(current)
        let row = try #require(F.row("accuracy", in: both))
        #expect(row.verdict == .pass)
        #expect(row.beyondThreshold == false)
        #expect(row.intervalExcludesZero == true)
        #expect(row.decidedBy == "within limit")
        #expect(both.verdict == .pass)

        let intervalOnly = try check(current, GateOptions(rule: .intervalOnly))
        #expect(F.row("accuracy", in: intervalOnly)?.verdict == .regression)
    }

    @Test func aDropExactlyAtTheLimitIsNotBeyondIt() throws {
        // 0.80 − 0.78 is 0.020000000000000018 in binary floating point; it must still count as 0.02.
        var current = F.reference()
        current.accuracy = 0.78
        current.accuracyCI = F.around(0.78, 0.001)
        let row = try #require(F.row("accuracy", in: try check(current)))
        #expect(row.beyondThreshold == false)
        #expect(row.verdict == .pass)

        current.accuracy = 0.779
        current.accuracyCI = F.around(0.779, 0.001)
        #expect(F.row("accuracy", in: try check(current))?.verdict == .regression)
    }

    @Test func aRelativeThresholdScalesWithTheBaseline() throws {
        // 10% of 1.25 allows 0.125: +0.12 passes, +0.13 does not.
        var current = F.reference()
        current.bf.overall = 1.37
        current.bf.overallCI = F.around(1.37, 0.001)
        #expect(F.row("bf.overall", in: try check(current))?.verdict == .pass)
        current.bf.overall = 1.38
        current.bf.overallCI = F.around(1.38, 0.001)
        #expect(F.row("bf.overall", in: try check(current))?.verdict == .regression)
    }

    @Test func aLooserThresholdForOneFamilyLetsItsChangePass() throws {
        var current = F.reference()
        current.bf.overall = 1.5
        current.bf.overallCI = F.around(1.5, 0.01)
        var options = GateOptions()
        options.thresholds.bfRise = try Threshold(parsing: "30%")
        let row = try #require(F.row("bf.overall", in: try check(current, options)))
        #expect(row.verdict == .pass)
        #expect(row.threshold == .relative(0.3))
        #expect(row.thresholdOption == "--max-bf-rise")
    }

    @Test func aChangeInTheBetterDirectionIsAnImprovementNotARegression() throws {
        var current = F.reference()
        current.bf.thinking = 1.12          // −20%
        current.bf.thinkingCI = F.around(1.12, 0.01)
        current.agreement = 0.80            // +0.10
        current.agreementCI = F.around(0.80, 0.01)
        let result = try check(current)
        #expect(F.row("bf.thinking", in: result)?.verdict == .improved)
        #expect(F.row("agreement", in: result)?.verdict == .improved)
        #expect(result.verdict == .pass)
        #expect(result.exitCode == 0)
    }

    /// Each family's worse direction: BF and answer entropy rising, accuracy, agreement and maj@k
    /// falling.
    @Test func eachFamilyRegressesInItsOwnDirection() throws {
        var worse = F.reference()
        worse.bf.answer = 1.5
        worse.bf.answerCI = F.around(1.5, 0.01)
        worse.agreement = 0.5
        worse.agreementCI = F.around(0.5, 0.01)
        worse.answers?.answerEntropy = 0.9
        worse.answers?.answerEntropyCI = F.around(0.9, 0.02)
        worse.answers?.majAtK = [MetricAtK(k: 4, value: 0.7, ci: F.around(0.7, 0.01))]
        worse.accuracy = 0.7
        worse.accuracyCI = F.around(0.7, 0.004)
        let result = try check(worse)
        #expect(Set(result.metrics(.regression).map(\.id)) == ["bf.answer", "agreement", "answer_entropy", "maj@4", "accuracy"])

        var better = F.reference()
        better.bf.thinking = 1.12          // −20%; BF cannot fall below 1, so the answer span's 1.10 has no room
        better.bf.thinkingCI = F.around(1.12, 0.01)
        better.answers?.answerEntropy = 0.1
        better.answers?.answerEntropyCI = F.around(0.1, 0.02)
        better.accuracy = 0.9
        better.accuracyCI = F.around(0.9, 0.004)
        let improved = try check(better)
        #expect(Set(improved.metrics(.improved).map(\.id)) == ["bf.thinking", "answer_entropy", "accuracy"])
        #expect(improved.metrics(.regression).isEmpty)
    }

    @Test(arguments: GateRule.allCases)
    func withoutAnIntervalTheThresholdAloneDecides(rule: GateRule) throws {
        var current = F.reference()
        current.bf.overall = 1.5
        current.bf.overallCI = nil
        let row = try #require(F.row("bf.overall", in: try check(current, GateOptions(rule: rule))))
        #expect(row.rule == .thresholdOnly)
        #expect(row.differenceCI == nil)
        #expect(row.intervalExcludesZero == nil)
        #expect(row.verdict == .regression)
        #expect(row.decidedBy == "threshold (no interval)")
        if rule != .thresholdOnly { #expect(row.explanation.contains("threshold alone decides")) }
    }

    @Test func explanationsSayWhatMovedByHowMuchAndWhy() throws {
        var current = F.reference()
        current.bf.overall = 1.5
        current.bf.overallCI = F.around(1.5, 0.01)
        let row = try #require(F.row("bf.overall", in: try check(current)))
        #expect(row.explanation.hasPrefix("rose 0.250 (+20.0%): beyond the 10% limit (--max-bf-rise), and the difference interval ["))
        #expect(row.explanation.hasSuffix("] excludes 0"))
    }

    @Test func aNegativeTopIsAnOptionError() {
        let error = #expect(throws: GateError.self) {
            try Gate.check(baseline: baseline, analysis: F.reference(), options: GateOptions(top: -1))
        }
        #expect(error?.reason == .invalidOption("--top must be 0 or more, got -1"))
    }
}
