import Foundation
import HorizonEntropy
import Testing

@Suite("Reference-compatible condensation")
struct ReferenceBranchingFactorTests {
    @Test("entropy branch: mean over positions of per-position sample means")
    func entropyBranch() throws {
        // Four 4-token samples uniform over 2 and one 2-token sample uniform over 32. L = 4.
        // Positions 0, 1: (4 ln 2 + 5 ln 2) / 5 = 1.8 ln 2; positions 2, 3: ln 2.
        // log-BF = (2 x 1.8 + 2 x 1) ln 2 / 4 = 1.4 ln 2.
        let samples = Array(repeating: uniformSample([2, 2, 2, 2]), count: 4) + [uniformSample([32, 32])]
        let bf = try #require(ReferenceBranchingFactor(samples: samples))
        #expect(bf.condensedLength == 4)
        #expect(bf.estimator == .entropy)
        #expect(isClose(bf.logValue, 1.4 * log(2)))
        #expect(isClose(bf.value, pow(2, 1.4)))
        // The per-sample estimator weighs samples instead: (4 x ln 2 + ln 32) / 5 = 1.8 ln 2.
        let perSample = try #require(ProblemBranchingFactor(samples: samples.map(\.measures), estimator: .entropy))
        #expect(isClose(perSample.logValue, 1.8 * log(2)))
    }

    @Test("NLL branch: mean NLL of the first L tokens of samples at least L long")
    func nllBranch() throws {
        // Lengths 60, 60, 60, 60, 55: L = 60 > 50. The 55-token sample is left out.
        let samples = [
            uniformSample(Array(repeating: 2, count: 60)), uniformSample(Array(repeating: 2, count: 60)),
            uniformSample(Array(repeating: 8, count: 60)), uniformSample(Array(repeating: 8, count: 60)),
            uniformSample(Array(repeating: 1000, count: 55)),
        ]
        let bf = try #require(ReferenceBranchingFactor(samples: samples))
        #expect(bf.condensedLength == 60)
        #expect(bf.estimator == .nll)
        #expect(isClose(bf.value, 4))
    }

    @Test("the 95th-percentile cut stops reading long samples")
    func percentileCut() throws {
        // Lengths 1...20: L = 17; a sample of 20 tokens is read only to position 16.
        let samples = (1...20).map { length in uniformSample(Array(repeating: 2, count: min(length, 17)) + Array(repeating: 64, count: max(0, length - 17))) }
        let bf = try #require(ReferenceBranchingFactor(samples: samples))
        #expect(bf.condensedLength == 17)
        #expect(isClose(bf.value, 2))
    }

    @Test("fewer than 4 samples: unavailable, as the reference cannot condense them")
    func fewSamples() {
        #expect(ReferenceBranchingFactor(samples: Array(repeating: uniformSample([2, 2]), count: 3)) == nil)
        #expect(ReferenceBranchingFactor(samples: []) == nil)
    }
}
