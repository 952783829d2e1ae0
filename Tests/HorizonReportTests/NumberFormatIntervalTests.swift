import HorizonCommon
import HorizonReport
import HorizonStability
import Testing

@Suite struct NumberFormatIntervalTests {
    @Test func intervalsUseTheValuesFormat() {
        let interval = ConfidenceInterval(lower: 0.7, upper: 0.9)
        #expect(NumberFormat.withInterval(0.8, interval, format: NumberFormat.percent) == "80.0% [70.0%, 90.0%]")
        #expect(NumberFormat.withInterval(1.3, nil, format: NumberFormat.bf) == "1.300")
        #expect(NumberFormat.withInterval(nil, ConfidenceInterval(lower: 1, upper: 2), format: NumberFormat.bf) == "n/a")
    }
}
