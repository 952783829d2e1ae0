import Foundation
import HorizonEntropy
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// End to end through ``Analyzer``: confidence, the voting experiment, forking tokens and
/// reflection markers on one problem (gold 5) of five 4-token traces, every value by hand.
///
/// Every step is uniform over 2^m candidates, so its confidence C and its entropy are both
/// m·L (L = ln 2). Tokens: `<think>`, one thinking token, `</think>`, the answer.
///
/// | sample | m per token | answer | thinking text | lowest group (W = 2) | markers |
/// |---|---|---|---|---|---|
/// | 0 | 3 3 3 3 | 5 ✓ | `ok` | 3L | 0 |
/// | 1 | 1 1 1 1 | 4 ✗ | `Wait, hmm` | 1L | 2 |
/// | 2 | 1 2 1 2 | 4 ✗ | `wait` | 1.5L | 1 |
/// | 3 | 2 2 2 2 | 5 ✓ | `Hmm` | 2L | 1 |
/// | 4 | 1 1 1 1 | 4 ✗ | `But wait, wait` | 1L | 2 |
@Suite("analyze: confidence, forks and reflection end to end")
struct AnalyzeBehaviourTests {
    static let L = log(2.0)

    static func line(_ sample: Int, _ m: [Int], answer: String, thinking: String) -> JSONText {
        let tokens = ["<think>", thinking, "</think>", "\\boxed{\(answer)}"]
        let steps = zip(tokens, m).map { TestStep.uniform($0, candidates: 1 << $1) }
        return TraceLines.flat(["problem_id": "p", "sample_index": .integer(sample), "gold": "5"],
                               logProbs: TraceLines.chatLogProbs(steps))
    }

    static let lines: [JSONText] = [
        line(0, [3, 3, 3, 3], answer: "5", thinking: "ok"),
        line(1, [1, 1, 1, 1], answer: "4", thinking: "Wait, hmm"),
        line(2, [1, 2, 1, 2], answer: "4", thinking: "wait"),
        line(3, [2, 2, 2, 2], answer: "5", thinking: "Hmm"),
        line(4, [1, 1, 1, 1], answer: "4", thinking: "But wait, wait"),
    ]

    static func analysis(forkEntropy: Double? = nil) throws -> Analysis {
        try AnalyzerSetup(confidenceWindow: 2, forkEntropy: forkEntropy).analyze(try TraceFile.write(lines))
    }

    @Test("confidence: the four measures, means over samples and problems")
    func confidence() throws {
        let confidence = try #require(try Self.analysis().confidence)
        #expect(confidence.window == 2 && confidence.traces == 5)
        // Token means 3, 1, 1.5, 2, 1 (× L): 8.5L / 5; lowest groups 3, 1, 1.5, 2, 1: the same.
        #expect(isClose(confidence.tokenMean, 1.7 * Self.L))
        #expect(isClose(confidence.lowestGroupMean, 1.7 * Self.L))
        // Tails (last two tokens): 3, 1, 1.5, 2, 1; bottom 10% of 3 windows = the lowest: 3, 1, 1.5, 2, 1.
        #expect(isClose(confidence.tailMean, 1.7 * Self.L))
        #expect(isClose(confidence.bottom10Mean, 1.7 * Self.L))
        #expect(confidence.tokenMeanCI != nil)
        let row = try #require(try Self.analysis().problems.first?.confidence)
        #expect(isClose(row.lowestGroupMean, 1.7 * Self.L) && row.tokenMeanCI == nil)
    }

    @Test("voting: majority wrong, confidence-weighted right, online early stop saves tokens")
    func voting() throws {
        let voting = try #require(try Self.analysis().confidence?.voting)
        #expect(voting.problems == 1)
        // Majority: 4 has three votes. Weighted: 5 has 3L + 2L = 5L against 4's 1L + 1.5L + 1L.
        #expect(voting.majority.accuracy == 0)
        #expect(voting.weighted.accuracy == 1)
        let rows = Dictionary(uniqueKeysWithValues: voting.filtered.map { ($0.eta, $0) })
        // η 10%: 0.9 quantile of 1, 1, 1.5, 2, 3 is 2.6 → sample 0 alone votes 5.
        // η 90%: 0.1 quantile is 1 → all vote, as the weighted vote.
        #expect(rows[0.1]?.offline.accuracy == 1 && rows[0.9]?.offline.accuracy == 1)
        // Online, warm-up = samples 0–2. η 10%: bar = 0.9 quantile of 1, 1.5, 3 = 2.7L; samples 3
        // and 4 stop after their first window (2 of 4 tokens): 4 of 20 tokens saved; sample 0 votes 5.
        let low = try #require(rows[0.1])
        #expect(low.online.accuracy == 1 && isClose(low.tokensSaved, 0.2) && low.tracesStopped == 1)
        // η 90%: bar = 0.1 quantile = 1.1L: sample 4 stops (2 tokens saved), sample 3 votes;
        // votes 5: 3L + 2L, 4: 1.5L (sample 1 is below the bar).
        let high = try #require(rows[0.9])
        #expect(high.online.accuracy == 1 && isClose(high.tokensSaved, 0.1) && high.tracesStopped == 0.5)
    }

