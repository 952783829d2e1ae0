import HorizonCommon
import Foundation
import HorizonStability
import HorizonTestSupport
import Testing
@testable import HorizonReport

/// The report for hand-built analyses: the numbers it prints (computed by hand from the
/// fixtures), its files, its charts, and what happens when data are missing or hostile.
@Suite struct ReportWriterTests {
    typealias Reading = MarkdownReading

    func render(_ analyses: [Analysis], options: ReportOptions = ReportOptions()) throws -> RenderedReport {
        try ReportWriter.render(analyses: analyses, options: options)
    }

    func chart(_ report: RenderedReport, _ name: String) throws -> ChartFile {
        try #require(report.charts.first { $0.fileName == name }, "no chart \(name)")
    }

    func expectClose(_ actual: (x: Double, y: Double), _ expected: (x: Double, y: Double), sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(abs(actual.x - expected.x) <= 0.006 && abs(actual.y - expected.y) <= 0.006,
                "\(actual) is not \(expected)", sourceLocation: sourceLocation)
    }

    // MARK: Files

    @Test func writesTheReportAndEveryChartItReferences() throws {
        let directory = try SharedData.temporaryDirectory("horizon-report").appendingPathComponent("nested/out")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent()) }
        let files = try ReportWriter.write(analyses: [AnalysisFixtures.base(), AnalysisFixtures.sharpened()], to: directory)
        #expect(files.report == directory.appendingPathComponent("report.md"))
        let markdown = try String(contentsOf: files.report, encoding: .utf8)
        #expect(files.charts.map(\.lastPathComponent) == [
            "bf-windowed.svg", "bf-windowed-thinking.svg", "bf-windowed-answer.svg",
            "bf-cumulative.svg", "bf-cumulative-thinking.svg", "bf-cumulative-answer.svg",
            "length-vs-stability.svg", "probe-truncation.svg", "probe-truncation-bf.svg",
        ])
        for url in files.charts {
            #expect(markdown.contains("](\(url.lastPathComponent))"))
            let tree = try XMLTree(try String(contentsOf: url, encoding: .utf8))
            #expect(tree.elements.first?.name == "svg")
        }
        // Every image the report shows was written.
        let referenced = markdown.split(separator: "\n").filter { $0.hasPrefix("![") }
        #expect(referenced.count == files.charts.count)
        #expect(markdown.contains("horizon report base.analysis.json sharpened.analysis.json --out REPORT_DIR"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let directory = try SharedData.temporaryDirectory("horizon-report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let analyses = [AnalysisFixtures.base(), AnalysisFixtures.sharpened()]
        let first = try ReportWriter.write(analyses: analyses, to: directory)
        let before = try ([first.report] + first.charts).map { try Data(contentsOf: $0) }
        let second = try ReportWriter.write(analyses: analyses, to: directory)
        let after = try ([second.report] + second.charts).map { try Data(contentsOf: $0) }
        #expect(before == after)
        #expect(try render(analyses) == render(analyses))
    }

    @Test func noAnalysesIsAnError() {
        #expect(throws: ReportError(.noAnalyses)) { try ReportWriter.render(analyses: []) }
    }

    @Test func unwritableFolderIsAnErrorNamingIt() throws {
        let directory = try SharedData.temporaryDirectory("horizon-report")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let error = try #require(throws: ReportError.self) {
            try ReportWriter.write(analyses: [AnalysisFixtures.base()], to: file.appendingPathComponent("report"))
        }
        guard case .cannotCreateDirectory = error.reason else {
            Issue.record("unexpected reason \(error.reason)")
            return
        }
        #expect(error.description.hasPrefix(file.appendingPathComponent("report").path))
    }

    // MARK: Side by side

    @Test func summaryComparesSharpenedWithBaseInWords() throws {
        let markdown = try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]).markdown
        let summary = try #require(Reading.section(markdown, "Summary"))
        #expect(markdown.hasPrefix("# Horizon report: base vs sharpened\n"))
        // 2.520 / 1.200 = 2.1; the intervals [2.30, 2.75] and [1.15, 1.26] are disjoint.
        #expect(summary.contains("**sharpened**'s thinking BF is 2.1× lower than **base**'s (1.200 vs 2.520; intervals do not overlap)."))
        // 2.340 / 1.300 = 1.8; 1.155 / 1.050 = 1.1 with [1.10, 1.21] and [1.00, 1.12] overlapping.
        #expect(summary.contains("Overall it is 1.8× lower (1.300 vs 2.340; intervals do not overlap) and in the answer it is 1.1× lower (1.050 vs 1.155; intervals overlap)."))
        #expect(summary.contains("Its accuracy is 80.0% against 60.0% (+20.0 pp) and agreement is 90.0% against 70.0% (+20.0 pp)."))
    }

    @Test func summaryTableHasAColumnPerAnalysis() throws {
        let summary = try #require(Reading.section(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]).markdown, "Summary"))
        #expect(Reading.row(summary, "Metric") == ["base", "sharpened"])
        #expect(Reading.row(summary, "Model") == ["toy-base-1b", "toy-sharpened-1b"])
        #expect(Reading.row(summary, "Traces / problems") == ["40 / 4", "40 / 4"])
        #expect(Reading.row(summary, "BF overall") == ["2.340 [2.100, 2.600]", "1.300 [1.250, 1.360]"])
        #expect(Reading.row(summary, "BF thinking") == ["2.520 [2.300, 2.750]", "1.200 [1.150, 1.260]"])
        #expect(Reading.row(summary, "BF answer") == ["1.155 [1.100, 1.210]", "1.050 [1.000, 1.120]"])
        #expect(Reading.row(summary, "BF@1 (first token)") == ["2.530 [2.400, 2.700]", "1.770 [1.600, 1.900]"])
        #expect(Reading.row(summary, "Accuracy") == ["60.0% [45.0%, 75.0%]", "80.0% [70.0%, 90.0%]"])
        #expect(Reading.row(summary, "Agreement with modal answer") == ["70.0% [60.0%, 80.0%]", "90.0% [85.0%, 95.0%]"])
        #expect(Reading.row(summary, "Answer entropy (nats)") == ["0.693 [0.500, 0.900]", "0.693 [0.500, 0.900]"])
        #expect(Reading.row(summary, "Mean thinking length") == ["460 tokens", "460 tokens"])
        #expect(Reading.row(summary, "Thinking never closed") == ["2 of 40 traces", "2 of 40 traces"])
    }

    @Test func segmentTableShowsRatiosToTheFirstAnalysis() throws {
        let segments = try #require(Reading.section(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]).markdown, "Branching Factor per segment"))
        #expect(Reading.row(segments, "Segment") == ["base", "sharpened", "base ÷ sharpened"])
        #expect(Reading.row(segments, "Thinking") == ["2.520 [2.300, 2.750]", "1.200 [1.150, 1.260]", "2.1×"])
        #expect(Reading.row(segments, "Overall")?.last == "1.8×")
        // 2.53 / 1.77 = 1.43.
        #expect(Reading.row(segments, "First token (BF@1)")?.last == "1.4×")
        #expect(Reading.row(segments, "Estimator") == ["nll (requested auto)", "nll (requested auto)", ""])
        // Missing mass: mean 0.021 and max 0.15 of the thinking span.
        #expect(Reading.row(segments, "Thinking")?.count == 3)
        #expect(Reading.tableRows(segments).contains(["Thinking", "mean 2.1%, max 15.0%", "mean 2.1%, max 15.0%"]))
    }

    @Test func duplicateLabelsAreToldApart() throws {
        let summary = try #require(Reading.section(try render([AnalysisFixtures.base(), AnalysisFixtures.base()]).markdown, "Summary"))
        #expect(Reading.row(summary, "Metric") == ["base", "base (2)"])
    }

    @Test func differentSettingsAndProblemSetsAreFlagged() throws {
        var other = AnalysisFixtures.sharpened()
        other.settings.truncationValue = 0.95
        other.settings.problemSetDigest = "0000"
        let markdown = try render([AnalysisFixtures.base(), other]).markdown
        let summary = try #require(Reading.section(markdown, "Summary"))
        #expect(summary.contains("The analyses cover different problem sets"))
        #expect(summary.contains("Their settings differ (`truncation_value`, `problem_set_digest`)"))
        let settings = try #require(Reading.section(markdown, "Settings"))
        #expect(Reading.row(settings, "⚠ truncation\\_value") == ["0.9", "0.95"])
        #expect(Reading.row(settings, "window") == ["5", "5"])
        #expect(settings.contains("--top-p 0.95"))
    }

    // MARK: Charts

    @Test func windowedChartOverlaysOneSeriesPerAnalysis() throws {
        let report = try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()])
        let file = try chart(report, "bf-windowed.svg")
        #expect(file.chart.series.map(\.name) == ["base", "sharpened"])
        #expect(file.chart.yAxis.scale == .logarithmic)  // 12 / 1.1 spans more than a factor of 5
        let tree = try XMLTree(file.chart.svg())
        let lines = tree.all("polyline", class: "line")
        #expect(lines.map(\.points.count) == [10, 10])
        // Positions 0...45 widen to 0...50 (steps of 10); BF 1.1...12 on a log axis widens to the
        // 1-2-5 ticks 1...20. Base's third window starts at token 10 with BF 7.
        let plot = file.chart.plotArea
        expectClose(lines[0].points[2], (plot.minX + plot.width * 10 / 50, plot.maxY - plot.height * log10(7) / log10(20)))
        // Sharpened's first window: position 0, BF 1.6.
        expectClose(lines[1].points[0], (plot.minX, plot.maxY - plot.height * log10(1.6) / log10(20)))
        #expect(tree.all("g", class: "legend").count == 1)
    }

    @Test func lengthChartPlotsBinMidpointsAsPercentages() throws {
        let file = try chart(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]), "length-vs-stability.svg")
        #expect(file.chart.series.map(\.name) == ["base agreement", "base accuracy", "sharpened agreement", "sharpened accuracy"])
        let lines = try XMLTree(file.chart.svg()).all("polyline", class: "line")
        #expect(lines.map(\.points.count) == [4, 4, 4, 4])
        // Midpoints run from 140 (sharpened) to 800 (base), widened to 0...800; y is 0...100%.
        // Base's first bin, 100–300 tokens, has 90% agreement.
        let plot = file.chart.plotArea
        expectClose(lines[0].points[0], (plot.minX + plot.width * 200 / 800, plot.maxY - plot.height * 0.9))
    }

    @Test func truncationChartHasIntervalBands() throws {
        let file = try chart(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]), "probe-truncation.svg")
        let tree = try XMLTree(file.chart.svg())
        #expect(tree.all("polygon", class: "band").count == 4)
        let plot = file.chart.plotArea
        // Base agreement at 25% of thinking is 50% with interval [40%, 60%]; x runs 0...100%.
        let line = tree.all("polyline", class: "line")[0].points
        expectClose(line[0], (plot.minX + plot.width * 0.25, plot.maxY - plot.height * 0.5))
        let band = tree.all("polygon", class: "band")[0].points
        #expect(band.count == 6)
        expectClose(band[0], (plot.minX + plot.width * 0.25, plot.maxY - plot.height * 0.6))
        expectClose(band[5], (plot.minX + plot.width * 0.25, plot.maxY - plot.height * 0.4))
    }

    // MARK: Sections

    @Test func answerStabilityTables() throws {
        let options = ReportOptions(unstableProblems: 2, clustersPerProblem: 2)
        let answers = try #require(Reading.section(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()], options: options).markdown, "Answer stability"))
        #expect(Reading.row(answers, "Accuracy") == ["60.0% [45.0%, 75.0%]", "80.0% [70.0%, 90.0%]"])
        #expect(Reading.row(answers, "maj@1") == ["60.0% [45.0%, 75.0%]", "60.0% [45.0%, 75.0%]"])
        #expect(Reading.row(answers, "pass@4") == ["85.0%", "85.0%"])
        #expect(Reading.row(answers, "G-Pass@4 (τ = 0.5)") == ["55.0%", "55.0%"])
        #expect(Reading.row(answers, "K = 16") == ["9.1 pp", "9.1 pp"])
        // Least stable: counting-4 and number-theory-3 both agree 50%; counting-4's answer
        // entropy (1.0) is higher, so it comes first. Two of its four clusters are shown.
        let rows = Reading.tableRows(answers).filter { $0.count == 6 && $0[0] != "Problem" && !$0[0].hasPrefix("-") }
        let baseRows = Array(rows.prefix(6))
        #expect(baseRows[0] == ["counting-4", "12", "50.0%", "12", "5", "yes"])
        #expect(baseRows[1] == ["", "", "", "10", "2", "no"])
        #expect(baseRows[2] == ["", "", "", "*2 more clusters*", "3", ""])
        #expect(baseRows[3] == ["number-theory-3", "7", "50.0%", "5", "5", "no"])
        #expect(!answers.contains("algebra-1"))
    }

    @Test func lengthAndProbeTables() throws {
        let markdown = try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]).markdown
        let length = try #require(Reading.section(markdown, "Thinking length vs stability"))
        #expect(Reading.row(length, "Correctness") == ["ρ = -0.420 [-0.600, -0.200], n = 40", "ρ = -0.150 [-0.400, 0.100], n = 40"])
        #expect(Reading.row(length, "100–300") == ["10", "80.0%", "90.0%", "1.100"])
        let probes = try #require(Reading.section(markdown, "Truncation probes"))
        #expect(Reading.row(probes, "25.0% of thinking") == [
            "115", "40", "4", "50.0% [40.0%, 60.0%]", "40.0% [30.0%, 50.0%]", "1.400 [1.300, 1.500]", "35",
        ])
        #expect(Reading.row(probes, "25") == ["40", "4", "1.800", "62.0%", "72.0%"])
    }

    @Test("tokens to first correct and the consistency stop rule under the truncation probes")
    func probeBehaviourTables() throws {
        var base = AnalysisFixtures.base()
        base.probes?.firstCorrect = FirstCorrectSummary(
            samples: 40, problems: 4, reached: 30, never: 10, reachedShare: 0.75, reachedShareCI: AnalysisFixtures.interval(0.6, 0.9),
            tokens: 120, tokensCI: AnalysisFixtures.interval(100, 140), efficiency: 0.26, efficiencyCI: AnalysisFixtures.interval(0.2, 0.3), thinkingTokens: 460)
        base.probes?.consistencyStop = ConsistencyStopSummary(k: 3, rows: [
            ConsistencyStopRow(k: 2, samples: 40, problems: 4, stopped: 31, accuracyFull: 0.6, accuracyStopped: 0.45,
                               accuracyChange: -0.15, accuracyChangeCI: AnalysisFixtures.interval(-0.25, -0.05), agreementWithFull: 0.7,
                               tokensSavedShare: 0.41, tokensSavedShareCI: AnalysisFixtures.interval(0.35, 0.47), probeTokensShare: 0.03),
            ConsistencyStopRow(k: 3, samples: 40, problems: 4, stopped: 25, accuracyFull: 0.6, accuracyStopped: 0.55,
                               accuracyChange: -0.05, accuracyChangeCI: AnalysisFixtures.interval(-0.1, 0), agreementWithFull: 0.9,
                               tokensSavedShare: 0.29, tokensSavedShareCI: AnalysisFixtures.interval(0.25, 0.33), probeTokensShare: 0.04),
        ])
        let markdown = try render([base, AnalysisFixtures.sharpened()]).markdown
        let probes = try #require(Reading.section(markdown, "Truncation probes"))
        #expect(Reading.row(probes, "base") == ["40", "30 (75.0% [60.0%, 90.0%])", "10", "120 [100, 140]", "26.0% [20.0%, 30.0%]", "460"])
        #expect(Reading.row(probes, "sharpened")?.allSatisfy { $0.hasPrefix("n/a") } == true)
        #expect(probes.contains("At K = 3: 29.0% [25.0%, 33.0%] of the thinking saved, accuracy 60.0% → 55.0% (-5.0 pp [-10.0 pp, 0.0 pp], within noise of equal accuracy)."))
        #expect(Reading.row(probes, "**3**") == ["40", "25", "60.0%", "55.0%", "-5.0 pp [-10.0 pp, 0.0 pp]", "90.0%", "29.0% [25.0%, 33.0%]", "4.0%"])
        #expect(Reading.row(probes, "2") == ["40", "31", "60.0%", "45.0%", "-15.0 pp [-25.0 pp, -5.0 pp]", "70.0%", "41.0% [35.0%, 47.0%]", "3.0%"])
        #expect(probes.contains("No probed trace that the traces also hold."))
    }

    @Test func perProblemTableShowsBothEndsWhenCapped() throws {
        let options = ReportOptions(problemRows: 1)
        let problems = try #require(Reading.section(try render([AnalysisFixtures.base()], options: options).markdown, "Per-problem results"))
        let names = Reading.tableRows(problems).dropFirst(2).map { $0[0] }
        #expect(names == ["algebra-1", "*… 2 problems in between*", "counting-4"])
        #expect(Reading.row(problems, "algebra-1") == ["10", "1.500", "1.600", "1.050", "280", "100.0%", "100.0%", "42", "42"])
        let all = try #require(Reading.section(try render([AnalysisFixtures.base()]).markdown, "Per-problem results"))
        #expect(Reading.tableRows(all).dropFirst(2).map { $0[0] } == ["algebra-1", "geometry-2", "number-theory-3", "counting-4"])
    }

    @Test func warningsAndDataQuality() throws {
        let warnings = try #require(Reading.section(try render([AnalysisFixtures.base(), AnalysisFixtures.sharpened()]).markdown, "Warnings and data quality"))
        #expect(warnings.contains("- base: **truncated\\_thinking**: 2 traces never closed their thinking; their answer span is empty"))
        #expect(warnings.contains("- sharpened: no warnings."))
        // 60 of 20000 tokens is 0.3%.
        #expect(Reading.row(warnings, "Low-coverage tokens (top-k mass below top-p)") == ["60 of 20000 tokens (0.3%)", "60 of 20000 tokens (0.3%)"])
        #expect(Reading.row(warnings, "Sampled token not in its top-k list") == ["3", "3"])
    }

    @Test func settingsListEveryFieldAndHowToReproduce() throws {
        let options = ReportOptions(analysisFiles: ["runs/base.json"])
        let settings = try #require(Reading.section(try render([AnalysisFixtures.base()], options: options).markdown, "Settings"))
        let keys = Reading.tableRows(settings).dropFirst(2).map { $0[0] }
        #expect(keys == [
            "label", "model", "horizon\\_version", "schema", "inputs", "settings\\_source", "profile", "end\\_marker", "truncation", "truncation\\_value",
            "estimator", "reference\\_compat", "window", "bootstrap\\_resamples", "confidence", "seed", "problem\\_set\\_digest",
        ])
        #expect(Reading.row(settings, "inputs") == ["traces/base.jsonl (123456 bytes)"])
        #expect(Reading.row(settings, "settings\\_source") == [NumberFormat.unavailable])  // a version 1 file has none
        #expect(settings.contains("""
            ```sh
            horizon analyze traces/base.jsonl --label base --profile auto --end-marker first --top-p 0.9 --estimator auto --window 5 --bootstrap-resamples 1000 --confidence 0.95 --seed 0 --json runs/base.json
            horizon report runs/base.json --out REPORT_DIR
            ```
            """))
    }

    @Test("an analysis that recorded its command is reproduced by it, as typed, plus --json when it wrote to stdout")
    func reproduceRecordedCommand() throws {
        var typed = AnalysisFixtures.base()
        typed.commandLine = ["horizon", "analyze", "runs/a b.jsonl", "--probes", "probes.jsonl", "--json", "out/a.json"]
        var redirected = AnalysisFixtures.sharpened()
        redirected.commandLine = ["horizon", "analyze", "runs/s.jsonl", "--top-p", "1"]
        let options = ReportOptions(title: "A vs S", analysisFiles: ["out/a.json", "out/s.json"], reportDirectory: "reports/ab")
        let settings = try #require(Reading.section(try render([typed, redirected], options: options).markdown, "Settings"))
        #expect(settings.contains("""
            ```sh
            horizon analyze 'runs/a b.jsonl' --probes probes.jsonl --json out/a.json
            horizon analyze runs/s.jsonl --top-p 1 --json out/s.json
            horizon report out/a.json out/s.json --title 'A vs S' --out reports/ab
            ```
            """))
    }

    // MARK: Missing data

    @Test func withoutLogProbsBranchingFactorSectionsSayWhy() throws {
        let report = try render([AnalysisFixtures.noLogProbs()])
        let markdown = report.markdown
        #expect(report.charts.map(\.fileName) == ["length-vs-stability.svg"])
        let summary = try #require(Reading.section(markdown, "Summary"))
        #expect(summary.contains("Its Branching Factor is not available (no log-probs)."))
        #expect(Reading.row(summary, "BF overall") == ["n/a (no log-probs)"])
        #expect(Reading.row(summary, "BF@1 (first token)") == nil)
        #expect(Reading.row(summary, "Mean thinking length") == ["1800 characters"])
        #expect(Reading.section(markdown, "Branching Factor per segment")?.contains("Not available (no log-probs)") == true)
        #expect(Reading.section(markdown, "Branching Factor over output position")?.contains("Not available (no log-probs).") == true)
        #expect(Reading.section(markdown, "Truncation probes")?.contains("Not available (the traces hold no truncation or resampling probes).") == true)
        let problems = try #require(Reading.section(markdown, "Per-problem results"))
        #expect(problems.contains("Ordered by agreement, least stable first (BF not available: no log-probs)."))
        #expect(Reading.tableRows(problems).dropFirst(2).map { $0[0] } == ["number-theory-3", "counting-4", "geometry-2", "algebra-1"])
        // Answer metrics do not need log-probs.
        #expect(Reading.row(summary, "Accuracy") == ["60.0% [45.0%, 75.0%]"])
    }

    @Test func withoutGoldAnswersAccuracySectionsSayWhy() throws {
        let markdown = try render([AnalysisFixtures.noGold()]).markdown
        let summary = try #require(Reading.section(markdown, "Summary"))
        #expect(summary.contains("Accuracy is not available (no gold answers)"))
        #expect(Reading.row(summary, "Accuracy") == ["n/a (no gold answers)"])
        #expect(Reading.row(summary, "Agreement with modal answer") == ["70.0% [60.0%, 80.0%]"])
        let answers = try #require(Reading.section(markdown, "Answer stability"))
        #expect(answers.contains("### maj@k, pass@k and G-Pass@k\n\nNot available (no gold answers)."))
        #expect(answers.contains("### Answer variability\n\nNot available (no gold answers)."))
        #expect(Reading.row(answers, "counting-4") == ["n/a", "50.0%", "12", "5", "n/a"])
        #expect(Reading.section(markdown, "Thinking length vs stability")?.contains("Not available (needs traces with a thinking span and extracted answers).") == true)
    }

    @Test func sideBySideWithAMissingMetricComparesWhatItCan() throws {
        let markdown = try render([AnalysisFixtures.base(), AnalysisFixtures.noLogProbs(), AnalysisFixtures.noGold()]).markdown
        let summary = try #require(Reading.section(markdown, "Summary"))
        #expect(summary.contains("Branching Factors cannot be compared (**api-model**: no log-probs)."))
        #expect(summary.contains("Its accuracy cannot be compared (**no-gold**: no gold answers)"))
        #expect(Reading.row(summary, "BF overall") == ["2.340 [2.100, 2.600]", "n/a (no log-probs)", "2.340 [2.100, 2.600]"])
        let curves = try #require(Reading.section(markdown, "Branching Factor over output position"))
        #expect(curves.contains("No curve for api-model (no log-probs)."))
    }

    // MARK: Hostile text

    @Test func hostileModelTextIsEscapedEverywhere() throws {
        let report = try render([AnalysisFixtures.base(), AnalysisFixtures.hostile()])
        let markdown = report.markdown
        // The reproduce block at the end quotes the label for the shell; code blocks show text
        // literally, so only the rest must be free of raw markup.
        let prose = try #require(markdown.components(separatedBy: "### How to reproduce").first)
        for raw in ["<script", "<img", "<b>", "[link](", "<label>", "<evil>", "<unexpected>"] {
            #expect(!prose.contains(raw), "raw \(raw) in the report")
        }
        #expect(markdown.contains("--label 'evil|<label>'"))
        // The only fence lines are the reproduce block's.
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("```") }.count == 2)
        let problems = try #require(Reading.section(markdown, "Per-problem results"))
        let escapedID = "p\\|1 \\`x\\` &lt;script&gt;alert(1)&lt;/script&gt;<br>\\`\\`\\`"
        let row = try #require(Reading.row(problems, escapedID))
        #expect(row.count == 9)
        #expect(row[7] == "\\$x\\$ \\| \\*y\\*<br>&lt;img src=x onerror=alert(1)&gt;")
        #expect(row[8] == "\\`\\`\\`<br>&lt;b&gt;bold&lt;/b&gt; &amp; \\[link\\](http://evil)")
        // Every row of every table keeps its column count.
        for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
            let cells = Reading.tableRows(String(line))[0]
            #expect(line.hasSuffix("|") && cells.count >= 2)
        }
        // In charts the label is XML-escaped and reads back unchanged.
        let legend = try XMLTree(try chart(report, "bf-windowed.svg").chart.svg()).all("text").map(\.text)
        #expect(legend.contains("evil|<label>"))
    }
}
