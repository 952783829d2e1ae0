import HorizonStability
import Testing
@testable import HorizonReport

/// The maj@k tie note under the metrics table: said once when the analyses vote alike, per
/// analysis when they differ, left out when no analysis records a rule.
@Suite struct TieRuleNoteTests {
    static func notes(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("Ties in maj@k:") }.map(String.init)
    }

    static func analysis(label: String, rule: String) -> Analysis {
        var analysis = AnalysisFixtures.base()
        analysis.label = label
        analysis.answers?.tieRule = rule
        return analysis
    }

    @Test func sameRuleIsSaidOnce() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis(label: "a", rule: "earliest wins"), Self.analysis(label: "b", rule: "earliest wins")])
        #expect(Self.notes(report.markdown) == ["Ties in maj@k: earliest wins."])
    }

    @Test func differingRulesAreLabelled() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis(label: "a", rule: "earliest wins"), Self.analysis(label: "b", rule: "latest wins")])
        #expect(Self.notes(report.markdown) == ["Ties in maj@k: a: earliest wins; b: latest wins."])
    }

    @Test func anAnalysisWithoutARuleIsLeftOut() throws {
        let report = try ReportWriter.render(analyses: [Self.analysis(label: "a", rule: "earliest wins"), Self.analysis(label: "b", rule: "")])
        #expect(Self.notes(report.markdown) == ["Ties in maj@k: a: earliest wins."])
        let none = try ReportWriter.render(analyses: [Self.analysis(label: "a", rule: ""), Self.analysis(label: "b", rule: "")])
        #expect(Self.notes(none.markdown).isEmpty)
    }
}
