import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// End to end: a small chat-shape JSONL file read by `Analyzer`, every BF figure checked
/// against values worked out by hand from the candidate sets.
///
/// A step with k equally likely candidates has entropy ln k (nats) under top-p 1; write
/// L = ln 2, so 2 candidates give L, 4 give 2L, 1 gives 0.
///
/// | trace | tokens (entropy) | thinking | answer | overall |
/// |---|---|---|---|---|
/// | A#0 | `<think>`(L) a(2L) b(2L) `</think>`(0) 4(L) 2(L) | 2L | L | 7L/6 |
/// | A#1 | `<think>`(L) a(L) b(L) c(L) `</think>`(0) 4(2L) 2(2L) | L | 2L | 8L/7 |
/// | B#0 | `<think>`(2L) a(2L) b(L) `</think>`(0) 7(2L) | 1.5L | 2L | 7L/5 |
/// | B#1 | `<think>`(L) a(L, mass 0.8) b(L) `</think>`(0, mass 0.95) 7(L) | L | L | 4L/5 |
/// | C#0 | `<think>`(L) a(L), never closed | L | – | L |
///
/// Per problem, BF = exp(mean of the samples' mean entropies):
/// - A: thinking exp(1.5L) = 2^1.5, answer exp(1.5L) = 2^1.5, overall exp((7/6 + 8/7)L/2) = 2^(97/84);
/// - B: thinking exp(1.25L) = 2^1.25, answer exp(1.5L) = 2^1.5, overall exp(1.1L) = 2^1.1;
/// - C: thinking 2, answer none (empty span), overall 2.
@Suite("analyze: Branching Factor end to end")
struct AnalyzeBranchingFactorTests {
    static func step(_ token: String, _ candidates: Int, mass: Double = 1) -> TestStep {
        .uniform(token, candidates: candidates, mass: mass)
    }

    static func line(_ problem: String, _ sample: Int, _ steps: [TestStep]) -> JSONText {
        TraceLines.flat(["problem_id": .string(problem), "sample_index": .integer(sample), "model": "m"],
                        logProbs: TraceLines.chatLogProbs(steps))
    }

    static let lines: [JSONText] = [
        line("A", 0, [step("<think>", 2), step("a", 4), step("b", 4), step("</think>", 1), step("4", 2), step("2", 2)]),
        line("A", 1, [step("<think>", 2), step("a", 2), step("b", 2), step("c", 2), step("</think>", 1),
                      step("4", 4), step("2", 4)]),
        line("B", 0, [step("<think>", 4), step("a", 4), step("b", 2), step("</think>", 1), step("7", 4)]),
        line("B", 1, [step("<think>", 2), step("a", 2, mass: 0.8), step("b", 2), step("</think>", 1, mass: 0.95),
                      step("7", 2)]),
        line("C", 0, [step("<think>", 2), step("a", 2)]),
    ]

    static func analysis(_ setup: AnalyzerSetup = AnalyzerSetup()) throws -> Analysis {
        try setup.analyze(try TraceFile.write(lines))
    }

    @Test("per-problem BF per segment, and the set BF as the mean over problems")
    func branchingFactors() throws {
        let analysis = try Self.analysis()
        let rows = analysis.problems
        try #require(rows.map(\.problemID) == ["A", "B", "C"])
        #expect(isClose(rows[0].bf.thinking, pow(2, 1.5)))
        #expect(isClose(rows[0].bf.answer, pow(2, 1.5)))
        #expect(isClose(rows[0].bf.overall, pow(2, 97.0 / 84)))
        #expect(isClose(rows[1].bf.thinking, pow(2, 1.25)))
        #expect(isClose(rows[1].bf.answer, pow(2, 1.5)))
        #expect(isClose(rows[1].bf.overall, pow(2, 1.1)))
        #expect(isClose(rows[2].bf.thinking, 2))
        #expect(rows[2].bf.answer == nil)
        #expect(isClose(rows[2].bf.overall, 2))

        // Set: the mean over the problems that have the segment (C has no answer span).
        #expect(isClose(analysis.bf.thinking, (pow(2, 1.5) + pow(2, 1.25) + 2) / 3))
        #expect(isClose(analysis.bf.answer, pow(2, 1.5)))
        #expect(isClose(analysis.bf.overall, (pow(2, 97.0 / 84) + pow(2, 1.1) + 2) / 3))
        // Common lengths are far below 50 tokens, so `auto` resolves to the entropy estimator.
        #expect(analysis.bf.estimatorUsed == "entropy")
        #expect(rows.allSatisfy { $0.bf.estimatorUsed == "entropy" })
    }

    @Test("BF@1 is the first token's BF: A exp(L) = 2, B exp(1.5L) = 2^1.5, C 2; set mean (4 + 2^1.5) / 3")
    func firstToken() throws {
        let analysis = try Self.analysis()
        #expect(isClose(analysis.bf.first, (4 + pow(2, 1.5)) / 3))
    }

