import HorizonCommon
import Foundation
import HorizonStability
import Testing
@testable import HorizonReport

/// What the report shows about the estimators: where `auto` switches the cumulative curve, and
/// the entropy-vs-NLL gap per segment.
@Suite struct EstimatorReportTests {
    @Test func cumulativeChartMarksTheEstimatorSwitch() throws {
        var analysis = AnalysisFixtures.base()
        analysis.curves.cumulativeNLLFrom = 5
        let report = try ReportWriter.render(analyses: [analysis], options: ReportOptions())
        let file = try #require(report.charts.first { $0.fileName == "bf-cumulative.svg" })
        #expect(file.chart.markers == [ChartMarker(x: 5, label: "entropy → NLL")])
        let tree = try XMLTree(file.chart.svg())
        let marker = try #require(tree.all("line", class: "marker").first)
        // Drawn at the x of the curve's point at position 5, across the whole plot height.
        let point = try #require(tree.all("polyline", class: "line").first?.points[5])
        #expect(marker.attributes["x1"] == marker.attributes["x2"])
        #expect(abs(Double(marker.attributes["x1"]!)! - point.x) < 0.01)
        #expect(Double(marker.attributes["y1"]!)! == file.chart.plotArea.minY)
        #expect(Double(marker.attributes["y2"]!)! == file.chart.plotArea.maxY)
        #expect(report.markdown.contains("averages entropy up to position 5 and NLL after it"))
        // The windowed chart and an analysis that never switches draw no marker.
        #expect(try #require(report.charts.first { $0.fileName == "bf-windowed.svg" }).chart.markers.isEmpty)
        let plain = try ReportWriter.render(analyses: [AnalysisFixtures.base()], options: ReportOptions())
        #expect(try #require(plain.charts.first { $0.fileName == "bf-cumulative.svg" }).chart.markers.isEmpty)
        #expect(!plain.markdown.contains("averages entropy up to position"))
    }

    @Test func entropyVersusNLLTableFlagsAGapOverTenPercent() throws {
        var analysis = AnalysisFixtures.base()
        analysis.estimatorGap = EstimatorGapSummary(
            overall: EstimatorGap(entropyBF: 2, nllBF: 2.5), thinking: EstimatorGap(entropyBF: 4, nllBF: 4.2))
        let report = try ReportWriter.render(analyses: [analysis], options: ReportOptions())
        let section = try #require(MarkdownReading.section(report.markdown, "Branching Factor per segment"))
        let coverage = try #require(section.components(separatedBy: "### Entropy vs NLL (coverage)").last)
        #expect(MarkdownReading.row(coverage, "Overall") == ["entropy 2.000, NLL 2.500 (+25.0%) ⚠"])
        #expect(MarkdownReading.row(coverage, "Thinking") == ["entropy 4.000, NLL 4.200 (+5.0%)"])
        #expect(MarkdownReading.row(coverage, "Answer") == [NumberFormat.unavailable])
        #expect(coverage.contains("top-p ≤ 0.95"))
    }
}

/// The reproduce block gives back what analyze decided.
@Suite struct ReproduceSettingsTests {
    func analyzeCommand(_ settings: (inout AnalysisSettings) -> Void) throws -> String {
        var analysis = AnalysisFixtures.base()
        settings(&analysis.settings)
        let report = try ReportWriter.render(analyses: [analysis], options: ReportOptions())
        let section = try #require(MarkdownReading.section(report.markdown, "Settings"))
        return try #require(section.split(separator: "\n").first { $0.hasPrefix("horizon analyze") }.map(String.init))
    }

    @Test func truncationFromTheTracesIsLeftToTheTraces() throws {
        for source in ["traces", "mixed", "default"] {
            let command = try analyzeCommand { $0.settingsSource = source }
            #expect(!command.contains("--top-p") && !command.contains("--min-p"), "\(source): \(command)")
        }
        #expect(try analyzeCommand { $0.settingsSource = "option" }.contains("--top-p 0.9"))
    }

    @Test func heuristicSpansAreAskedForAgain() throws {
        #expect(try analyzeCommand { $0.heuristicSpans = true }.contains(" --heuristic-spans "))
        #expect(try !analyzeCommand { $0.heuristicSpans = false }.contains("--heuristic-spans"))
    }
}

/// A run whose outputs had no thinking markers has no thinking or answer BF: the report says
/// why, and compares the runs on what both have.
@Suite struct UnmarkedSpansReportTests {
    @Test func summaryComparesOnlySegmentsBothRunsHave() throws {
        var base = AnalysisFixtures.base()
        base.bf.thinking = nil
        base.bf.thinkingCI = nil
        base.bf.answer = nil
        base.bf.answerCI = nil
        base.warnings.append(AnalysisWarning(kind: "no_thinking_markers", message: "10 of 10 traces have no thinking markers"))
        let report = try ReportWriter.render(analyses: [base, AnalysisFixtures.sharpened()], options: ReportOptions())
        let summary = try #require(MarkdownReading.section(report.markdown, "Summary"))
        #expect(MarkdownReading.row(summary, "BF thinking")?.first == "n/a (no thinking markers)")
        #expect(MarkdownReading.row(summary, "BF answer")?.first == "n/a (no thinking markers)")
        // The comparison in words leads with the overall BF and never names thinking or answer.
        let comparison = try #require(summary.split(separator: "\n").first { $0.contains("'s overall BF is") })
        #expect(!comparison.contains("thinking") && !comparison.contains("answer"))
        let segments = try #require(MarkdownReading.section(report.markdown, "Branching Factor per segment"))
        #expect(MarkdownReading.row(segments, "Thinking")?.first == "n/a (no thinking markers)")
    }
}
