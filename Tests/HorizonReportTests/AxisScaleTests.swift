import Testing
@testable import HorizonReport

@Suite struct AxisScaleTests {
    @Test(arguments: [(100.0, 20.0), (0.4, 0.1), (45, 10), (660, 200), (3, 1), (0.003, 0.001), (7000, 2000)])
    func niceStepsAreOneTwoOrFiveTimesAPowerOfTen(span: Double, expected: Double) {
        #expect(abs(NiceNumbers.step(span: span, targetCount: 5) - expected) < expected * 1e-9)
    }

    @Test func linearAxisWidensToNiceTicks() {
        let axis = AxisScale.fitting([0, 5, 45], axis: .init(label: "x"))
        #expect(axis.lower == 0 && axis.upper == 50)
        #expect(axis.tickLabels == ["0", "10", "20", "30", "40", "50"])
    }

    @Test func decimalTicksPrintWithoutFloatingNoise() {
        // 0.1 steps: 3 × 0.1 is 0.30000000000000004 in binary, but the label must read 0.3.
        let axis = AxisScale.fitting([0.02, 0.38], axis: .init(label: "y"))
        #expect(axis.tickLabels == ["0.0", "0.1", "0.2", "0.3", "0.4"])
    }

    @Test func constantSeriesSitsMidAxis() {
        let axis = AxisScale.fitting([1.5, 1.5, 1.5], axis: .init(label: "y"))
        // ±10% gives 1.35...1.65, widened to 0.1 steps: 1.3...1.7, so 1.5 is the middle.
        #expect(abs(axis.lower - 1.3) < 1e-12 && abs(axis.upper - 1.7) < 1e-12)
        #expect(abs(axis.fraction(of: 1.5) - 0.5) < 1e-12)
        let zero = AxisScale.fitting([0, 0], axis: .init(label: "y"))
        #expect(zero.lower == -1 && zero.upper == 1)
    }

    @Test func emptyAndNonFiniteData() {
        let empty = AxisScale.fitting([], axis: .init(label: "y"))
        #expect(empty.lower == 0 && empty.upper == 1)
        let onlyNaN = AxisScale.fitting([.nan, .infinity, -.infinity], axis: .init(label: "y"))
        #expect(onlyNaN.lower == 0 && onlyNaN.upper == 1)
        let log = AxisScale.fitting([], axis: .init(label: "y", scale: .logarithmic))
        #expect(log.lower == 1 && log.upper == 10)
        let withNaN = AxisScale.fitting([2, .nan, 8], axis: .init(label: "y"))
        #expect(withNaN.lower == 2 && withNaN.upper == 8)
    }

    @Test func logAxisTicksAtOneTwoFive() {
        let axis = AxisScale.fitting([1.1, 12], axis: .init(label: "BF", scale: .logarithmic))
        #expect(axis.lower == 1 && axis.upper == 20)
        #expect(axis.tickLabels == ["1", "2", "5", "10", "20"])
        // log10(10) is halfway between log10(1) and log10(100).
        let decade = AxisScale.fitting([1, 100], axis: .init(label: "BF", scale: .logarithmic))
        #expect(abs(decade.fraction(of: 10) - 0.5) < 1e-12)
    }

    @Test func logAxisIgnoresNonPositiveValues() {
        let axis = AxisScale.fitting([-3, 0, 2, 50], axis: .init(label: "BF", scale: .logarithmic))
        #expect(axis.lower == 2 && axis.upper == 50)
        #expect(!axis.canPlace(0) && !axis.canPlace(-1) && axis.canPlace(3))
    }

    @Test func narrowLogAxisFallsBackToLinearTicks() {
        let axis = AxisScale.fitting([1.1, 1.5], axis: .init(label: "BF", scale: .logarithmic))
        #expect(axis.scale == .logarithmic)
        #expect(axis.tickLabels == ["1.1", "1.2", "1.3", "1.4", "1.5"])
    }

    @Test func manyDecadesTickAtPowersOfTenOnly() {
        let axis = AxisScale.fitting([0.003, 2_000_000], axis: .init(label: "y", scale: .logarithmic))
        #expect(abs(axis.lower - 0.001) < 1e-15 && abs(axis.upper - 10_000_000) < 1e-6)
        #expect(axis.tickLabels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000", "100000", "1000000", "10000000"])
    }

    @Test func fixedRangeIsKeptAndTickedInside() {
        let axis = AxisScale.fitting([150], axis: .init(label: "%", range: 0...100))
        #expect(axis.lower == 0 && axis.upper == 100)
        #expect(axis.tickLabels == ["0", "20", "40", "60", "80", "100"])
        #expect(axis.fraction(of: 150) == 1.5)
    }

    @Test func integerTicksNeverFallBetweenWholeNumbers() {
        let axis = AxisScale.fitting([0, 2], axis: .init(label: "position", integerTicks: true))
        #expect(axis.tickLabels == ["0", "1", "2"])
    }
}
