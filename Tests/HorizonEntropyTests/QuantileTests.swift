import HorizonEntropy
import Testing

@Suite("Type-7 quantiles")
struct QuantileTests {
    @Test("linear interpolation between order statistics", arguments: [
        (0.0, 1.0), (0.25, 2.25), (0.5, 3.5), (0.95, 9.25), (1.0, 10.0),
    ])
    func interpolation(probability: Double, expected: Double) {
        // Sorted 1, 2, 3, 4, 7, 10; h = 5p: at 0.95, h = 4.75 -> 7 + 0.75 x 3 = 9.25.
        #expect(isClose(Quantile.linear(sorted: [1, 2, 3, 4, 7, 10], probability: probability), expected))
    }

    @Test("empty has no quantile; one value is every quantile")
    func edges() {
        #expect(Quantile.linear(sorted: [Double](), probability: 0.5) == nil)
        #expect(Quantile.linear(sorted: [4.0], probability: 0.95) == 4)
    }

    @Test("works on a slice with a non-zero start")
    func slice() {
        let values: [Double] = [0, 0, 1, 2, 3]
        #expect(Quantile.linear(sorted: values[2...], probability: 0.5) == 2)
    }
}
