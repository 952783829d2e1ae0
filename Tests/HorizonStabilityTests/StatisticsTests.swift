import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonCommon
import HorizonTraces
import Testing

@Suite("Descriptive statistics and Spearman's rho")
struct StatisticsTests {
    @Test("mean, variance and standard deviation of known data")
    func moments() {
        // Mean 5, squared deviations sum to 32: sample variance 32 / 7.
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Statistics.mean(values) == 5)
        #expect(Statistics.variance(values) == 32.0 / 7)
        #expect(Statistics.standardDeviation(values) == (32.0 / 7).squareRoot())
    }

    @Test("empty and one-element inputs are unavailable, not NaN")
    func edges() {
        #expect(Statistics.mean([Double]()) == nil)
        #expect(Statistics.mean([3.0]) == 3)
        #expect(Statistics.variance([3.0]) == nil)
        #expect(Statistics.standardDeviation([Double]()) == nil)
        #expect(Statistics.quantile([], probability: 0.5) == nil)
        #expect(Statistics.quantile([7], probability: 0.1) == 7)
        #expect(Statistics.ranks([]) == [])
        #expect(Statistics.spearman([1], [2]) == nil)
    }

    @Test("quantile sorts first and interpolates (type 7)")
    func quantile() {
        #expect(Statistics.quantile([4, 1, 3, 2], probability: 0.5) == 2.5)
        #expect(Statistics.quantile([4, 1, 3, 2], probability: 0.25) == 1.75)
        #expect(Statistics.quantile([4, 1, 3, 2], probability: 1) == 4)
    }

    @Test("ties share the mean of their ranks", arguments: [
        ([10.0, 30, 20, 30], [1.0, 3.5, 2, 3.5]),
        ([5.0, 5, 5], [2.0, 2, 2]),
        ([3.0, 1, 2], [3.0, 1, 2]),
        ([1.0, 1, 2, 2, 2, 3], [1.5, 1.5, 4, 4, 4, 6]),
    ])
    func ranks(values: [Double], expected: [Double]) {
        #expect(Statistics.ranks(values) == expected)
    }

    @Test("no ties: matches 1 - 6 Σd² / (n(n² - 1))")
    func spearmanWithoutTies() throws {
        // IQ against hours of TV per week (the textbook example on Wikipedia): Σd² = 194, n = 10,
        // rho = 1 - 6 x 194 / 990 = -29 / 165.
        let iq: [Double] = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
        let tv: [Double] = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]
        let rho = try #require(Statistics.spearman(iq, tv))
        #expect(abs(rho - (-29.0 / 165)) < 1e-12)
    }

    @Test("with ties: the Pearson correlation of fractional ranks")
    func spearmanWithTies() throws {
        // y ranks [1, 2, 3.5, 5, 3.5] against x ranks 1...5: covariance sum 8, sums of squares 10
        // and 9.5, so rho = 8 / sqrt(95).
        let rho = try #require(Statistics.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]))
        #expect(abs(rho - 8 / 95.0.squareRoot()) < 1e-12)
    }

    @Test("monotone data gives ±1; a constant variable gives no rho")
    func spearmanExtremes() {
        let x: [Double] = [0.5, 1, 2, 3, 10]
        #expect(Statistics.spearman(x, x.map { $0 * $0 * $0 }) == 1)
        #expect(Statistics.spearman(x, x.map { -exp($0) }) == -1)
        #expect(Statistics.spearman(x, [4, 4, 4, 4, 4]) == nil)
    }

    @Test("bootstrap interval for rho: seeded, and [1, 1] for monotone data")
    func spearmanInterval() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        var generator = SplitMix64(seed: 5)
        let monotone = try #require(Statistics.spearmanInterval(x, x.map { $0 * 2 }, resamples: 200, using: &generator))
        #expect(monotone.lower == 1 && monotone.upper == 1 && monotone.estimate == 1)
        let y: [Double] = [2, 1, 4, 3, 6, 8, 5, 7]
        var first = SplitMix64(seed: 9)
        var second = SplitMix64(seed: 9)
        let a = try #require(Statistics.spearmanInterval(x, y, resamples: 300, using: &first))
        let b = try #require(Statistics.spearmanInterval(x, y, resamples: 300, using: &second))
        #expect(a == b)
        #expect(a.lower < a.estimate && a.estimate <= a.upper)
        #expect(Statistics.spearmanInterval(x, Array(repeating: 1, count: 8), using: &generator) == nil)
    }
}
