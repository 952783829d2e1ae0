import Foundation
import HorizonStability
import Testing
@testable import HorizonReport

/// The confidence, forking-token and reflection sections for a hand-built analysis: the numbers
/// they print, the voting chart, and the token strip's SVG.
@Suite struct BehaviourReportTests {
    typealias Reading = MarkdownReading

    static func interval(_ lower: Double, _ upper: Double) -> ConfidenceInterval { ConfidenceInterval(lower: lower, upper: upper) }

    static func analysis() -> Analysis {
        var analysis = AnalysisFixtures.base()
        var confidence = ConfidenceSummary(window: 64, traces: 40, tokenMean: 11.5, lowestGroupMean: 8.25, tailMean: 12, bottom10Mean: 8.75)
        confidence.lowestGroupMeanCI = interval(8, 8.5)
        confidence.voting = ConfidenceVoting(
            problems: 4, majority: VoteAccuracy(accuracy: 0.5, ci: interval(0, 1)), weighted: VoteAccuracy(accuracy: 0.75),
            filtered: [
                FilteredVote(eta: 0.1, offline: VoteAccuracy(accuracy: 1), online: VoteAccuracy(accuracy: 0.75), tokensSaved: 0.375, tracesStopped: 0.5),
                FilteredVote(eta: 0.9, offline: VoteAccuracy(accuracy: 0.75), online: VoteAccuracy(accuracy: 0.5), tokensSaved: 0.0625, tracesStopped: 0.125),
            ])
        analysis.confidence = confidence
        var share = SegmentValues(overall: 0.2, thinking: 0.25, answer: 0.05)
        share.overallCI = interval(0.15, 0.25)
        let token = ForkingToken(problemID: "p|1", sample: 2, segment: "overall", position: 17, entropy: 2.5, token: " wait",
                                 before: "So the answer is", after: "\n", sampledProbability: 0.25, alternatives: [0.3, 0.25, 0.2])
        let strip = TokenStrip(problemID: "p|1", sample: 2, tokens: ["<think>", "Hmm", " ", "\n", "x", "</think>", "4"],
                               entropies: [0, 1, 2, 0.5, 3, 0, 0.25], thinking: [1, 5], answer: [6, 7], traceTokens: 1500)
        analysis.forks = ForkSummary(threshold: 0.75, thresholdSource: "run_p80", resolution: 1.0 / 1024, share: share,
                                     top: SegmentTokens(overall: [token]), strip: strip)
        var reflection = ReflectionSummary(markers: ["wait", "hmm", "alternatively"], perTrace: SegmentValues(overall: 1.5, thinking: 1.25, answer: 0.25),
                                           totals: [12, 3, 0])
        reflection.correct = GroupMean(mean: 0.5, ci: interval(0.25, 0.75), traces: 24)
        reflection.incorrect = GroupMean(mean: 2.5, traces: 16)
        reflection.lengthCorrelation = RankCorrelation(rho: 0.625, ci: interval(0.5, 0.75), samples: 40)
        analysis.reflection = reflection
        return analysis
    }

