import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTraces
import Testing

/// `ProbeAggregation.summarize` on hand-built records: each (problem, probed sample) at one
/// truncation length or resample position is a group; agreement and accuracy are computed per
/// group and averaged over groups, BF is exp(mean log-BF) per group averaged over groups.
@Suite("probe aggregation")
struct ProbeAggregationTests {
    static let ln2 = log(2.0)

    static func record(
        _ kind: ProbeRecord.Kind, problem: String = "p", sample: Int, gold: String = "3", answer: String?,
        kept: Int = 0, spent: Int = 0, entropy: Double?
    ) -> ProbeRecord {
        ProbeRecord(
            kind: kind, problemID: problem, sampleIndex: sample, gold: gold, keptTokens: kept,
            answer: answer.map { ExtractedAnswer(text: $0, rule: .boxed) },
            measures: entropy.map {
                SegmentMeasures(tokenCount: 4, meanEntropy: $0, meanNegativeLogLikelihood: $0, meanMissingMass: 0,
                                maxMissingMass: 0, lowCoverageCount: 0)
            },
            tokensSpent: spent)
    }

    static let ten = ProbeRecord.Kind.truncation(length: 10, unit: "tokens")
    static let twenty = ProbeRecord.Kind.truncation(length: 20, unit: "tokens")
    static let four = ProbeRecord.Kind.resample(position: 4)

    /// Truncation at 20 comes first in the input, to check the points are sorted by length.
    static let records: [ProbeRecord] = [
        record(twenty, sample: 0, answer: "3", kept: 20, spent: 2, entropy: 0),
        record(twenty, sample: 0, answer: "3", kept: 20, spent: 2, entropy: 0),
        record(twenty, sample: 0, answer: "3", kept: 20, spent: 2, entropy: 0),
        // Group p#0 at 10: answers 3, 3, 4; entropies L, L, 2L.
        record(ten, sample: 0, answer: "3", kept: 10, spent: 5, entropy: ln2),
        record(ten, sample: 0, answer: "3", kept: 10, spent: 7, entropy: ln2),
        record(ten, sample: 0, answer: "4", kept: 10, spent: 9, entropy: 2 * ln2),
        // Group p#1 at 10 (shorter thinking: 8 tokens kept): answers 4, none, none; entropies 0, 0, none.
        record(ten, sample: 1, answer: "4", kept: 8, spent: 3, entropy: 0),
        record(ten, sample: 1, answer: nil, kept: 8, spent: 3, entropy: 0),
        record(ten, sample: 1, answer: nil, kept: 8, spent: 3, entropy: nil),
        // Resample at 4: p#0 answers 3, 3, 4 (majority right), BF 2; q#0 (gold 7) 1, 2, 2 (majority wrong), BF 4.
        record(four, sample: 0, answer: "3", entropy: ln2),
        record(four, sample: 0, answer: "3", entropy: ln2),
        record(four, sample: 0, answer: "4", entropy: ln2),
        record(four, problem: "q", sample: 0, gold: "7", answer: "1", entropy: 2 * ln2),
        record(four, problem: "q", sample: 0, gold: "7", answer: "2", entropy: 2 * ln2),
        record(four, problem: "q", sample: 0, gold: "7", answer: "2", entropy: 2 * ln2),
    ]

    static func summary() throws -> ProbeSummary {
        try #require(ProbeAggregation.summarize(records, options: AnalysisOptions(bootstrapResamples: 100)))
    }

    @Test("the file's order of probe kinds does not move any number, intervals included")
    func kindOrderDoesNotMatter() throws {
        // The same records with the kinds in another order (each group's own order kept).
        let reordered = Self.records.filter { $0.kind == Self.four } + Self.records.filter { $0.kind == Self.ten }
            + Self.records.filter { $0.kind == Self.twenty }
        let summary = try #require(ProbeAggregation.summarize(reordered, options: AnalysisOptions(bootstrapResamples: 100)))
        #expect(summary == (try Self.summary()))
    }

    @Test("truncation points sorted by length, with kept tokens and tokens spent averaged over records")
    func truncationPoints() throws {
        let points = try Self.summary().truncation
        try #require(points.map(\.length) == [10, 20])
        let ten = points[0]
        #expect(ten.lengthUnit == "tokens")
        #expect(ten.samples == 6 && ten.problems == 1)
        // (10·3 + 8·3)/6 = 9 kept; (5 + 7 + 9 + 3 + 3 + 3)/6 = 5 spent.
        #expect(ten.keptTokens == 9)
        #expect(ten.tokensSpent == 5)
        // Agreement: p#0 2/3 ({3} modal), p#1 1/3 ({4}: the no-answer pair is never modal) → 1/2.
        #expect(isClose(ten.agreement, 0.5))
        // Accuracy: p#0 2/3, p#1 0 → 1/3.
        #expect(isClose(ten.accuracy, 1.0 / 3))
        // Answer BF: p#0 exp(4L/3) = 2^(4/3), p#1 exp(0) = 1 (the record without measures skipped).
        #expect(isClose(ten.answerBF, (pow(2, 4.0 / 3) + 1) / 2))

        let twenty = points[1]
        #expect(twenty.samples == 3 && twenty.keptTokens == 20 && twenty.tokensSpent == 2)
        #expect(twenty.agreement == 1 && twenty.accuracy == 1)
        #expect(isClose(twenty.answerBF, 1))
    }

    @Test("resample point: majority accuracy over groups, BF of the continuations, agreement")
    func resamplePoint() throws {
        let points = try Self.summary().resample
        try #require(points.count == 1)
        let point = points[0]
        #expect(point.position == 4)
        #expect(point.samples == 6 && point.problems == 2)
        // p#0's majority 3 is right, q#0's majority 2 is wrong.
        #expect(point.majAccuracy == 0.5)
        // BF: (exp(L) + exp(2L))/2 = (2 + 4)/2 = 3.
        #expect(isClose(point.bf, 3))
        // Agreement: 2/3 in both groups.
        #expect(isClose(point.agreement, 2.0 / 3))
    }

    @Test("no records: no summary")
    func empty() {
        #expect(ProbeAggregation.summarize([], options: AnalysisOptions()) == nil)
    }
}
