import Foundation
import HorizonStability
import Testing
@testable import HorizonReport

/// The "Thinking longer (budget forcing)" table and charts for hand-built rows, side by side
/// with a run without budget forcing; absent, with no chart, when no run has it.
@Suite struct BudgetForcingReportTests {
    typealias Reading = MarkdownReading

    static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval { ConfidenceInterval(lower: lower, upper: upper) }

    static let rows = [
        BudgetForcingPoint(waits: 0, samples: 8, problems: 4, accuracy: 0.5, accuracyCI: interval(0.25, 0.75)),
        BudgetForcingPoint(waits: 1, samples: 8, problems: 4, accuracy: 0.625, accuracyCI: interval(0.375, 0.875),
                           extensionTokens: 40.5, extensionBF: 1.5, extensionBFCI: interval(1.25, 1.75),
                           emptyExtensions: 1, lengthCapped: 2, rightToWrong: 1, wrongToRight: 2),
        BudgetForcingPoint(waits: 2, samples: 8, problems: 4, accuracy: 0.75,
                           extensionTokens: 81, extensionBF: 2, rightToWrong: 0, wrongToRight: 2),
    ]

    static func analyses() -> [Analysis] {
        var forced = AnalysisFixtures.base()
        forced.probes?.budgetForcing = rows
        return [forced, AnalysisFixtures.sharpened()]
    }

    @Test func tablePerRunAndCharts() throws {
        let report = try ReportWriter.render(analyses: Self.analyses())
        let probes = try #require(Reading.section(report.markdown, "Truncation probes"))
        let budget = try #require(probes.components(separatedBy: "### Thinking longer (budget forcing)").dropFirst().first)
        let runs = budget.components(separatedBy: "#### ")
        try #require(runs.count == 3, "\(budget)")
        #expect(Reading.row(runs[1], "0") == ["8", "4", "50.0% [25.0%, 75.0%]", "0", "–", "–", "–", "–"])
        #expect(Reading.row(runs[1], "1") == ["8", "4", "62.5% [37.5%, 87.5%]", "40.5", "1.500 [1.250, 1.750]", "1", "2", "1 / 2"])
        #expect(Reading.row(runs[1], "2")?[4] == "2.000")
        #expect(runs[2].contains("No budget-forcing probes."))

        let accuracy = try #require(report.charts.first { $0.fileName == "probe-budget-accuracy.svg" })
        #expect(accuracy.chart.series.count == 1)
        #expect(accuracy.chart.series[0].points.map { [$0.x, $0.y] } == [[0, 50], [1, 62.5], [2, 75]])
        #expect(accuracy.chart.series[0].points[0].lower == 25 && accuracy.chart.series[0].points[2].upper == nil)
        let bf = try #require(report.charts.first { $0.fileName == "probe-budget-bf.svg" })
        // No extension at 0 waits, so no point there.
        #expect(bf.chart.series[0].points.map { [$0.x, $0.y] } == [[1, 1.5], [2, 2]])
    }

    @Test func absentWithoutBudgetForcing() throws {
        let report = try ReportWriter.render(analyses: [AnalysisFixtures.base(), AnalysisFixtures.sharpened()])
        #expect(!report.markdown.contains("Thinking longer"))
        #expect(!report.charts.contains { $0.fileName.hasPrefix("probe-budget") })
    }
}
