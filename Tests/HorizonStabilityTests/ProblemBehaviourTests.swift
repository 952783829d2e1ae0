import Foundation
import HorizonSegments
import HorizonTraces
import Testing
@testable import HorizonStability

/// What a problem keeps for confidence, forks and markers adds up: samples folded in two
/// groups and merged give what folding them all at once gives (the property `analyze --shard`
/// and `horizon merge` rely on).
@Suite("ProblemBehaviour: merged parts equal the whole")
struct ProblemBehaviourTests {
    static func record(_ sample: Int, candidates: [Int], thinking: String) throws -> SampleRecord {
        var logProbs = TokenLogProbs()
        let tokens = ["<think>", thinking, "</think>", "\\boxed{1}"]
        for (token, count) in zip(tokens, candidates) {
            let logProb = -log(Double(count))
            logProbs.append(tokenBytes: Array(token.utf8), sampledLogProb: logProb, sampledRank: 0,
                            candidates: Array(repeating: logProb, count: count))
        }
        let trace = Trace(problemID: "p", sampleIndex: sample, text: tokens.joined(), logProbs: logProbs)
        return try SampleRecord(trace, options: SampleRecordOptions(
            segmenter: Segmenter(try ProfileSelection(named: "deepseek-r1")), tokenOptions: .init(truncation: .topP(1))))
    }

    @Test func mergedEqualsWhole() throws {
        let records = try (0..<6).map { try Self.record($0, candidates: [2, 1 + $0, 3, 2 + $0 % 3], thinking: $0 % 2 == 0 ? "wait, hmm" : "ok") }
        var whole = ProblemBehaviour()
        var first = ProblemBehaviour()
        var second = ProblemBehaviour()
        for (index, record) in records.enumerated() {
            _ = whole.add(record)
            if index < 2 { _ = first.add(record) } else { _ = second.add(record) }
        }
        var merged = second
        merged.merge(first)
        #expect(merged == whole)
        #expect(whole.histograms[.overall]?.total == 24)
        #expect(whole.markerTotals.reduce(0, +) == 6)  // three samples with "wait" and "hmm"
        #expect(whole.forkTokens[.overall]?.count == 10)
    }
}
