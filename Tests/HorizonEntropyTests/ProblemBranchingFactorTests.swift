import Foundation
import HorizonEntropy
import Testing

@Suite("Problem- and set-level Branching Factor")
struct ProblemBranchingFactorTests {
    /// A sample of `length` steps {1/2, 1/4, 1/4} sampling the 1/2 token: H = 1.5 ln 2, NLL = ln 2,
    /// so the entropy estimator says 2^1.5 and the NLL estimator 2.
    func skewedSample(length: Int) -> SegmentMeasures {
        statistics(Array(repeating: Step(probabilities: [0.5, 0.25, 0.25], sampledRank: 0), count: length)).measures
    }

    @Test("every sample uniform over k: BF = k under both estimators", arguments: [1, 2, 3, 8, 32])
    func uniform(k: Int) throws {
        let samples = [3, 5, 8].map { uniformSample(Array(repeating: k, count: $0)).measures }
        for estimator in BranchingFactorEstimator.allCases {
            let bf = try #require(ProblemBranchingFactor(samples: samples, estimator: estimator))
            #expect(isClose(bf.value, Double(k)))
            #expect(isClose(bf.perplexityStyle, Double(k)))
        }
    }

    @Test("BF = exp(mean of per-sample log values); perplexity-style = mean of exp")
    func meanOfLogs() throws {
        // Sample means: ln 2 and ln 8 -> exp(ln 4) = 4; perplexity-style (2 + 8) / 2 = 5.
        let samples = [uniformSample([2, 2]).measures, uniformSample([8, 8, 8]).measures]
        let bf = try #require(ProblemBranchingFactor(samples: samples, estimator: .entropy))
        #expect(isClose(bf.value, 4))
        #expect(isClose(bf.logValue, log(4)))
        #expect(isClose(bf.perplexityStyle, 5))
        #expect(bf.sampleLogValues.count == 2)
        #expect(isClose(bf.sampleLogValues[1], log(8)))
    }

    @Test("auto: entropy up to a common length of 50, NLL above", arguments: [
        (50, BranchingFactorEstimator.entropy, pow(2, 1.5)),
        (51, BranchingFactorEstimator.nll, 2.0),
    ])
    func autoSwitch(length: Int, expected: BranchingFactorEstimator, value: Double) throws {
        let samples = Array(repeating: skewedSample(length: length), count: 5)
        let bf = try #require(ProblemBranchingFactor(samples: samples))
        #expect(bf.estimator == expected)
        #expect(bf.commonLength == length)
        #expect(isClose(bf.value, value))
    }

    @Test("auto reads the common length, not the longest samples")
    func autoUsesCommonLength() throws {
        // Three 100-token samples and two of 10: the 4th longest is 10, so L = 10 -> entropy.
        let samples = [100, 100, 100, 10, 10].map { skewedSample(length: $0) }
        let bf = try #require(ProblemBranchingFactor(samples: samples))
        #expect(bf.commonLength == 10)
        #expect(bf.estimator == .entropy)
        // A smaller limit flips it.
        #expect(ProblemBranchingFactor(samples: samples, asymptoticLimit: 9)?.estimator == .nll)
    }

    @Test("auto with fewer than 4 samples requires all of them to pass the limit")
    func autoFewSamples() throws {
        #expect(ProblemBranchingFactor(samples: [skewedSample(length: 60)])?.estimator == .nll)
        #expect(ProblemBranchingFactor(samples: [skewedSample(length: 60), skewedSample(length: 40)])?.estimator == .entropy)
    }

    @Test("empty samples are skipped; none measured -> unavailable")
    func emptySamples() throws {
        let empty = uniformSample([]).measures
        let bf = try #require(ProblemBranchingFactor(samples: [empty, uniformSample([4]).measures], estimator: .nll))
        #expect(isClose(bf.value, 4))
        #expect(bf.sampleLogValues.count == 1)
        #expect(ProblemBranchingFactor(samples: [empty, empty]) == nil)
        #expect(ProblemBranchingFactor(samples: []) == nil)
    }

    @Test("set BF is the mean of exponentiated per-problem values")
    func setLevel() throws {
        let two = try #require(ProblemBranchingFactor(samples: [uniformSample([2]).measures]))
        let eight = try #require(ProblemBranchingFactor(samples: [uniformSample([8]).measures]))
        let long = try #require(ProblemBranchingFactor(samples: [skewedSample(length: 60)]))
        let set = try #require(SetBranchingFactor(problems: [two, eight, long]))
        #expect(isClose(set.value, (2 + 8 + 2) / 3))
        #expect(isClose(set.perplexityStyle, (2 + 8 + pow(2, 1.5)) / 3))
        #expect(set.problemCount == 3)
        #expect(set.nllProblemCount == 1)
        #expect(SetBranchingFactor(problems: []) == nil)
    }
}
