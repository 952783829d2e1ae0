import HorizonGate
import HorizonStability

/// Analyses with round, hand-checkable numbers. Every test starts from ``reference()`` and moves
/// the numbers it is about.
enum GateFixtures {
    /// `[value − halfWidth, value + halfWidth]`.
    static func around(_ value: Double, _ halfWidth: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: value - halfWidth, upper: value + halfWidth)
    }

    /// A reference run: BF 1.25 / 1.40 / 1.10 (overall / thinking / answer), accuracy 0.80,
    /// agreement 0.70, answer entropy 0.50 nats, maj@4 0.82, all with tight intervals, and three
    /// problems p1…p3.
    static func reference(label: String = "reference") -> Analysis {
        var analysis = Analysis(
            horizonVersion: "0.1.0", label: label, model: "test-model",
            settings: AnalysisSettings(problemSetDigest: "digest-1"))
        analysis.bf = BranchingFactorSummary(
            overall: 1.25, overallCI: around(1.25, 0.01), thinking: 1.40, thinkingCI: around(1.40, 0.01),
            answer: 1.10, answerCI: around(1.10, 0.01), estimatorUsed: "entropy")
        analysis.accuracy = 0.80
        analysis.accuracyCI = around(0.80, 0.004)
        analysis.agreement = 0.70
        analysis.agreementCI = around(0.70, 0.01)
        var answers = AnswerSummary()
        answers.answerEntropy = 0.50
        answers.answerEntropyCI = around(0.50, 0.02)
        answers.majAtK = [MetricAtK(k: 4, value: 0.82, ci: around(0.82, 0.01))]
        analysis.answers = answers
        analysis.problems = [
            problem("p1", bf: 1.2, agreement: 0.9),
            problem("p2", bf: 1.3, agreement: 0.6),
            problem("p3", bf: 1.25, agreement: 0.6),
        ]
        return analysis
    }

    static func problem(_ id: String, bf: Double?, agreement: Double?) -> ProblemAnalysis {
        ProblemAnalysis(problemID: id, samples: 8, bf: BranchingFactorSummary(overall: bf), agreement: agreement)
    }

    /// The row of `id` in a result (fails the test by crashing only if the fixture is wrong).
    static func row(_ id: String, in result: GateResult) -> MetricComparison? {
        result.metrics.first { $0.id == id }
    }
}
