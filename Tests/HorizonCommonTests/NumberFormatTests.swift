import HorizonCommon
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (1.23456, 3, "1.235"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.0004, 3, "0.000"), (-0.0004, 3, "0.000"),
        (12, 2, "12.00"), (0.05, 1, "0.1"), (-1.25, 1, "-1.3"), (123_456.789, 1, "123456.8"), (0.007, 2, "0.01"),
    ])
    func fixedRoundsHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test func nonFiniteAndAbsentValuesPrintAsUnavailable() {
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "n/a")
        #expect(NumberFormat.fixed(.infinity, decimals: 2) == "n/a")
        #expect(NumberFormat.bf(nil) == "n/a")
        #expect(NumberFormat.percent(nil) == "n/a")
        #expect(NumberFormat.percent(.nan) == "n/a")
        #expect(NumberFormat.length(nil) == "n/a")
        #expect(NumberFormat.signed(nil) == "n/a")
        #expect(NumberFormat.signedPercent(.infinity) == "n/a")
    }

    @Test func branchingFactorHasThreeDecimals() {
        #expect(NumberFormat.bf(1.2) == "1.200")
        #expect(NumberFormat.bf(18.4567) == "18.457")
    }

    @Test func percentagesHaveOneDecimalAndTinySharesStayVisible() {
        #expect(NumberFormat.percent(0.8333) == "83.3%")
        #expect(NumberFormat.percent(1) == "100.0%")
        #expect(NumberFormat.percent(0) == "0.0%")
        #expect(NumberFormat.percent(0.0001) == "<0.1%")
    }

    @Test func percentagePointsCarryASign() {
        #expect(NumberFormat.percentagePoints(0.2) == "+20.0 pp")
        #expect(NumberFormat.percentagePoints(-0.025) == "-2.5 pp")
        #expect(NumberFormat.percentagePoints(0) == "0.0 pp")
    }

    @Test func ratiosLengthsAndLevels() {
        #expect(NumberFormat.ratio(2.52 / 1.2) == "2.1×")
        #expect(NumberFormat.length(412) == "412")
        #expect(NumberFormat.length(412.5) == "412.5")
        #expect(NumberFormat.level(0.95) == "95%")
        #expect(NumberFormat.level(0.995) == "99.5%")
    }

    @Test func intervalsUseTheValuesFormat() {
        #expect(NumberFormat.interval(lower: 0.7, upper: 0.9, format: NumberFormat.percent) == "[70.0%, 90.0%]")
        #expect(NumberFormat.interval(lower: 1.2, upper: 1.3) == "[1.200, 1.300]")
    }

    @Test(arguments: [
        (0.25, "+0.250"), (-0.01, "-0.010"), (0.0, "0.000"), (-0.0001, "0.000"), (0.0005, "+0.001"), (12.3456, "+12.346"),
    ])
    func changesCarryASign(value: Double, expected: String) {
        #expect(NumberFormat.signed(value) == expected)
    }

    @Test(arguments: [(0.2, "+20.0%"), (-0.025, "-2.5%"), (0.0, "0.0%"), (-0.0001, "0.0%"), (1.5, "+150.0%")])
    func relativeChangesAreSignedPercentages(share: Double, expected: String) {
        #expect(NumberFormat.signedPercent(share) == expected)
    }

    /// What a person typed comes back as typed, without binary noise: 0.025 × 100 is
    /// 2.5000000000000004 in binary floating point.
    @Test(arguments: [
        (10.0, "10"), (0.02, "0.02"), (0.025 * 100, "2.5"), (0.1 + 0.2, "0.3"), (-3.0, "-3"), (0.0, "0"),
        (123456.75, "123456.75"), (1e-5, "0.00001"), (0.95, "0.95"), (1_234_567_890_123.0, "1234567890123"),
        (1.0 / 3.0, "0.3333333333"), (2.0 / 3.0, "0.6666666667"),
    ])
    func typedValuesKeepTheirShortestForm(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test func nonFiniteTypedValuesSayWhatTheyAre() {
        #expect(NumberFormat.compact(.nan) == "nan")
        #expect(NumberFormat.compact(.infinity) == "inf")
        #expect(NumberFormat.compact(-.infinity) == "-inf")
    }
}

@Suite struct ProgressNumberFormatTests {
    @Test(arguments: [(0.0, "0s"), (45.4, "45s"), (59.6, "1m00s"), (252, "4m12s"), (7500, "2h05m"), (-3, "0s")])
    func durationsReadToTheSecond(seconds: Double, expected: String) {
        #expect(NumberFormat.duration(seconds: seconds) == expected)
    }

    @Test(arguments: [(0, "0 B"), (999, "999 B"), (1500, "1.5 kB"), (12_345_678, "12.3 MB"), (1_250_000_000, "1.25 GB")])
    func sizesUseDecimalUnits(count: Int, expected: String) {
        #expect(NumberFormat.bytes(count) == expected)
    }
}