    @Test("intervals: a problem of one sample has none, the set's brackets its value")
    func intervals() throws {
        let analysis = try Self.analysis()
        #expect(analysis.problems[2].bf.thinkingCI == nil)
        #expect(analysis.problems[0].bf.thinkingCI != nil)
        let thinking = try #require(analysis.bf.thinkingCI)
        #expect(thinking.lower <= thinking.upper)
        // Every resample's value is a mean of per-problem BFs, each between exp(L) = 2 and
        // exp(2L) = 4 for thinking.
        #expect(thinking.lower >= 2 - 1e-9 && thinking.upper <= 4 + 1e-9)
    }

    @Test("the NLL estimator gives the same values here (NLL = ln k for a uniform step) and says so")
    func nllEstimator() throws {
        let analysis = try Self.analysis(AnalyzerSetup(estimator: .nll))
        #expect(analysis.bf.estimatorUsed == "nll")
        #expect(isClose(analysis.bf.thinking, (pow(2, 1.5) + pow(2, 1.25) + 2) / 3))
        #expect(isClose(analysis.bf.overall, (pow(2, 97.0 / 84) + pow(2, 1.1) + 2) / 3))
        #expect(analysis.settings.estimator == "nll")
    }

    @Test("mean span lengths: over samples, then over problems, in tokens")
    func lengths() throws {
        let analysis = try Self.analysis()
        #expect(analysis.lengths.unit == "tokens")
        // Thinking: A (2 + 3)/2 = 2.5, B (2 + 2)/2 = 2, C 1 → 5.5/3.
        #expect(isClose(analysis.lengths.thinking, 5.5 / 3))
        // Answer: A 2, B 1, C 0 (truncated: empty answer) → 1.
        #expect(isClose(analysis.lengths.answer, 1))
        // Overall: A (6 + 7)/2 = 6.5, B 5, C 2 → 13.5/3 = 4.5.
        #expect(isClose(analysis.lengths.overall, 4.5))
        #expect(isClose(analysis.problems[0].lengths.thinking, 2.5))
    }

    @Test("missing mass: token-weighted mean and maximum per segment")
    func missingMass() throws {
        let analysis = try Self.analysis()
        // B#1 misses 0.2 at `a` (thinking) and 0.05 at `</think>` (in no span but overall).
        // Overall: 0.25 over 25 tokens = 0.01; thinking: 0.2 over 10 tokens = 0.02; answer: none.
        let overall = try #require(analysis.missingMass.overall)
        #expect(isClose(overall.mean, 0.01, tolerance: 1e-12))
        #expect(isClose(overall.max, 0.2, tolerance: 1e-12))
        let thinking = try #require(analysis.missingMass.thinking)
        #expect(isClose(thinking.mean, 0.02, tolerance: 1e-12))
        #expect(isClose(thinking.max, 0.2, tolerance: 1e-12))
        let answer = try #require(analysis.missingMass.answer)
        #expect(abs(answer.mean) < 1e-12 && abs(answer.max) < 1e-12)
        #expect(analysis.warnings.contains { $0.kind == "missing_tail_mass" })
    }

    @Test("counts: tokens, traces, truncated thinking")
    func counts() throws {
        let counts = try Self.analysis().counts
        #expect(counts.lines == 5)
        #expect(counts.traces == 5)
        #expect(counts.problems == 3)
        #expect(counts.tracesWithLogProbs == 5)
        #expect(counts.tokens == 6 + 7 + 5 + 5 + 2)
        #expect(counts.truncated == 1)
        #expect(counts.openingMarkerMissing == 0)
        #expect(counts.duplicates == 0 && counts.invalidLines == 0)
    }

    @Test("low coverage: top-p 1 flags both incomplete lists (0.8, 0.95); top-p 0.9 only the 0.8 one")
    func lowCoverage() throws {
        let full = try Self.analysis(AnalyzerSetup(topP: 1))
        #expect(full.counts.lowCoverageTokens == 2)
        let nucleus = try Self.analysis(AnalyzerSetup(topP: 0.9))
        #expect(nucleus.counts.lowCoverageTokens == 1)
        #expect(nucleus.settings.truncationValue == 0.9)
        #expect(nucleus.warnings.contains { $0.kind == "low_coverage" })
        // Every list needs all its candidates to reach 0.9 (0.5 + 0.5, 0.25 × 4, 0.4 + 0.4), so
        // top-p 0.9 keeps them all and the BFs are those of top-p 1.
        #expect(isClose(nucleus.bf.thinking, (pow(2, 1.5) + pow(2, 1.25) + 2) / 3))
        #expect(isClose(nucleus.bf.answer, pow(2, 1.5)))
    }

    @Test("rows: samples, samples with log-probs and truncated per problem")
    func rows() throws {
        let rows = try Self.analysis().problems
        #expect(rows.map(\.samples) == [2, 2, 1])
        #expect(rows.map(\.samplesWithLogProbs) == [2, 2, 1])
        #expect(rows.map(\.truncated) == [0, 0, 1])
    }
}
