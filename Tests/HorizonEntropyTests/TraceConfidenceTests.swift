import HorizonCommon
import Foundation
import HorizonEntropy
import HorizonTraces
import Testing

@Suite("TraceConfidence: DeepConf's token and group confidence")
struct TraceConfidenceTests {
    @Test("C_t is minus the mean log-probability of the returned candidates")
    func tokenConfidence() {
        // ln(1/2) and ln(1/4): C = (ln 2 + ln 4) / 2 = 1.5 ln 2.
        #expect(abs(TraceConfidence.tokenConfidence([log(0.5), log(0.25)]) - 1.5 * log(2.0)) < 1e-15)
        // A certain step: one candidate with ln p = 0.
        #expect(TraceConfidence.tokenConfidence([0.0]) == 0)
        // Probability 0 counts at the 1e-12 floor, not as infinity.
        #expect(abs(TraceConfidence.tokenConfidence([0.0, -.infinity]) - -log(1e-12) / 2) < 1e-12)
        #expect(TraceConfidence.tokenConfidence([Double]()) == 0)
    }

    @Test("windows of 2 over 1…5: lowest, tail, bottom 10%, running lows")
    func increasing() throws {
        let confidence = try #require(TraceConfidence(tokenConfidences: [1, 2, 3, 4, 5], window: 2))
        // Window means 1.5, 2.5, 3.5, 4.5; ⌊0.1 × 4⌋ = 0 → one window, the lowest.
        #expect(confidence.tokenMean == 3)
        #expect(confidence.lowestGroupMean == 1.5)
        #expect(confidence.tailMean == 4.5)
        #expect(confidence.bottom10Mean == 1.5)
        #expect(confidence.groupLows == [.init(start: 0, mean: 1.5)])
        #expect(confidence.stopLength(threshold: 2) == 2)
        #expect(confidence.stopLength(threshold: 1.5) == nil)  // never strictly below
    }

    @Test("a falling trace stops where its window first drops below the threshold")
    func decreasing() throws {
        let confidence = try #require(TraceConfidence(tokenConfidences: [5, 4, 3, 2, 1], window: 2))
        #expect(confidence.groupLows.map(\.mean) == [4.5, 3.5, 2.5, 1.5])
        // 2.5 < 3 first in the window starting at token 2: tokens 0…3 were generated.
        #expect(confidence.stopLength(threshold: 3) == 4)
        #expect(confidence.stopLength(threshold: 1) == nil)
        #expect(confidence.tailMean == 1.5 && confidence.lowestGroupMean == 1.5)
    }

    @Test("bottom 10%: the mean of the ⌊0.1 × windows⌋ lowest window means")
    func bottomTenPercent() throws {
        // 21 tokens 0…20 in a scrambled order, window 1: 21 windows, ⌊2.1⌋ = 2 lowest: 0 and 1.
        let values = (0...20).map { Double(($0 * 8) % 21) }
        let confidence = try #require(TraceConfidence(tokenConfidences: values, window: 1))
        #expect(confidence.bottom10Mean == 0.5)
        #expect(confidence.lowestGroupMean == 0)
        // Window 3 over 0…20 in order: means 1, 2, …, 19; ⌊1.9⌋ = 1 → the lowest alone.
        let ordered = try #require(TraceConfidence(tokenConfidences: (0...20).map(Double.init), window: 3))
        #expect(ordered.bottom10Mean == 1 && ordered.tailMean == 19)
    }

    @Test("bottom 10% matches sorting on random traces", arguments: [1, 7, 64])
    func bottomAgainstSorting(window: Int) throws {
        var generator = SplitMix64(seed: UInt64(window))
        for length in [window, window + 1, 250, 1000] {
            let values = (0..<length).map { _ in Double(Int.random(in: 0..<50, using: &generator)) / 8 }
            let confidence = try #require(TraceConfidence(tokenConfidences: values, window: window))
            let means = (0...(length - window)).map { start in values[start..<(start + window)].reduce(0, +) / Double(window) }
            let count = max(1, Int(Double(means.count) * 0.1))
            let expected = means.sorted().prefix(count).reduce(0, +) / Double(count)
            #expect(abs(confidence.bottom10Mean - expected) < 1e-12, "length \(length)")
            #expect(abs(confidence.lowestGroupMean - means.min()!) < 1e-12)
        }
    }

    @Test("shorter than the window: every measure is the whole trace's mean")
    func shortTrace() throws {
        let confidence = try #require(TraceConfidence(tokenConfidences: [1, 2, 3], window: 5))
        #expect([confidence.tokenMean, confidence.lowestGroupMean, confidence.tailMean, confidence.bottom10Mean] == [2, 2, 2, 2])
        #expect(confidence.groupLows.isEmpty && confidence.stopLength(threshold: 10) == nil)
        #expect(TraceConfidence(tokenConfidences: [], window: 5) == nil)
    }

    @Test("100,000 tokens: running window sums do not drift")
    func longTrace() throws {
        // Naive running sums of 0.1 drift by ~1e-13 over 100k steps; exact ones give 0.1 exactly.
        let confidence = try #require(TraceConfidence(tokenConfidences: Array(repeating: 0.1, count: 100_000), window: 2048))
        #expect(confidence.lowestGroupMean == 0.1)
        #expect(confidence.tailMean == 0.1)
        #expect(confidence.bottom10Mean == 0.1)
        #expect(confidence.groupLows.count == 1)
    }

    @Test("from log-probabilities: C_t per step, then the windows")
    func fromLogProbs() throws {
        var logProbs = TokenLogProbs()
        // Uniform over 1, 2, 4 and 8 candidates: C = 0, ln 2, 2 ln 2, 3 ln 2.
        for (token, count) in [("a", 1), ("b", 2), ("c", 4), ("d", 8)] {
            logProbs.append(tokenBytes: Array(token.utf8), sampledLogProb: -log(Double(count)), sampledRank: 0,
                            candidates: Array(repeating: -log(Double(count)), count: count))
        }
        let confidence = try #require(TraceConfidence(logProbs, window: 2))
        let ln2 = log(2.0)
        #expect(abs(confidence.tokenMean - 1.5 * ln2) < 1e-15)
        #expect(abs(confidence.lowestGroupMean - 0.5 * ln2) < 1e-15)
        #expect(abs(confidence.tailMean - 2.5 * ln2) < 1e-15)
    }
}