    @Test("forks: the run's 80th percentile, shares per segment, the top tokens")
    func forks() throws {
        let analysis = try Self.analysis()
        let forks = try #require(analysis.forks)
        // Entropies 1L ×10, 2L ×6, 3L ×4: h = 19 × 0.8 = 15.2 → q(2L) + 0.2 (q(3L) − q(2L)).
        let quantised = [1.0, 2, 3].map { EntropyHistogram.quantised($0 * Self.L) }
        let sorted = Array(repeating: quantised[0], count: 10) + Array(repeating: quantised[1], count: 6) + Array(repeating: quantised[2], count: 4)
        #expect(forks.thresholdSource == "run_p80")
        #expect(forks.threshold == Quantile.linear(sorted: sorted, probability: 0.8))
        #expect(isClose(forks.threshold, quantised[1] + 0.2 * (quantised[2] - quantised[1])))
        // Only the 3L tokens are above: 4 of 20; thinking and answer: sample 0's one token of 5.
        #expect(forks.share.overall == 0.2 && forks.share.thinking == 0.2 && forks.share.answer == 0.2)
        #expect(analysis.problems.first?.forkShare?.overall == 0.2)
        // Top: sample 0's four 3L tokens, then the 2L ones by sample and position.
        #expect(forks.top.overall.map { [$0.sample, $0.position] } == [[0, 0], [0, 1], [0, 2], [0, 3], [2, 1], [2, 3], [3, 0], [3, 1], [3, 2], [3, 3]])
        let first = try #require(forks.top.overall.first)
        #expect(first.token == "<think>" && first.before == "" && first.after == "ok</think>\\boxed{5}")
        #expect(isClose(first.entropy, 3 * Self.L) && isClose(first.sampledProbability, 0.125))
        #expect(first.alternatives.count == 5 && first.alternatives.allSatisfy { isClose($0, 0.125) })
        #expect(forks.top.thinking.first?.token == "ok" && forks.top.answer.first?.token == "\\boxed{5}")
        // The strip: problem p, sample 0 (both spans present), all four tokens.
        #expect(forks.strip?.sample == 0 && forks.strip?.tokens == ["<think>", "ok", "</think>", "\\boxed{5}"])
        #expect(forks.strip?.thinking == [1, 2] && forks.strip?.answer == [3, 4])
    }

    @Test("forks: a given threshold is used as it is")
    func forkOption() throws {
        let forks = try #require(try Self.analysis(forkEntropy: 1.0).forks)
        // Above 1 nat: 2L = 1.386 and 3L: 10 of 20 tokens.
        #expect(forks.thresholdSource == "option" && forks.threshold == 1 && forks.share.overall == 0.5)
    }

    @Test("reflection: per trace, per segment, correct vs incorrect")
    func reflection() throws {
        let analysis = try Self.analysis()
        let reflection = try #require(analysis.reflection)
        #expect(reflection.perTrace.overall == 1.2 && reflection.perTrace.thinking == 1.2 && reflection.perTrace.answer == 0)
        let totals = Dictionary(uniqueKeysWithValues: zip(reflection.markers, reflection.totals))
        #expect(totals["wait"] == 3 && totals["hmm"] == 2 && totals["but wait"] == 1 && totals["alternatively"] == 0)
        // Correct: samples 0 and 3 (0 and 1 markers); incorrect: 1, 2, 4 (2, 1, 2).
        #expect(reflection.correct?.mean == 0.5 && reflection.correct?.traces == 2)
        #expect(isClose(reflection.incorrect?.mean, 5.0 / 3) && reflection.incorrect?.traces == 3)
        // Every trace has 4 tokens: no rank correlation with a constant length.
        #expect(reflection.lengthCorrelation == nil)
    }

    @Test("reflection without log-probs: Spearman with length in characters")
    func reflectionLength() throws {
        let responses = ["<think>wait</think>1", "<think>wait, so, wait</think>1", "<think>hmm, wait, and wait again</think>1",
                         "<think>x</think>1"]
        let line = JSONText.members(["problem_id": "q", "gold": "1", "responses": .array(responses.map { .string($0) })])
        let reflection = try #require(try AnalyzerSetup().analyze(try TraceFile.write([line])).reflection)
        // Markers 1, 2, 3, 0 rise with the lengths 5, 15, 26, 2 (characters of thinking plus answer): ρ = 1.
        #expect(reflection.lengthCorrelation?.rho == 1 && reflection.lengthCorrelation?.samples == 4)
        #expect(reflection.perTrace.overall == 1.5)
    }
}
