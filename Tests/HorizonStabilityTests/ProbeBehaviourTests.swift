import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonStability
import HorizonTraces
import Testing

/// Tokens to first correct and the consistency stop rule on probe sets laid out by hand.
///
/// The set (one forced answer per cut, 2 tokens each; `—` is no answer):
///
/// | trace | gold | thinking | kept: answer | own answer |
/// |---|---|---|---|---|
/// | p#0 | 3 | 100 | 0: 5, 25: 3, 50: 3, 75: 3, 100: 3 | 3 (right) |
/// | p#1 | 3 | 200 | 0: —, 50: 4, 100: 4, 150: 3, 200: 3 | 3 (right) |
/// | q#0 | 7 | 40 | 0: 7, 10: 7, 20: 7, 30: 7, 40: 2 | 2 (wrong) |
@Suite("probe behaviour")
struct ProbeBehaviourTests {
    static func record(
        problem: String, sample: Int, gold: String?, kept: Int, thinking: Int?, answer: String?,
        length: Double? = nil, unit: String = "tokens", index: Int = 0, spent: Int = 2
    ) -> ProbeRecord {
        ProbeRecord(
            kind: .truncation(length: length ?? Double(kept), unit: unit), problemID: problem, sampleIndex: sample,
            index: index, gold: gold, keptTokens: kept, thinkingTokens: thinking,
            answer: answer.map { ExtractedAnswer(text: $0, rule: .boxed) }, measures: nil, tokensSpent: spent)
    }

    static func chain(_ problem: String, _ sample: Int, gold: String?, thinking: Int?, _ cuts: [(Int, String?)]) -> [ProbeRecord] {
        cuts.map { record(problem: problem, sample: sample, gold: gold, kept: $0.0, thinking: thinking, answer: $0.1) }
    }

    static func records(gold: Bool = true) -> [ProbeRecord] {
        chain("p", 0, gold: gold ? "3" : nil, thinking: 100, [(0, "5"), (25, "3"), (50, "3"), (75, "3"), (100, "3")])
            + chain("p", 1, gold: gold ? "3" : nil, thinking: 200, [(0, nil), (50, "4"), (100, "4"), (150, "3"), (200, "3")])
            + chain("q", 0, gold: gold ? "7" : nil, thinking: 40, [(0, "7"), (10, "7"), (20, "7"), (30, "7"), (40, "2")])
    }

    static let own: [String: ChainAnswer] = [
        ChainAnswer.key(problemID: "p", sampleIndex: 0): ChainAnswer(answer: ExtractedAnswer(text: "3", rule: .wholeText), correct: true),
        ChainAnswer.key(problemID: "p", sampleIndex: 1): ChainAnswer(answer: ExtractedAnswer(text: "3", rule: .wholeText), correct: true),
        ChainAnswer.key(problemID: "q", sampleIndex: 0): ChainAnswer(answer: ExtractedAnswer(text: "2", rule: .wholeText), correct: false),
    ]

    static let options = AnalysisOptions(bootstrapResamples: 200)

    @Test("tokens to first correct: p#0 at 25 of 100, p#1 at 150 of 200, q#0 never (its last probe is wrong)")
    func firstCorrect() throws {
        let summary = try #require(ProbeBehaviour.firstCorrect(Self.records(), options: Self.options))
        #expect(summary.samples == 3 && summary.problems == 2)
        #expect(summary.reached == 2 && summary.never == 1)
        // Per problem: p reaches 2/2, q 0/1 → (1 + 0)/2.
        #expect(summary.reachedShare == 0.5)
        // Only p has traces that get there: (25 + 150)/2 tokens, (0.25 + 0.75)/2 of the thinking.
        #expect(summary.tokens == 87.5)
        #expect(summary.efficiency == 0.5)
        #expect(summary.thinkingTokens == 150)
        // One problem with values: the interval is over its two traces, around the estimate.
        let tokens = try #require(summary.tokensCI)
        #expect(tokens.lower >= 25 && tokens.upper <= 150 && tokens.contains(87.5))
    }

    @Test("no gold answers: no tokens to first correct")
    func firstCorrectNeedsGold() {
        #expect(ProbeBehaviour.firstCorrect(Self.records(gold: false), options: Self.options) == nil)
    }

    struct Expected: Sendable {
        var k: Int
        var stopped: Int
        var accuracyStopped: Double
        var agreement: Double
        var saved: Double
        var probeShare: Double
    }

