import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// End to end: multi-response lines without log-probs (`responses` + `gold`), read by
/// `Analyzer`; every answer metric checked against hand values.
///
/// | problem (gold) | samples' answers | clusters (size) | correct |
/// |---|---|---|---|
/// | q-half (1/2) | 3, \frac{1}{2}, 0.5, 7 | {1/2, 0.5} 2, {3} 1, {7} 1 | 2 of 4 |
/// | q-five (5) | 4, 4, 5, none ("I give up."), none (boxed 5 inside unclosed thinking) | {4} 2, {5} 1, {none} 2 | 1 of 5 |
/// | q-ten (10) | 10, 10.0, 12 | {10, 10.0} 2, {12} 1 | 2 of 3 |
@Suite("analyze: answers end to end")
struct AnalyzeAnswersTests {
    static func line(_ id: String, gold: String, _ responses: [String]) -> JSONText {
        .members(["problem_id": .string(id), "gold": .string(gold), "responses": .array(responses.map { .string($0) })])
    }

    static let lines: [JSONText] = [
        line("q-half", gold: #"\frac{1}{2}"#, [
            #"<think>ok</think>\boxed{3}"#, #"<think>ok</think>\boxed{\frac{1}{2}}"#,
            #"<think>ok</think>\boxed{0.5}"#, #"<think>ok</think>\boxed{7}"#,
        ]),
        line("q-five", gold: "5", [
            #"<think>hm</think>\boxed{4}"#, #"<think>hm</think>\boxed{4}"#, #"<think>hm</think>\boxed{5}"#,
            "<think>hm</think>I give up.", #"<think>hm \boxed{5}"#,
        ]),
        line("q-ten", gold: "10", [
            #"<think>x</think>\boxed{10}"#, #"<think>x</think>\boxed{10.0}"#, #"<think>x</think>\boxed{12}"#,
        ]),
    ]

    static func analysis(seed: UInt64 = 0) throws -> Analysis {
        try AnalyzerSetup(seed: seed).analyze(try TraceFile.write(lines))
    }

    @Test("accuracy and agreement per problem and per set")
    func accuracyAndAgreement() throws {
        let analysis = try Self.analysis()
        // Rows come sorted by id; the checks below read them in the file's order.
        try #require(analysis.problems.map(\.problemID) == ["q-five", "q-half", "q-ten"])
        let rows = Self.inputOrder(analysis.problems)
        // The boxed 5 inside unclosed thinking is not graded: q-five is 1/5, not 2/5.
        #expect(rows.map(\.accuracy) == [0.5, 0.2, 2.0 / 3])
        // Modal cluster share: 2/4, 2/5 ({4}: no-answer samples are never modal), 2/3.
        #expect(rows.map(\.agreement) == [0.5, 0.4, 2.0 / 3])
        // (1/2 + 1/5 + 2/3) / 3 = 41/90; (1/2 + 2/5 + 2/3) / 3 = 47/90.
        #expect(isClose(analysis.accuracy, 41.0 / 90))
        #expect(isClose(analysis.agreement, 47.0 / 90))
        #expect(analysis.answers?.gradedProblems == 3)
    }

    @Test("answer entropy over clusters, in nats")
    func answerEntropy() throws {
        let analysis = try Self.analysis()
        let half = -(0.5 * log(0.5) + 2 * 0.25 * log(0.25))  // split 2/1/1 of 4
        let five = -(2 * 0.4 * log(0.4) + 0.2 * log(0.2))  // 2/2/1 of 5, the no-answer group counted
        let ten = -(2.0 / 3 * log(2.0 / 3) + 1.0 / 3 * log(1.0 / 3))  // 2/1 of 3
        let rows = Self.inputOrder(analysis.problems)
        #expect(isClose(rows[0].answerEntropy, half))
        #expect(isClose(rows[1].answerEntropy, five))
        #expect(isClose(rows[2].answerEntropy, ten))
        #expect(isClose(analysis.answers?.answerEntropy, (half + five + ten) / 3))
    }

    @Test("clusters: equivalent forms together, largest first, majority answer")
    func clusters() throws {
        let rows = Self.inputOrder(try Self.analysis().problems)
        #expect(rows[0].majorityAnswer == #"\frac{1}{2}"#)
        #expect(rows[0].clusters == [
            ClusterSummary(answer: #"\frac{1}{2}"#, count: 2, sampleIndices: [1, 2], correct: true),
            ClusterSummary(answer: "3", count: 1, sampleIndices: [0], correct: false),
            ClusterSummary(answer: "7", count: 1, sampleIndices: [3], correct: false),
        ])
        // The no-answer group comes last whatever its size, and is never the majority.
        #expect(rows[1].majorityAnswer == "4")
        #expect(rows[1].clusters == [
            ClusterSummary(answer: "4", count: 2, sampleIndices: [0, 1], correct: false),
            ClusterSummary(answer: "5", count: 1, sampleIndices: [2], correct: true),
            ClusterSummary(answer: nil, count: 2, sampleIndices: [3, 4], correct: false),
        ])
        #expect(rows[2].clusters.map(\.count) == [2, 1])
        #expect(rows[2].clusters.first?.correct == true)
        #expect(rows[2].majorityAnswer == "10")
    }

    @Test("maj@k and pass@k for k up to the smallest sample count (3)")
    func atK() throws {
        let answers = try #require(try Self.analysis().answers)
        // The default ks are 1, 3, 8, 16; q-ten has 3 samples, so only 1 and 3.
        #expect(answers.majAtK.map(\.k) == [1, 3])
        #expect(answers.passAtK.map(\.k) == [1, 3])
        // maj@1 = first sample right: q-half 3 ✗, q-five 4 ✗, q-ten 10 ✓ → 1/3.
        // maj@3 over samples 0-2: q-half {1/2} 2 votes ✓, q-five {4} 2 ✗, q-ten {10} 2 ✓ → 2/3.
        #expect(isClose(answers.majAtK[0].value, 1.0 / 3))
        #expect(isClose(answers.majAtK[1].value, 2.0 / 3))
        // pass@k = 1 - C(n-c, k)/C(n, k): pass@1 = c/n → (2/4 + 1/5 + 2/3)/3 = 41/90.
        // pass@3: q-half n-c = 2 < 3 → 1; q-five 1 - C(4,3)/C(5,3) = 1 - 4/10 = 0.6; q-ten 1 → 2.6/3.
        #expect(isClose(answers.passAtK[0].value, 41.0 / 90))
        #expect(isClose(answers.passAtK[1].value, 2.6 / 3))
        // G-Pass@3 at τ 0.5: at least ⌈1.5⌉ = 2 of 3 drawn without replacement are right:
        // q-half C(2,2)·C(2,1)/C(4,3) = 1/2; q-five (c = 1) 0; q-ten C(2,2)·C(1,1)/C(3,3) = 1 → 1/2.
        #expect(answers.gPassAtK.map(\.k) == [1, 3])
        #expect(isClose(answers.gPassAtK[1].value, 0.5))
    }

    @Test("unextracted answers and the unclosed thinking")
    func unextracted() throws {
        let analysis = try Self.analysis()
        #expect(analysis.answers?.unextracted == 2)
        #expect(analysis.counts.truncated == 1)
        #expect(Self.inputOrder(analysis.problems).map(\.truncated) == [0, 1, 0])
        #expect(analysis.counts.traces == 12)
        #expect(analysis.counts.tracesWithLogProbs == 0)
        #expect(analysis.bf.overall == nil && analysis.bf.thinking == nil)
        #expect(analysis.warnings.contains { $0.kind == "no_logprobs" })
    }

    @Test("without tokens, lengths are in characters")
    func characterLengths() throws {
        let lengths = try Self.analysis().lengths
        #expect(lengths.unit == "characters")
        // Thinking: q-half "ok" = 2; q-five four "hm" and one "hm \boxed{5}" (12) → 20/5 = 4;
        // q-ten "x" = 1 → (2 + 4 + 1)/3.
        #expect(isClose(lengths.thinking, 7.0 / 3))
    }

    @Test("problem_set_digest is SHA-256 of the sorted ids joined by newlines")
    func digest() throws {
        let analysis = try Self.analysis()
        let sortedIDs = "q-five\nq-half\nq-ten"
        #expect(analysis.settings.problemSetDigest == SHA256.hexDigest(of: Array(sortedIDs.utf8)))
    }

    @Test("the same seed writes the same bytes; another seed draws other intervals")
    func seeds() throws {
        let path = try TraceFile.write(Self.lines)
        let encoder = Analysis.makeEncoder()
        let first = try encoder.encode(try AnalyzerSetup(seed: 7).analyze(path))
        let again = try encoder.encode(try AnalyzerSetup(seed: 7).analyze(path))
        #expect(first == again)
        let other = try AnalyzerSetup(seed: 8).analyze(path)
        let seven = try AnalyzerSetup(seed: 7).analyze(path)
        let intervals = { (a: Analysis) in [a.accuracyCI, a.agreementCI, a.answers?.answerEntropyCI] }
        #expect(intervals(seven) != intervals(other))
        #expect(other.accuracy == seven.accuracy)
        #expect(try encoder.encode(other) != first)
    }

    /// The rows in the order the problems appear in the test file.
    static func inputOrder(_ rows: [ProblemAnalysis]) -> [ProblemAnalysis] {
        ["q-half", "q-five", "q-ten"].compactMap { id in rows.first { $0.problemID == id } }
    }
}
