import HorizonGate
import HorizonStability
import Testing

@Suite struct DifferenceIntervalTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    @Test func symmetricHalfWidthsAddInQuadrature() {
        // 1.0 ± 0.03 against 1.2 ± 0.04: difference 0.2 ± √(0.03² + 0.04²) = 0.2 ± 0.05.
        let interval = DifferenceInterval.of(
            baseline: 1.0, baselineCI: ConfidenceInterval(lower: 0.97, upper: 1.03),
            current: 1.2, currentCI: ConfidenceInterval(lower: 1.16, upper: 1.24))
        #expect(close(interval.lower, 0.15))
        #expect(close(interval.upper, 0.25))
    }

    @Test func lopsidedIntervalsCombineEachSideOnItsOwn() {
        // Baseline 1.0 in [0.9, 1.3]: 0.1 down, 0.3 up. Current 2.0 in [1.6, 2.1]: 0.4 down, 0.1 up.
        // Lower end: 1.0 − √(0.4² + 0.3²) = 0.5. Upper end: 1.0 + √(0.1² + 0.1²) = 1 + 0.1·√2.
        let interval = DifferenceInterval.of(
            baseline: 1.0, baselineCI: ConfidenceInterval(lower: 0.9, upper: 1.3),
            current: 2.0, currentCI: ConfidenceInterval(lower: 1.6, upper: 2.1))
        #expect(close(interval.lower, 0.5))
        #expect(close(interval.upper, 1.0 + 0.1 * 2.0.squareRoot()))
    }

    @Test func zeroWidthIntervalsGiveThePointDifference() {
        let interval = DifferenceInterval.of(
            baseline: 0.5, baselineCI: ConfidenceInterval(lower: 0.5, upper: 0.5),
            current: 0.75, currentCI: ConfidenceInterval(lower: 0.75, upper: 0.75))
        #expect(interval == ConfidenceInterval(lower: 0.25, upper: 0.25))
    }

    @Test func swappingTheRunsMirrorsTheInterval() {
        let a = ConfidenceInterval(lower: 0.9, upper: 1.3)
        let b = ConfidenceInterval(lower: 1.6, upper: 2.1)
        let forward = DifferenceInterval.of(baseline: 1.0, baselineCI: a, current: 2.0, currentCI: b)
        let backward = DifferenceInterval.of(baseline: 2.0, baselineCI: b, current: 1.0, currentCI: a)
        #expect(close(forward.lower, -backward.upper))
        #expect(close(forward.upper, -backward.lower))
    }

    @Test func aPointOutsideItsIntervalAddsNothingOnTheOvershotSide() {
        // Current 1.5 lies below its interval [1.6, 1.7]: downward distance 0, upward 0.2.
        let interval = DifferenceInterval.of(
            baseline: 1.0, baselineCI: ConfidenceInterval(lower: 1.0, upper: 1.0),
            current: 1.5, currentCI: ConfidenceInterval(lower: 1.6, upper: 1.7))
        #expect(close(interval.lower, 0.5))
        #expect(close(interval.upper, 0.7))
        #expect(interval.contains(0.5))
    }
}
