import HorizonGate
import HorizonStability
import Testing

@Suite struct GateMetricTests {
    typealias F = GateFixtures

    @Test func collectsTheNonNullMetricsInAFixedOrder() throws {
        let metrics = try GateMetric.all(in: F.reference())
        #expect(metrics.map(\.id) == ["bf.overall", "bf.thinking", "bf.answer", "accuracy", "agreement", "answer_entropy", "maj@4"])
        #expect(metrics.map(\.family) == [.bf, .bf, .bf, .accuracy, .agreement, .answerEntropy, .maj])
        #expect(metrics[0].value == 1.25 && metrics[0].ci == F.around(1.25, 0.01))
        #expect(metrics[6].value == 0.82)
    }

    @Test func majAtKIsOrderedByK() throws {
        var analysis = F.reference()
        analysis.answers?.majAtK = [MetricAtK(k: 16, value: 0.9), MetricAtK(k: 1, value: 0.7), MetricAtK(k: 4, value: 0.8)]
        let ids = try GateMetric.all(in: analysis).map(\.id).filter { $0.hasPrefix("maj@") }
        #expect(ids == ["maj@1", "maj@4", "maj@16"])
    }

    @Test func probeResultsBecomeMetricsOfTheirQuantitysFamily() throws {
        var analysis = F.reference()
        analysis.probes = ProbeSummary(
            truncation: [
                TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 120, samples: 24, problems: 3,
                                agreement: 0.6, agreementCI: F.around(0.6, 0.05), accuracy: 0.7, answerBF: 1.3),
                TruncationPoint(length: 256, lengthUnit: "tokens", keptTokens: 256, samples: 24, problems: 3,
                                answerBF: 1.2),
            ],
            resample: [ResamplePoint(position: 25, samples: 24, problems: 3, bf: 1.29, bfCI: F.around(1.29, 0.02),
                                     majAccuracy: 0.75, agreement: 0.8)])
        let probes = try GateMetric.all(in: analysis).filter { $0.id.hasPrefix("truncation") || $0.id.hasPrefix("resample") }
        #expect(probes.map(\.id) == [
            "truncation@50%.agreement", "truncation@50%.accuracy", "truncation@50%.answer_bf",
            "truncation@256tokens.answer_bf",
            "resample@25.bf", "resample@25.maj_accuracy", "resample@25.agreement",
        ])
        #expect(probes.map(\.family) == [.agreement, .accuracy, .bf, .bf, .bf, .maj, .agreement])
        #expect(probes[0].ci == F.around(0.6, 0.05))
        #expect(probes[0].label == "Thinking cut at 50% of its length: agreement")
        #expect(probes[3].label == "Thinking cut at 256 tokens: answer BF")
    }

    @Test func twoProbePointsOfOneLengthAreAnAnalysisError() {
        var analysis = F.reference()
        let point = TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 1, samples: 1, problems: 1, agreement: 0.5)
        analysis.probes = ProbeSummary(truncation: [point, point])
        let error = #expect(throws: GateError.self) { try GateMetric.all(in: analysis) }
        #expect(error?.reason == .invalidAnalysis("the analysis holds more than one value for truncation@50%.agreement"))
    }

    @Test func anAnalysisWithoutLogProbsOrAnswersHoldsNothing() throws {
        let empty = Analysis(horizonVersion: "0.1.0", label: "empty", settings: AnalysisSettings())
        #expect(try GateMetric.all(in: empty).isEmpty)
        let error = #expect(throws: GateError.self) { try Baseline.make(from: empty) }
        #expect(error?.reason == .nothingToHold)
    }

    @Test(arguments: MetricFamily.allCases)
    func familiesKnowTheirWorseDirectionAndOption(family: MetricFamily) {
        let expected: [MetricFamily: (ChangeDirection, String)] = [
            .bf: (.rise, "--max-bf-rise"), .accuracy: (.drop, "--max-accuracy-drop"),
            .agreement: (.drop, "--max-agreement-drop"), .answerEntropy: (.rise, "--max-entropy-rise"),
            .maj: (.drop, "--max-maj-drop"),
        ]
        #expect(family.worseWhen == expected[family]?.0)
        #expect(family.thresholdOption == expected[family]?.1)
    }

    @Test func worseningIsPositiveInTheWorseDirection() {
        #expect(ChangeDirection.rise.worsening(0.3) == 0.3)
        #expect(ChangeDirection.drop.worsening(0.3) == -0.3)
        #expect(ChangeDirection.drop.worsening(-0.3) == 0.3)
    }
}