    @Test func confidenceTableVotesAndChart() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis()])
        let section = try #require(Reading.section(report.markdown, "Confidence (DeepConf)"))
        #expect(Reading.row(section, "Lowest group") == ["8.250 [8.000, 8.500]"])
        #expect(Reading.row(section, "Token confidence") == ["11.500"])
        #expect(Reading.row(section, "Window W (tokens)") == ["64"])
        #expect(Reading.row(section, "Majority") == ["50.0% [0.0%, 100.0%]", "—", "—"])
        #expect(Reading.row(section, "Top 10.0% (offline)") == ["100.0%", "—", "—"])
        #expect(Reading.row(section, "Online η = 10.0%") == ["75.0%", "37.5%", "50.0%"])
        let chart = try #require(report.charts.first { $0.fileName == "confidence-voting.svg" })
        // Kept 10%, 90%, 100% (the weighted vote); the majority flat.
        #expect(chart.chart.series[0].points.map { [$0.x, $0.y] } == [[10, 100], [90, 75], [100, 75]])
        #expect(chart.chart.series[1].points.map(\.y) == [50, 50])
    }

    @Test func forkTableAndTopTokens() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis()])
        let section = try #require(Reading.section(report.markdown, "Where the model chooses"))
        #expect(Reading.row(section, "Threshold (nats)") == ["0.750 (run's 80th percentile)"])
        #expect(Reading.row(section, "Forking share, whole output") == ["20.0% [15.0%, 25.0%]"])
        #expect(Reading.row(section, "Forking share, answer") == ["5.0%"])
        // The id's pipe is escaped; the token is bracketed in its context; the newline is a <br>.
        #expect(Reading.row(section, "p\\|1") == ["2", "17", "2.500", "So the answer is ⟦ wait⟧ <br>", "0.250", "0.300, 0.250, 0.200"])
        #expect(section.contains("![Token entropy along problem p\\|1, sample 2](token-strip.svg)"))
    }

    @Test("alternatives as ⟦token⟧ (p), escaped for a table cell")
    func forkAlternativesWithTheirTexts() throws {
        var analysis = Self.analysis()
        analysis.forks?.top.overall[0].alternativeTokens = [" wait|", "`x`", "\n"]
        var section = try #require(Reading.section(try ReportWriter.render(analyses: [analysis]).markdown, "Where the model chooses"))
        #expect(Reading.row(section, "p\\|1")?.last == "⟦ wait\\|⟧ (0.300), ⟦\\`x\\`⟧ (0.250), ⟦<br>⟧ (0.200)")
        // Texts that do not match the probabilities are not paired with them.
        analysis.forks?.top.overall[0].alternativeTokens = ["a"]
        section = try #require(Reading.section(try ReportWriter.render(analyses: [analysis]).markdown, "Where the model chooses"))
        #expect(Reading.row(section, "p\\|1")?.last == "0.300, 0.250, 0.200")
    }

    @Test func tokenStripSVG() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis()])
        let figure = try #require(report.figures.first)
        #expect(figure.fileName == "token-strip.svg")
        let tree = try XMLTree(figure.svg)
        let boxes = tree.all("rect").dropFirst()  // the first is the background
        #expect(boxes.count == 7)
        // Entropy 0 is the lightest fill, 3 (the strip's highest) the darkest.
        #expect(boxes.first?.attributes["fill"] == "#FFF5EB" && boxes[boxes.startIndex + 4].attributes["fill"] == "#D94801")
        // Outlined: entropies above 0.75 (1, 2, 3).
        #expect(boxes.filter { $0.attributes["stroke"] != nil }.count == 3)
        // Underlines: four thinking tokens (1..<5) and one answer token, plus the two legend lines.
        let lines = tree.all("line")
        #expect(lines.filter { $0.attributes["stroke"] == TokenStripFigure.thinkingColor }.count == 5)
        #expect(lines.filter { $0.attributes["stroke"] == TokenStripFigure.answerColor }.count == 2)
        let texts = tree.all("text").map(\.text)
        #expect(texts.contains("·") && texts.contains("↵") && texts.contains { $0.hasPrefix("first 7 of 1500 tokens") })
        #expect(try ReportWriter.render(analyses: [Self.analysis()]).figures == report.figures)
    }

    @Test func reflectionTable() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis()])
        let section = try #require(Reading.section(report.markdown, "Reflection markers"))
        #expect(Reading.row(section, "Markers per trace, thinking") == ["1.250"])
        #expect(Reading.row(section, "In correct samples") == ["0.500 [0.250, 0.750], n = 24"])
        #expect(Reading.row(section, "Spearman ρ with output length") == ["ρ = 0.625 [0.500, 0.750], n = 40"])
        // Markers that occur, most frequent first; "alternatively" (0) is left out.
        #expect(Reading.row(section, "wait") == ["12"] && Reading.row(section, "hmm") == ["3"])
        #expect(Reading.row(section, "alternatively") == nil)
    }

    @Test func sectionsSayWhyWhenAbsent() throws {
        let report = try ReportWriter.render(analyses: [AnalysisFixtures.base()])
        #expect(Reading.section(report.markdown, "Confidence (DeepConf)")?.contains("Not available (no log-probs).") == true)
        #expect(report.figures.isEmpty)
    }
}
