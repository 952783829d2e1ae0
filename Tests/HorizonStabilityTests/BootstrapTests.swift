import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonCommon
import HorizonTraces
import Testing

@Suite("Bootstrap intervals")
struct BootstrapTests {
    let values = (0..<100).map(Double.init)

    func meanInterval(seed: UInt64, confidence: Double = 0.95, resamples: Int = 1000) -> BootstrapInterval? {
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
        #expect(single == BootstrapInterval(estimate: 3.5, lower: 3.5, upper: 3.5, confidence: 0.95, resampleCount: 10))
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

    @Test("two-level: deterministic given the seed, inside the span of the group BFs")
    func twoLevel() throws {
        let groups: [[Double]] = [[log(2), log(3), log(4)], [log(8), log(6)], [log(1.5)]]
        var first = SplitMix64(seed: 11)
        var second = SplitMix64(seed: 11)
        let interval = try #require(Bootstrap.twoLevelInterval(groups, resamples: 500, using: &first))
        #expect(interval == Bootstrap.twoLevelInterval(groups, resamples: 500, using: &second))
        // Every replicate averages three group BFs, each between 1.5 and 8.
        #expect(interval.lower >= 1.5 && interval.upper <= 8 && interval.lower < interval.upper)
        var other = SplitMix64(seed: 12)
        #expect(Bootstrap.twoLevelInterval(groups, resamples: 500, using: &other) != interval)
    }

    @Test("two-level with constant groups: replicates are 2, 5 or 8, so the interval is [2, 8]")
    func twoLevelClosedForm() throws {
        // Groups with BF 2 and 8 and no within-group spread: a replicate draws two groups,
        // giving 2 (p = 1/4), 5 (1/2) or 8 (1/4); 2.5% and 97.5% quantiles land on 2 and 8.
        let groups: [[Double]] = [[log(2), log(2)], [log(8), log(8), log(8)]]
        var generator = SplitMix64(seed: 21)
        let interval = try #require(Bootstrap.twoLevelInterval(groups, using: &generator))
        #expect(abs(interval.lower - 2) < 1e-12 && abs(interval.upper - 8) < 1e-12)
        #expect(Bootstrap.twoLevelInterval([], using: &generator) == nil)
        #expect(Bootstrap.twoLevelInterval([[log(3)]], using: &generator) == nil)
    }

    @Test("two-level with the identity: accuracy of 0/1 outcomes stays in [0, 1] around the mean")
    func twoLevelAccuracy() throws {
        let groups: [[Double]] = [[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 0, 1]]
        var generator = SplitMix64(seed: 3)
        let interval = try #require(Bootstrap.twoLevelInterval(groups, using: &generator, perGroup: { $0 }))
        let mean = (0.5 + 1 + 0.25) / 3
        #expect(interval.lower >= 0 && interval.upper <= 1 && interval.contains(mean))
    }
}
