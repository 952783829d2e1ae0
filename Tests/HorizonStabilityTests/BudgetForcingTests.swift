import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonStability
import Testing

/// `BudgetForcing.summarize` on hand-laid chains (budget forcing, s1): accuracy per number of
/// waits as a mean over traces of the mean over their chains, extra thinking tokens, the BF of
/// each wait's extension, and answer changes against each chain's own answer at 0 waits.
///
/// Three chains, N = 2 waits; p (gold 3) has chains 0 and 1, q (gold 7) chain 0:
///
/// | chain | answers at 0, 1, 2 | extension 1: tokens, entropy | extension 2: tokens, entropy |
/// |---|---|---|---|
/// | p#0/0 | 3, 4, 3 | 4, ln 2 | 2, 0 |
/// | p#0/1 | 5, 3, 3 | 6, 2 ln 2 | 0 (stopped at once), none |
/// | q#0/0 | 7, 7, none | 2, 0 | 8 (token limit), ln 2 |
@Suite("budget forcing aggregation")
struct BudgetForcingTests {
    static let ln2 = log(2.0)

    static func answer(_ problem: String, chain: Int, waits: Int, gold: String, _ text: String?, extensionTokens: Int) -> ProbeRecord {
        ProbeRecord(
            kind: .budgetAnswer(waits: waits), problemID: problem, sampleIndex: 0, index: chain, gold: gold, keptTokens: 0,
            answer: text.map { ExtractedAnswer(text: $0, rule: .boxed) }, measures: nil, tokensSpent: 3,
            extensionTokens: extensionTokens, finishReason: "stop")
    }

    static func extension_(_ problem: String, chain: Int, waits: Int, tokens: Int, entropy: Double?, finish: String = "stop") -> ProbeRecord {
        ProbeRecord(
            kind: .budgetExtension(waits: waits), problemID: problem, sampleIndex: 0, index: chain, gold: nil, keptTokens: 0,
            answer: nil,
            measures: entropy.map {
                SegmentMeasures(tokenCount: tokens, meanEntropy: $0, meanNegativeLogLikelihood: $0, meanMissingMass: 0,
                                maxMissingMass: 0, lowCoverageCount: 0)
            },
            tokensSpent: tokens, finishReason: finish)
    }

    static let records: [ProbeRecord] = [
        answer("p", chain: 0, waits: 0, gold: "3", "3", extensionTokens: 0),
        extension_("p", chain: 0, waits: 1, tokens: 4, entropy: ln2),
        answer("p", chain: 0, waits: 1, gold: "3", "4", extensionTokens: 4),
        extension_("p", chain: 0, waits: 2, tokens: 2, entropy: 0),
        answer("p", chain: 0, waits: 2, gold: "3", "3", extensionTokens: 6),
        answer("p", chain: 1, waits: 0, gold: "3", "5", extensionTokens: 0),
        extension_("p", chain: 1, waits: 1, tokens: 6, entropy: 2 * ln2),
        answer("p", chain: 1, waits: 1, gold: "3", "3", extensionTokens: 6),
        extension_("p", chain: 1, waits: 2, tokens: 0, entropy: nil),
        answer("p", chain: 1, waits: 2, gold: "3", "3", extensionTokens: 6),
        answer("q", chain: 0, waits: 0, gold: "7", "7", extensionTokens: 0),
        extension_("q", chain: 0, waits: 1, tokens: 2, entropy: 0),
        answer("q", chain: 0, waits: 1, gold: "7", "7", extensionTokens: 2),
        extension_("q", chain: 0, waits: 2, tokens: 8, entropy: ln2, finish: "length"),
        answer("q", chain: 0, waits: 2, gold: "7", nil, extensionTokens: 10),
    ]

    static func rows(_ records: [ProbeRecord] = records) throws -> [BudgetForcingPoint] {
        try #require(BudgetForcing.summarize(records, options: AnalysisOptions(bootstrapResamples: 200)))
    }

    @Test("one row per number of waits, with chains and problems counted")
    func rowsPerWaits() throws {
        let rows = try Self.rows()
        #expect(rows.map(\.waits) == [0, 1, 2])
        #expect(rows.map(\.samples) == [3, 3, 3])
        #expect(rows.map(\.problems) == [2, 2, 2])
    }

