import Foundation
import HorizonEntropy
import HorizonCommon
import HorizonTraces
import Testing

/// Curves must not change in their last digit when samples arrive in another order (concurrent
/// sampling writes lines in any order), and top-p 1 keeps every candidate.
@Suite("Order independence and top-p 1")
struct OrderIndependenceTests {
    @Test("an exact sum gives the same bits in every order and grouping, and the correctly rounded total")
    func exactSum() {
        var random = SplitMix64(seed: 5)
        let terms = (0..<2000).map { _ in Double.random(in: -3...1e4, using: &random) * Double.random(in: 0...1, using: &random) }
        var forward = ExactSum()
        for term in terms { forward.add(term) }
        for _ in 0..<5 {
            let shuffled = terms.shuffled(using: &random)
            var left = ExactSum(), right = ExactSum()
            for term in shuffled.prefix(777) { left.add(term) }
            for term in shuffled.dropFirst(777) { right.add(term) }
            left.add(right)
            #expect(left.value.bitPattern == forward.value.bitPattern)
        }
        // Plain addition of the same terms in another order does differ: the reason for ExactSum.
        let plainSums = Set((0..<5).map { _ in terms.shuffled(using: &random).reduce(0, +).bitPattern })
        #expect(plainSums.count > 1)
        var tenths = ExactSum()
        for _ in 0..<10 { tenths.add(0.1) }
        #expect(tenths.value == 1)
    }

    @Test("each term is its value rounded to a multiple of 2⁻⁶⁴, of either sign and any size below 2⁴⁰")
    func termsRoundToTheGrid() {
        let terms: [Double] = [0, -0.0, 1, -1, 0x1p-64, -0x1p-64, 0x1p-65, 0x1.8p-65, -0x1.8p-65, 0x1p39, -0x1p39,
                               0x1.fffffffffffffp39, 1e-300, -1e-300, 0.5, -0.5, 3.141592653589793, -2.718281828459045e9]
        var sum = ExactSum()
        var expected: Int128 = 0
        for term in terms {
            sum.add(term)
            expected += Int128((term * 0x1p64).rounded())
        }
        #expect(sum.value == Double(expected) / 0x1p64)
    }

    @Test("non-finite and absurd terms: infinity and NaN whatever the order")
    func nonFinite() {
        var sum = ExactSum()
        sum.add(1)
        sum.add(1e300)
        #expect(sum.value == .infinity)
        sum.add(-.infinity)
        #expect(sum.value.isNaN)
    }

    @Test("windowed and cumulative curves are bit-identical for samples added in any order")
    func curvesIgnoreSampleOrder() throws {
        var random = SplitMix64(seed: 6)
        let samples = (0..<12).map { _ in
            statistics((0..<Int.random(in: 30...80, using: &random)).map { _ in
                let weights = (0..<4).map { _ in Double.random(in: 0.01...1, using: &random) }
                let total = weights.reduce(0, +)
                return Step(probabilities: weights.map { $0 / total }, sampledRank: Int.random(in: 0..<4, using: &random))
            })
        }
        func curves(_ order: [TokenStatistics]) throws -> [[UInt64]] {
            var windowed = try WindowedCurveBuilder(windowLength: 3)
            var cumulative = CumulativeCurveBuilder()
            for sample in order {
                windowed.add(sample)
                cumulative.add(sample)
            }
            return [windowed.curve().values.map(\.bitPattern), cumulative.curve().values.map(\.bitPattern)]
        }
        let reference = try curves(samples)
        #expect(!reference[0].isEmpty && !reference[1].isEmpty)
        for _ in 0..<10 { #expect(try curves(samples.shuffled(using: &random)) == reference) }
    }

    @Test("top-p 1 keeps every listed candidate, even when the first ones already sum to 1 within 1e-6")
    func topPOneKeepsEverything() {
        let step = Step(probabilities: [0.9999995, 4e-7, 1e-7], sampledRank: 0)
        let kept = statistics([step], .topP(1))
        let expected = -[0.9999995, 4e-7, 1e-7].reduce(0) { $0 + $1 * log($1) }
        #expect(abs(kept.entropies[0] - expected) < 1e-12)
        // Below 1 the tolerance still applies: 0.9999995 reaches 0.9999999.
        #expect(statistics([step], .topP(0.9999999)).entropies[0] == 0)
    }
}
