import HorizonStability
import Testing
@testable import HorizonReport

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
        #expect(NumberFormat.withInterval(nil, ConfidenceInterval(lower: 1, upper: 2), format: NumberFormat.bf) == "n/a")
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
        let interval = ConfidenceInterval(lower: 0.7, upper: 0.9)
        #expect(NumberFormat.withInterval(0.8, interval, format: NumberFormat.percent) == "80.0% [70.0%, 90.0%]")
        #expect(NumberFormat.withInterval(1.3, nil, format: NumberFormat.bf) == "1.300")
    }
}
