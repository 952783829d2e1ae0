import Foundation
import HorizonEntropy
import HorizonStability
import Testing

@Suite("Bootstrap intervals")
struct BootstrapTests {
    let values = (0..<100).map(Double.init)

    func meanInterval(seed: UInt64, confidence: Double = 0.95, resamples: Int = 1000) -> ConfidenceInterval? {
        var generator = SplitMix64(seed: seed)
        return Bootstrap.percentileInterval(of: values, confidence: confidence, resamples: resamples, using: &generator) {
            Statistics.mean($0)
        }
    }

    @Test("the same seed gives the same interval; another seed a different one")
    func determinism() throws {
        let first = try #require(meanInterval(seed: 1))
        #expect(meanInterval(seed: 1) == first)
        #expect(meanInterval(seed: 2) != first)
        #expect(first.resampleCount == 1000)
        #expect(first.estimate == 49.5)
    }

    @Test("the 95% interval of a mean is about ±1.96 standard errors")
    func width() throws {
        // Population sd of 0...99 is sqrt((100² - 1) / 12) = 28.87; se = 2.887; 1.96 se = 5.66.
        let interval = try #require(meanInterval(seed: 3))
        #expect(abs(interval.lower - (49.5 - 5.66)) < 0.8)
        #expect(abs(interval.upper - (49.5 + 5.66)) < 0.8)
        let half = try #require(meanInterval(seed: 3, confidence: 0.5))
        #expect(half.upper - half.lower < interval.upper - interval.lower)
    }

    @Test("empty: no interval; one element or a constant sample: the degenerate [s, s]")
    func edges() throws {
        var generator = SplitMix64(seed: 4)
        #expect(Bootstrap.percentileInterval(of: [Double](), using: &generator) { Statistics.mean($0) } == nil)
        let single = try #require(Bootstrap.percentileInterval(of: [3.5], resamples: 10, using: &generator) { Statistics.mean($0) })
        #expect(single == ConfidenceInterval(estimate: 3.5, lower: 3.5, upper: 3.5, confidence: 0.95, resampleCount: 10))
        let constant = try #require(Bootstrap.percentileInterval(of: [2.0, 2, 2], resamples: 10, using: &generator) { Statistics.mean($0) })
        #expect(constant.lower == 2 && constant.upper == 2)
        // A statistic undefined on the data gives no interval.
        #expect(Bootstrap.percentileInterval(of: [1.0], using: &generator) { Statistics.variance($0) } == nil)
    }

    @Test("resamples where the statistic is undefined are left out of the count")
    func undefinedResamples() throws {
        // A statistic defined only when the two draws differ, which happens with probability 1/2.
        var generator = SplitMix64(seed: 6)
        let interval = try #require(Bootstrap.percentileInterval(of: [1.0, 2], resamples: 1000, using: &generator) { sample in
            sample[0] == sample[1] ? nil : 1
        })
        #expect(interval.resampleCount > 400 && interval.resampleCount < 600)
    }

    /// A problem estimate from per-sample log-BFs, as the estimators produce it.
    func problem(_ sampleLogValues: [Double]) -> ProblemBranchingFactor {
        let logValue = sampleLogValues.reduce(0, +) / Double(sampleLogValues.count)
        return ProblemBranchingFactor(
            value: exp(logValue), logValue: logValue, estimator: .entropy, commonLength: 10,
            sampleLogValues: sampleLogValues, perplexityStyle: exp(logValue)
        )
    }

    @Test("two-level: estimates are the set and problem BFs; deterministic given the seed")
    func twoLevel() throws {
        let problems = [problem([log(2), log(3), log(4)]), problem([log(8), log(6)]), problem([log(1.5)])]
        var first = SplitMix64(seed: 11)
        var second = SplitMix64(seed: 11)
        let intervals = try #require(Bootstrap.branchingFactorIntervals(problems: problems, resamples: 500, using: &first))
        #expect(intervals == Bootstrap.branchingFactorIntervals(problems: problems, resamples: 500, using: &second))
        let set = try #require(SetBranchingFactor(problems: problems))
        #expect(abs(intervals.set.estimate - set.value) < 1e-12)
        #expect(intervals.problems.count == 3)
        for (interval, problem) in zip(intervals.problems, problems) {
            #expect(abs(interval.estimate - problem.value) < 1e-12)
            #expect(interval.lower <= interval.estimate && interval.estimate <= interval.upper)
        }
        // One sample: nothing to resample within the problem.
        #expect(intervals.problems[2].lower == 1.5 && intervals.problems[2].upper == 1.5)
        // Within-problem spread: BF of {2, 3, 4} resamples ranges from 2 to 4.
        #expect(intervals.problems[0].lower >= 2 && intervals.problems[0].upper <= 4)
        #expect(intervals.problems[0].lower < intervals.problems[0].upper)
        var other = SplitMix64(seed: 12)
        #expect(Bootstrap.branchingFactorIntervals(problems: problems, resamples: 500, using: &other) != intervals)
    }

    @Test("two-level with constant problems: replicates are 2, 5 or 8, so the interval is [2, 8]")
    func twoLevelClosedForm() throws {
        // Problems with BF 2 and 8 and no within-problem spread: a replicate draws two problems,
        // giving 2 (p = 1/4), 5 (1/2) or 8 (1/4); 2.5% and 97.5% quantiles land on 2 and 8.
        let problems = [problem([log(2), log(2)]), problem([log(8), log(8), log(8)])]
        var generator = SplitMix64(seed: 21)
        let intervals = try #require(Bootstrap.branchingFactorIntervals(problems: problems, using: &generator))
        #expect(abs(intervals.set.estimate - 5) < 1e-12)
        #expect(abs(intervals.set.lower - 2) < 1e-12 && abs(intervals.set.upper - 8) < 1e-12)
        #expect(intervals.set.resampleCount == Bootstrap.defaultResamples)
        #expect(Bootstrap.branchingFactorIntervals(problems: [], using: &generator) == nil)
    }
}