    /// Stops: K = 2 at p#0 50 (3), p#1 100 (4, wrong), q#0 10 (7, right against its own 2);
    /// K = 3 at p#0 75, q#0 20, p#1 never (runs of 2 only); K = 4 at p#0 100, q#0 30;
    /// K = 5 nowhere. p#0's stop at 100 for K = 4 is its whole thinking: not an early stop.
    /// Σ thinking = 340; a probe costs 2 tokens.
    static let expected: [Expected] = [
        Expected(k: 2, stopped: 3, accuracyStopped: (0.5 + 1) / 2, agreement: (0.5 + 0) / 2,
                 saved: 1 - (50 + 100 + 10) / 340.0, probeShare: 2 * (3 + 3 + 2) / 340.0),
        Expected(k: 3, stopped: 2, accuracyStopped: 1, agreement: (1 + 0) / 2,
                 saved: 1 - (75 + 200 + 20) / 340.0, probeShare: 2 * (4 + 5 + 3) / 340.0),
        Expected(k: 4, stopped: 1, accuracyStopped: 1, agreement: (1 + 0) / 2,
                 saved: 1 - (100 + 200 + 30) / 340.0, probeShare: 2 * (5 + 5 + 4) / 340.0),
        Expected(k: 5, stopped: 0, accuracyStopped: 0.5, agreement: 1, saved: 0, probeShare: 2 * 15 / 340.0),
    ]

    @Test("consistency stop rule: accuracy kept, agreement with the own answer, thinking saved, K = 2…5", arguments: expected)
    func consistencyStop(_ expected: Expected) throws {
        let summary = try #require(ProbeBehaviour.consistencyStop(Self.records(), chainAnswers: Self.own, k: 3, options: Self.options))
        #expect(summary.k == 3 && summary.rows.map(\.k) == [2, 3, 4, 5])
        #expect(summary.chosen?.k == 3)
        let row = try #require(summary.rows.first { $0.k == expected.k })
        #expect(row.samples == 3 && row.problems == 2)
        #expect(row.stopped == expected.stopped)
        // Own answers: p 2/2 right, q 0/1 → (1 + 0)/2.
        #expect(row.accuracyFull == 0.5)
        #expect(isClose(row.accuracyStopped, expected.accuracyStopped))
        #expect(isClose(row.accuracyChange, expected.accuracyStopped - 0.5))
        #expect(isClose(row.agreementWithFull, expected.agreement))
        #expect(isClose(row.tokensSavedShare, expected.saved))
        #expect(isClose(row.probeTokensShare, expected.probeShare))
    }

    @Test("a K outside 2…5 gets its own row; K = 1 stops at the first probe with an answer")
    func chosenKOutsideTable() throws {
        let summary = try #require(ProbeBehaviour.consistencyStop(Self.records(), chainAnswers: Self.own, k: 1, options: Self.options))
        #expect(summary.rows.map(\.k) == [1, 2, 3, 4, 5])
        // p#0 at 0 (5, wrong), p#1 at 50 (its cut at 0 has no answer; 4, wrong), q#0 at 0 (7, right).
        let row = try #require(summary.chosen)
        #expect(row.stopped == 3)
        #expect(isClose(row.tokensSavedShare, 1 - 50 / 340.0))
        #expect(isClose(row.accuracyStopped, 0.5))
    }

    @Test("without gold: agreement and savings, no accuracy")
    func consistencyWithoutGold() throws {
        let own = Self.own.mapValues { ChainAnswer(answer: $0.answer, correct: nil) }
        let summary = try #require(ProbeBehaviour.consistencyStop(Self.records(gold: false), chainAnswers: own, k: 2, options: Self.options))
        let row = try #require(summary.chosen)
        #expect(row.accuracyFull == nil && row.accuracyStopped == nil && row.accuracyChange == nil && row.accuracyChangeCI == nil)
        #expect(isClose(row.agreementWithFull, 0.25))
        #expect(isClose(row.tokensSavedShare, 1 - 160 / 340.0))
    }