    @Test("accuracy: mean over traces of the share of right chains")
    func accuracy() throws {
        let rows = try Self.rows()
        // 0 waits: p 1/2, q 1 → 3/4; 1 wait: p 1/2, q 1 → 3/4; 2 waits: p 1, q 0 (no answer) → 1/2.
        #expect(rows.map(\.accuracy) == [0.75, 0.75, 0.5])
    }

    @Test("extra thinking tokens: the extensions so far, averaged over chains")
    func extensionTokens() throws {
        let rows = try Self.rows()
        #expect(rows[0].extensionTokens == 0)
        #expect(rows[1].extensionTokens == 4)  // (4 + 6 + 2) / 3
        #expect(abs(rows[2].extensionTokens - 22.0 / 3) < 1e-12)  // (6 + 6 + 10) / 3
    }

    @Test("extension BF: exp(mean log BF) per trace, averaged over traces; none at 0 waits")
    func extensionBF() throws {
        let rows = try Self.rows()
        #expect(rows[0].extensionBF == nil && rows[0].extensionBFCI == nil)
        // 1 wait: p's chains ln 2 and 2 ln 2 → 2^1.5; q's 0 → 1.
        let one = try #require(rows[1].extensionBF)
        #expect(abs(one - (pow(2, 1.5) + 1) / 2) < 1e-12)
        // 2 waits: p's chain 1 added nothing, so p is its chain 0 alone (BF 1); q 2.
        let two = try #require(rows[2].extensionBF)
        #expect(abs(two - 1.5) < 1e-12)
        // Every resample mixes per-trace BFs between 1 and 4 (1 and 2 at two waits).
        let interval = try #require(rows[1].extensionBFCI)
        #expect(interval.lower >= 1 - 1e-12 && interval.upper <= 4 + 1e-12 && interval.lower <= interval.upper)
        let twoInterval = try #require(rows[2].extensionBFCI)
        #expect(twoInterval.lower >= 1 - 1e-12 && twoInterval.upper <= 2 + 1e-12)
    }

    @Test("answer changes against each chain's own answer at 0 waits")
    func changes() throws {
        let rows = try Self.rows()
        #expect(rows[0].rightToWrong == 0 && rows[0].wrongToRight == 0)
        // 1 wait: p#0/0 3 → 4 (right → wrong), p#0/1 5 → 3 (wrong → right).
        #expect(rows[1].rightToWrong == 1 && rows[1].wrongToRight == 1)
        // 2 waits: p#0/0 back to 3 (right → right), p#0/1 right, q loses its answer.
        #expect(rows[2].rightToWrong == 1 && rows[2].wrongToRight == 1)
    }

    @Test("an extension that stopped at once or at the token limit is counted, not dropped")
    func emptyAndCapped() throws {
        let rows = try Self.rows()
        #expect(rows[1].emptyExtensions == 0 && rows[1].lengthCapped == 0)
        #expect(rows[2].emptyExtensions == 1 && rows[2].lengthCapped == 1)
    }

    @Test("the order of the lines moves no number, intervals included")
    func orderDoesNotMatter() throws {
        #expect(try Self.rows(Self.records.reversed()) == (try Self.rows()))
    }

    @Test("truncation rows leave budget lines out; a set without them has no budget rows")
    func keptApart() throws {
        let truncation = ProbeRecord(
            kind: .truncation(length: 1, unit: "fraction"), problemID: "p", sampleIndex: 0, gold: "3", keptTokens: 10,
            answer: ExtractedAnswer(text: "3", rule: .boxed), measures: nil, tokensSpent: 2)
        let options = AnalysisOptions(bootstrapResamples: 50)
        let mixed = try #require(ProbeAggregation.summarize(Self.records + [truncation], options: options))
        #expect(mixed.truncation.map(\.samples) == [1])
        #expect(mixed.resample.isEmpty)
        #expect(mixed.budgetForcing?.map(\.waits) == [0, 1, 2])
        #expect(try #require(ProbeAggregation.summarize([truncation], options: options)).budgetForcing == nil)
    }

    @Test("without gold answers accuracy and changes are absent, the rest is kept")
    func withoutGold() throws {
        let ungraded = Self.records.map { record in
            var record = record
            record.gold = nil
            return record
        }
        let rows = try Self.rows(ungraded)
        #expect(rows.allSatisfy { $0.accuracy == nil && $0.rightToWrong == 0 && $0.wrongToRight == 0 })
        #expect(rows[1].extensionTokens == 4)
    }
}
