import HorizonEntropy
import Testing

@Suite("The reference's common output length")
struct CommonOutputLengthTests {
    @Test("L = min(⌊95th percentile⌋, 4th-longest length)", arguments: [
        // q95 = 48, 4th longest 20.
        ([10, 20, 30, 40, 50], 20),
        // 1...20: q95 = 19.05 -> 19; 4th longest 17.
        (Array(1...20), 17),
        // 1...100: q95 = 95.05 -> 95; 4th longest 97.
        (Array(1...100), 95),
        // One long outlier among short samples does not lengthen L.
        (Array(repeating: 10, count: 19) + [1000], 10),
        ([60, 60, 60, 60], 60),
    ])
    func reference(lengths: [Int], expected: Int) {
        #expect(CommonOutputLength.of(lengths) == expected)
    }

    @Test("3 or fewer samples: no common length in the reference; all must reach it for the switch")
    func fewSamples() {
        #expect(CommonOutputLength.of([60, 70, 80]) == 0)
        #expect(CommonOutputLength.of([]) == 0)
        #expect(CommonOutputLength.forEstimatorSwitch([60, 70, 80]) == 60)
        #expect(CommonOutputLength.forEstimatorSwitch([120]) == 120)
        #expect(CommonOutputLength.forEstimatorSwitch([]) == 0)
        #expect(CommonOutputLength.forEstimatorSwitch([10, 20, 30, 40, 50]) == 20)
    }
}