    @Test("traces the analysis does not hold, or whose thinking length is unknown, take no part")
    func consistencyNeedsOwnAnswerAndLength() throws {
        var own = Self.own
        own[ChainAnswer.key(problemID: "q", sampleIndex: 0)] = nil
        let records = Self.records().map { record -> ProbeRecord in
            var record = record
            if record.sampleIndex == 1 { record.thinkingTokens = nil }
            return record
        }
        let row = try #require(ProbeBehaviour.consistencyStop(records, chainAnswers: own, k: 2, options: Self.options)?.chosen)
        // Only p#0 is left: stops at 50 of 100.
        #expect(row.samples == 1 && row.problems == 1 && row.stopped == 1)
        #expect(row.tokensSavedShare == 0.5)
        #expect(row.tokensSavedShareCI == nil)
        #expect(ProbeBehaviour.consistencyStop(records, chainAnswers: [:], k: 2, options: Self.options) == nil)
    }

    @Test("a cut without an answer breaks a run; equivalent answers in other forms continue it")
    func runs() throws {
        let records = Self.chain("r", 0, gold: "1/2", thinking: 40, [(0, "0.5"), (10, nil), (20, "\\frac{1}{2}"), (30, "1/2"), (40, "1/2")])
        let own = [ChainAnswer.key(problemID: "r", sampleIndex: 0): ChainAnswer(answer: ExtractedAnswer(text: "0.5", rule: .wholeText), correct: true)]
        let row = try #require(ProbeBehaviour.consistencyStop(records, chainAnswers: own, k: 2, options: Self.options)?.chosen)
        // Not at 10 (no answer) nor at 20 (the run restarts there): at 30, keeping 30 of 40.
        #expect(row.stopped == 1)
        #expect(row.tokensSavedShare == 0.25)
        #expect(row.agreementWithFull == 1 && row.accuracyStopped == 1)
        // Every cut with an answer is right, and the empty cut at 10 is not: first correct at 20.
        #expect(ProbeBehaviour.firstCorrect(records, options: Self.options)?.tokens == 20)
    }

    @Test("cuts of equal length pool their answers; the modal answer decides, ties to the first length asked, then index")
    func pooledCuts() throws {
        // At 100 tokens kept: fraction 1 answers 3; tokens 1000 (capped at 100) answers 4 and 4.
        let pooled = [
            Self.record(problem: "s", sample: 0, gold: "3", kept: 100, thinking: 100, answer: "4", length: 1000, index: 1),
            Self.record(problem: "s", sample: 0, gold: "3", kept: 100, thinking: 100, answer: "3", length: 1, unit: "fraction"),
            Self.record(problem: "s", sample: 0, gold: "3", kept: 100, thinking: 100, answer: "4", length: 1000),
        ]
        #expect(ProbeBehaviour.firstCorrect(pooled, options: Self.options)?.never == 1)
        // A tie (3 against 4) goes to the first length asked (fraction before tokens), whatever the file's order.
        let tie = Array(pooled.dropFirst())
        for order in [tie, tie.reversed()] {
            #expect(ProbeBehaviour.firstCorrect(order, options: Self.options)?.tokens == 100)
        }
    }

    @Test("the same records in another order give the same numbers, intervals included")
    func orderDoesNotMatter() {
        let records = Self.records()
        var random = SplitMix64(seed: 7)
        let shuffled = records.shuffled(using: &random)
        #expect(ProbeBehaviour.firstCorrect(shuffled, options: Self.options) == ProbeBehaviour.firstCorrect(records, options: Self.options))
        #expect(ProbeBehaviour.consistencyStop(shuffled, chainAnswers: Self.own, k: 3, options: Self.options)
            == ProbeBehaviour.consistencyStop(records, chainAnswers: Self.own, k: 3, options: Self.options))
    }

    @Test("the traces' own answers come from the analysis' answer clusters")
    func chainAnswers() {
        let problem = ProblemAnalysis(problemID: "p", samples: 3, clusters: [
            ClusterSummary(answer: "3", count: 2, sampleIndices: [0, 2], correct: true),
            ClusterSummary(answer: nil, count: 1, sampleIndices: [1], correct: false),
        ])
        let answers = ChainAnswer.byTrace(from: [problem])
        #expect(answers.count == 3)
        #expect(answers[ChainAnswer.key(problemID: "p", sampleIndex: 2)] == ChainAnswer(answer: ExtractedAnswer(text: "3", rule: .wholeText), correct: true))
        #expect(answers[ChainAnswer.key(problemID: "p", sampleIndex: 1)] == ChainAnswer(answer: nil, correct: false))
    }
}
