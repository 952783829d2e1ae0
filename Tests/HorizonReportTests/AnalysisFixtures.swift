import HorizonStability

/// Hand-built analyses with round numbers, so every figure a report prints can be checked by
/// hand: a base model and a sharpened one (log-probs, gold answers, probes), a run without
/// log-probs, a run without gold answers, and one whose model text is hostile Markdown/HTML.
enum AnalysisFixtures {
    static let digest = "5f0c3a1e9b7d2c4a6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d"

    /// A BF-over-position curve: point i at position `i × step` with value `values[i]`.
    static func curve(_ values: [Double], step: Int, samples: Int = 10, problems: Int = 4) -> [CurvePoint] {
        values.enumerated().map { CurvePoint(position: $0.offset * step, bf: $0.element, samples: samples, problems: problems) }
    }

    static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower, upper: upper)
    }

    /// The unsharpened model: wide branching, lower accuracy.
    static func base() -> Analysis {
        var counts = AnalysisCounts()
        counts.lines = 40
        counts.traces = 40
        counts.problems = 4
        counts.tracesWithLogProbs = 40
        counts.tokens = 20_000
        counts.truncated = 2
        counts.lowCoverageTokens = 60
        counts.sampledNotInTop = 3
        var answers = AnswerSummary()
        answers.answerEntropy = 0.693
        answers.answerEntropyCI = interval(0.5, 0.9)
        answers.majAtK = [MetricAtK(k: 1, value: 0.6, ci: interval(0.45, 0.75)), MetricAtK(k: 4, value: 0.65), MetricAtK(k: 8, value: 0.7)]
        answers.passAtK = [MetricAtK(k: 1, value: 0.6), MetricAtK(k: 4, value: 0.85)]
        answers.gPassAtK = [MetricAtK(k: 4, value: 0.55)]
        answers.mGPassAtK = [MetricAtK(k: 4, value: 0.4)]
        answers.majVariability = [
            MetricAtK(k: 1, value: 27.1), MetricAtK(k: 3, value: 20.9), MetricAtK(k: 8, value: 13.9), MetricAtK(k: 16, value: 9.1),
        ]
        answers.gradedProblems = 4
        answers.unextracted = 1
        answers.tieRule = "lowest sample index wins"
        return Analysis(
            horizonVersion: "0.1.0", label: "base", model: "toy-base-1b",
            inputs: [AnalysisInput(path: "traces/base.jsonl", bytes: 123_456)],
            settings: AnalysisSettings(problemSetDigest: digest), counts: counts,
            bf: BranchingFactorSummary(
                overall: 2.34, overallCI: interval(2.10, 2.60), thinking: 2.52, thinkingCI: interval(2.30, 2.75),
                answer: 1.155, answerCI: interval(1.10, 1.21), estimatorUsed: "nll", first: 2.53, firstCI: interval(2.40, 2.70)
            ),
            lengths: SpanLengths(unit: "tokens", overall: 500, thinking: 460, answer: 40),
            missingMass: PerSegment<MissingMass?>(
                overall: MissingMass(mean: 0.02, max: 0.15), thinking: MissingMass(mean: 0.021, max: 0.15), answer: MissingMass(mean: 0.01, max: 0.05)
            ),
            accuracy: 0.6, accuracyCI: interval(0.45, 0.75), agreement: 0.7, agreementCI: interval(0.6, 0.8),
            answers: answers,
            lengthVsStability: LengthVsStability(
                unit: "tokens",
                bins: [
                    LengthBin(lowerLength: 100, upperLength: 300, samples: 10, accuracy: 0.8, agreement: 0.9, answerBF: 1.1),
                    LengthBin(lowerLength: 300, upperLength: 500, samples: 10, accuracy: 0.6, agreement: 0.7, answerBF: 1.15),
                    LengthBin(lowerLength: 500, upperLength: 700, samples: 10, accuracy: 0.5, agreement: 0.6, answerBF: 1.2),
                    LengthBin(lowerLength: 700, upperLength: 900, samples: 10, accuracy: 0.5, agreement: 0.6, answerBF: 1.2),
                ],
                correctness: RankCorrelation(rho: -0.42, ci: interval(-0.6, -0.2), samples: 40),
                agreement: RankCorrelation(rho: -0.35, ci: interval(-0.55, -0.1), samples: 40),
                answerBF: RankCorrelation(rho: 0.3, ci: interval(0.05, 0.5), samples: 40)
            ),
            curves: Curves(
                window: 5,
                windowed: PerSegment<[CurvePoint]>(
                    overall: curve([12, 9, 7, 5.5, 4.5, 3.8, 3.2, 2.8, 2.5, 2.3], step: 5),
                    thinking: curve([10, 7.5, 6, 5, 4, 3.4, 3, 2.6], step: 5),
                    answer: curve([1.3, 1.1], step: 5)
                ),
                cumulative: PerSegment<[CurvePoint]>(
                    overall: curve([12, 10, 8.5, 7.4, 6.6, 6, 5.5, 5.1, 4.8, 4.5], step: 1),
                    thinking: curve([10, 8.6, 7.7, 7, 6.4], step: 1),
                    answer: curve([1.3, 1.2, 1.16], step: 1)
                )
            ),
            probes: ProbeSummary(
                truncation: [
                    TruncationPoint(length: 0.25, lengthUnit: "fraction", keptTokens: 115, samples: 40, problems: 4,
                                    agreement: 0.5, agreementCI: interval(0.4, 0.6), accuracy: 0.4, accuracyCI: interval(0.3, 0.5),
                                    answerBF: 1.4, answerBFCI: interval(1.3, 1.5), tokensSpent: 35),
                    TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 230, samples: 40, problems: 4,
                                    agreement: 0.6, agreementCI: interval(0.5, 0.7), accuracy: 0.5, accuracyCI: interval(0.4, 0.6),
                                    answerBF: 1.3, answerBFCI: interval(1.2, 1.4), tokensSpent: 38),
                    TruncationPoint(length: 1.0, lengthUnit: "fraction", keptTokens: 460, samples: 40, problems: 4,
                                    agreement: 0.7, agreementCI: interval(0.6, 0.8), accuracy: 0.6, accuracyCI: interval(0.45, 0.75),
                                    answerBF: 1.155, answerBFCI: interval(1.1, 1.21), tokensSpent: 40),
                ],
                resample: [
                    ResamplePoint(position: 1, samples: 40, problems: 4, bf: 2.53, bfCI: interval(2.4, 2.7), majAccuracy: 0.6, agreement: 0.7),
                    ResamplePoint(position: 25, samples: 40, problems: 4, bf: 1.8, majAccuracy: 0.62, agreement: 0.72),
                    ResamplePoint(position: 200, samples: 40, problems: 4, bf: 1.5, majAccuracy: 0.64, agreement: 0.75),
                ]
            ),
            problems: [
                ProblemAnalysis(problemID: "algebra-1", samples: 10, samplesWithLogProbs: 10,
                                bf: BranchingFactorSummary(overall: 1.5, thinking: 1.6, answer: 1.05),
                                lengths: SpanLengths(overall: 300, thinking: 280, answer: 20), gold: "42", accuracy: 1.0, agreement: 1.0,
                                answerEntropy: 0, majorityAnswer: "42",
                                clusters: [ClusterSummary(answer: "42", count: 10, sampleIndices: Array(0..<10), correct: true)]),
                ProblemAnalysis(problemID: "geometry-2", samples: 10, samplesWithLogProbs: 10,
                                bf: BranchingFactorSummary(overall: 2.0, thinking: 2.2, answer: 1.1),
                                lengths: SpanLengths(overall: 450, thinking: 410, answer: 40), gold: "\\frac{1}{2}", accuracy: 0.8, agreement: 0.8,
                                answerEntropy: 0.5, majorityAnswer: "\\frac{1}{2}",
                                clusters: [
                                    ClusterSummary(answer: "\\frac{1}{2}", count: 8, sampleIndices: Array(0..<8), correct: true),
                                    ClusterSummary(answer: "0.4", count: 2, sampleIndices: [8, 9], correct: false),
                                ]),
                ProblemAnalysis(problemID: "number-theory-3", samples: 10, samplesWithLogProbs: 10,
                                bf: BranchingFactorSummary(overall: 2.9, thinking: 3.1, answer: 1.2),
                                lengths: SpanLengths(overall: 600, thinking: 560, answer: 40), truncated: 1, gold: "7", accuracy: 0.3, agreement: 0.5,
                                answerEntropy: 0.9, majorityAnswer: "5",
                                clusters: [
                                    ClusterSummary(answer: "5", count: 5, sampleIndices: [0, 1, 2, 3, 4], correct: false),
                                    ClusterSummary(answer: "7", count: 3, sampleIndices: [5, 6, 7], correct: true),
                                    ClusterSummary(answer: nil, count: 2, sampleIndices: [8, 9]),
                                ]),
                ProblemAnalysis(problemID: "counting-4", samples: 10, samplesWithLogProbs: 10,
                                bf: BranchingFactorSummary(overall: 2.96, thinking: 3.2, answer: 1.25),
                                lengths: SpanLengths(overall: 650, thinking: 590, answer: 60), truncated: 1, gold: "12", accuracy: 0.3, agreement: 0.5,
                                answerEntropy: 1.0, majorityAnswer: "12",
                                clusters: [
                                    ClusterSummary(answer: "12", count: 5, sampleIndices: [0, 1, 2, 3, 4], correct: true),
                                    ClusterSummary(answer: "10", count: 2, sampleIndices: [5, 6], correct: false),
                                    ClusterSummary(answer: "11", count: 2, sampleIndices: [7, 8], correct: false),
                                    ClusterSummary(answer: "9", count: 1, sampleIndices: [9], correct: false),
                                ]),
            ],
            warnings: [
                AnalysisWarning(kind: "truncated_thinking", message: "2 traces never closed their thinking; their answer span is empty"),
                AnalysisWarning(kind: "low_coverage", message: "60 tokens had top-k mass below top_p"),
            ]
        )
    }

    /// The sharpened model: the same problems, much narrower branching, higher accuracy.
    static func sharpened() -> Analysis {
        var analysis = base()
        analysis.label = "sharpened"
        analysis.model = "toy-sharpened-1b"
        analysis.inputs = [AnalysisInput(path: "traces/sharpened.jsonl", bytes: 98_765)]
        analysis.bf = BranchingFactorSummary(
            overall: 1.3, overallCI: interval(1.25, 1.36), thinking: 1.2, thinkingCI: interval(1.15, 1.26),
            answer: 1.05, answerCI: interval(1.0, 1.12), estimatorUsed: "nll", first: 1.77, firstCI: interval(1.6, 1.9)
        )
        analysis.accuracy = 0.8
        analysis.accuracyCI = interval(0.7, 0.9)
        analysis.agreement = 0.9
        analysis.agreementCI = interval(0.85, 0.95)
        analysis.curves = Curves(
            window: 5,
            windowed: PerSegment<[CurvePoint]>(
                overall: curve([1.6, 1.5, 1.4, 1.35, 1.3, 1.25, 1.2, 1.2, 1.15, 1.1], step: 5),
                thinking: curve([1.5, 1.4, 1.35, 1.3, 1.25, 1.2, 1.2, 1.15], step: 5),
                answer: curve([1.1, 1.02], step: 5)
            ),
            cumulative: PerSegment<[CurvePoint]>(
                overall: curve([1.6, 1.55, 1.5, 1.46, 1.43, 1.4, 1.38, 1.36, 1.34, 1.32], step: 1),
                thinking: curve([1.5, 1.45, 1.41, 1.38, 1.36], step: 1),
                answer: curve([1.1, 1.06, 1.05], step: 1)
            )
        )
        analysis.probes = ProbeSummary(
            truncation: [
                TruncationPoint(length: 0.25, lengthUnit: "fraction", keptTokens: 115, samples: 40, problems: 4,
                                agreement: 0.8, agreementCI: interval(0.75, 0.85), accuracy: 0.7, accuracyCI: interval(0.6, 0.8),
                                answerBF: 1.1, answerBFCI: interval(1.05, 1.15), tokensSpent: 30),
                TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 230, samples: 40, problems: 4,
                                agreement: 0.85, agreementCI: interval(0.8, 0.9), accuracy: 0.75, accuracyCI: interval(0.65, 0.85),
                                answerBF: 1.07, answerBFCI: interval(1.03, 1.11), tokensSpent: 32),
                TruncationPoint(length: 1.0, lengthUnit: "fraction", keptTokens: 460, samples: 40, problems: 4,
                                agreement: 0.9, agreementCI: interval(0.85, 0.95), accuracy: 0.8, accuracyCI: interval(0.7, 0.9),
                                answerBF: 1.05, answerBFCI: interval(1.0, 1.12), tokensSpent: 33),
            ],
            resample: [
                ResamplePoint(position: 1, samples: 40, problems: 4, bf: 1.77, bfCI: interval(1.6, 1.9), majAccuracy: 0.8, agreement: 0.9),
                ResamplePoint(position: 25, samples: 40, problems: 4, bf: 1.29, majAccuracy: 0.8, agreement: 0.9),
                ResamplePoint(position: 200, samples: 40, problems: 4, bf: 1.24, majAccuracy: 0.82, agreement: 0.92),
            ]
        )
        analysis.lengthVsStability = LengthVsStability(
            unit: "tokens",
            bins: [
                LengthBin(lowerLength: 80, upperLength: 200, samples: 10, accuracy: 0.85, agreement: 0.95, answerBF: 1.03),
                LengthBin(lowerLength: 200, upperLength: 300, samples: 10, accuracy: 0.8, agreement: 0.9, answerBF: 1.05),
                LengthBin(lowerLength: 300, upperLength: 420, samples: 10, accuracy: 0.78, agreement: 0.88, answerBF: 1.06),
                LengthBin(lowerLength: 420, upperLength: 600, samples: 10, accuracy: 0.75, agreement: 0.85, answerBF: 1.08),
            ],
            correctness: RankCorrelation(rho: -0.15, ci: interval(-0.4, 0.1), samples: 40),
            agreement: RankCorrelation(rho: -0.2, ci: interval(-0.45, 0.05), samples: 40),
            answerBF: RankCorrelation(rho: 0.1, ci: interval(-0.15, 0.35), samples: 40)
        )
        for (index, bf) in [1.1, 1.2, 1.4, 1.45].enumerated() {
            analysis.problems[index].bf = BranchingFactorSummary(overall: bf, thinking: bf + 0.05, answer: 1.02)
        }
        analysis.warnings = []
        return analysis
    }

    /// A run through an API without log-probs: every BF and curve is absent, lengths are in
    /// characters; answers and gold answers are there.
    static func noLogProbs() -> Analysis {
        var analysis = base()
        analysis.label = "api-model"
        analysis.counts.tracesWithLogProbs = 0
        analysis.counts.tokens = 0
        analysis.counts.lowCoverageTokens = 0
        analysis.bf = BranchingFactorSummary()
        analysis.lengths = SpanLengths(unit: "characters", overall: 2000, thinking: 1800, answer: 200)
        analysis.missingMass = PerSegment()
        analysis.curves = Curves()
        analysis.probes = nil
        analysis.lengthVsStability?.answerBF = nil
        for index in analysis.problems.indices {
            analysis.problems[index].bf = BranchingFactorSummary()
            analysis.problems[index].samplesWithLogProbs = 0
        }
        analysis.warnings = [AnalysisWarning(kind: "no_logprobs", message: "no trace has log-probs; Branching Factor is not available")]
        return analysis
    }

    /// A run on problems without gold answers: accuracy, maj@k, pass@k and answer variability
    /// are absent; agreement and BF are there. No probes, no length analysis.
    static func noGold() -> Analysis {
        var analysis = base()
        analysis.label = "no-gold"
        analysis.accuracy = nil
        analysis.accuracyCI = nil
        var answers = AnswerSummary()
        answers.answerEntropy = 0.693
        answers.unextracted = 1
        analysis.answers = answers
        analysis.lengthVsStability = nil
        analysis.probes = nil
        for index in analysis.problems.indices {
            analysis.problems[index].gold = nil
            analysis.problems[index].accuracy = nil
            for cluster in analysis.problems[index].clusters.indices {
                analysis.problems[index].clusters[cluster].correct = nil
            }
        }
        return analysis
    }

    /// Model text that would break a Markdown table or inject HTML if printed raw.
    static let hostileID = "p|1 `x` <script>alert(1)</script>\n```"
    static let hostileAnswer = "$x$ | *y*\n<img src=x onerror=alert(1)>"
    static let hostileGold = "```\n<b>bold</b> & [link](http://evil)"

    /// One problem whose id, answers and gold are hostile, plus a hostile label and model name.
    static func hostile() -> Analysis {
        var analysis = base()
        analysis.label = "evil|<label>"
        analysis.model = "m<script>"
        analysis.problems = [
            ProblemAnalysis(problemID: hostileID, samples: 4, samplesWithLogProbs: 4,
                            bf: BranchingFactorSummary(overall: 1.7), gold: hostileGold, accuracy: 0, agreement: 0.5,
                            answerEntropy: 0.69, majorityAnswer: hostileAnswer,
                            clusters: [
                                ClusterSummary(answer: hostileAnswer, count: 2, sampleIndices: [0, 1], correct: false),
                                ClusterSummary(answer: "|", count: 2, sampleIndices: [2, 3], correct: false),
                            ]),
        ]
        analysis.warnings = [AnalysisWarning(kind: "invalid_lines", message: "line 3: <unexpected> `token`")]
        analysis.counts.invalidLines = 1
        analysis.invalid = [InvalidLine(file: "traces/<evil>.jsonl", line: 3, message: "expected '}' | got `]`")]
        return analysis
    }
}
