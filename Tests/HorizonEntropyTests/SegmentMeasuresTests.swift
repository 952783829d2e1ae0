import Foundation
import HorizonEntropy
import Testing

@Suite("Segment measures over a token range")
struct SegmentMeasuresTests {
    // Steps: uniform 2, uniform 4, top-2 {0.4, 0.3} (0.3 missing, low coverage at top-p 0.9), one-hot.
    let tokens = statistics(
        [Step.uniform(2), Step.uniform(4), Step(probabilities: [0.4, 0.3], sampledRank: 1), Step.uniform(1)],
        .topP(0.9)
    )

    @Test("means, max missing mass and low-coverage count over a range")
    func range() {
        let measures = tokens.measures(in: 1..<4)
        #expect(measures.tokenCount == 3)
        let third = entropy([4.0 / 7, 3.0 / 7])
        #expect(isClose(measures.meanEntropy, (log(4) + third + 0) / 3))
        #expect(isClose(measures.meanNegativeLogLikelihood, (log(4) + log(7.0 / 3) + 0) / 3))
        #expect(isClose(measures.meanMissingMass, 0.3 / 3))
        #expect(isClose(measures.maxMissingMass, 0.3))
        #expect(measures.lowCoverageCount == 1)
    }

    @Test("an empty range is defined: 0 tokens, no means, BF unavailable")
    func emptyRange() {
        let measures = tokens.measures(in: 2..<2)
        #expect(measures.tokenCount == 0)
        #expect(measures.meanEntropy == nil)
        #expect(measures.maxMissingMass == nil)
        #expect(measures.branchingFactor(.entropy) == nil)
        #expect(measures.branchingFactor(.nll) == nil)
    }

    @Test("one token is its own mean")
    func oneToken() {
        let measures = tokens.measures(in: 1..<2)
        #expect(isClose(measures.branchingFactor(.entropy), 4))
        #expect(isClose(measures.branchingFactor(.nll), 4))
    }

    @Test("auto is a per-problem choice, not a per-sample value")
    func autoHasNoSampleValue() {
        #expect(tokens.measures.logBranchingFactor(.auto) == nil)
    }
}
