import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HorizonGate
import HorizonStability
import Testing

/// The three renderings of a result: Markdown for people, JUnit XML for test reporters, JSON for
/// scripts.
@Suite struct GateOutputTests {
    typealias F = GateFixtures

    /// A result with one regression (BF +20%), one noise-only rise, one skipped metric, a settings
    /// change, and problems whose ids need escaping.
    private func mixedResult(label: String = "candidate") throws -> GateResult {
        var reference = F.reference()
        reference.bf.thinkingCI = ConfidenceInterval(lower: 1.0, upper: 1.8)
        reference.problems.append(F.problem("a|b <&>", bf: 1.0, agreement: 1.0))
        let baseline = try Baseline.make(from: reference)
        var current = F.reference(label: label)
        current.settings.seed = 9
        current.settings.truncationValue = 0.95
        current.bf.overall = 1.5
        current.bf.overallCI = F.around(1.5, 0.01)
        current.bf.thinking = 1.75
        current.bf.thinkingCI = ConfidenceInterval(lower: 1.3, upper: 2.2)
        current.answers?.majAtK = []
        current.problems.append(F.problem("a|b <&>", bf: 1.4, agreement: 0.2))
        return try Gate.check(baseline: baseline, analysis: current,
                              options: GateOptions(allowSettingsChange: true, allowMissing: true))
    }

    // MARK: Markdown

    /// The check's tables are padded to their widest cell; compare them with single spaces.
    private func squeezed(_ markdown: String) -> String {
        markdown.replacing(#/ {2,}/#, with: " ").replacing(#/-{4,}/#, with: "---")
    }

    @Test func markdownShowsTheVerdictATableRowPerMetricAndWhy() throws {
        let markdown = squeezed(try mixedResult().markdown())
        #expect(markdown.hasPrefix("## Horizon check: ❌ regression\n"))
        #expect(markdown.contains("**regression: 1 of 6 metrics (bf.overall), 1 skipped**"))
        #expect(markdown.contains("| Metric | Baseline | Current | Change | Difference interval | Limit | Verdict | Decided by |"))
        #expect(markdown.contains("| BF, whole output `bf.overall` | 1.250 [1.240, 1.260] | 1.500 [1.490, 1.510] | +0.250 (+20.0%) | [0.236, 0.264] | rise ≤ 10% | ❌ regression | threshold + interval |"))
        #expect(markdown.contains("| BF, thinking span `bf.thinking` | 1.400 [1.000, 1.800] | 1.750 [1.300, 2.200] | +0.350 (+25.0%) |"))
        #expect(markdown.contains("| ✅ pass | within noise |"))
        #expect(markdown.contains("| maj@4 accuracy `maj@4` | 0.820 [0.810, 0.830] | — | — | — | drop ≤ 0.02 | ⏭️ skipped | — |"))
        #expect(markdown.contains("- ❌ regression `bf.overall`: rose 0.250 (+20.0%): beyond the 10% limit"))
        #expect(markdown.contains("- ⏭️ skipped `maj@4`: missing from the current analysis"))
        #expect(markdown.contains("| `truncation_value` | 0.9 | 0.95 |"))
        #expect(!markdown.contains("`seed`"))
        #expect(markdown.contains("Rule `both`: a metric regresses only when its change in the worse direction is beyond its limit **and** the 95% interval of the difference excludes 0."))
        #expect(markdown.hasSuffix("\n"))
    }

    @Test func markdownTableRowsKeepTheirColumnsWhateverTheProblemIDs() throws {
        let markdown = squeezed(try mixedResult().markdown())
        #expect(markdown.contains("| a\\|b &lt;&amp;&gt; | 1.000 | 0.200 | -0.800 |"))
        // Every table line has as many unescaped pipes as its header line.
        for table in markdown.components(separatedBy: "\n\n") where table.hasPrefix("|") {
            let lines = table.split(separator: "\n")
            let pipes = lines.map { line in
                zip(line, [" "] + line).filter { $0.0 == "|" && $0.1 != "\\" }.count
            }
            #expect(Set(pipes).count == 1, "\(table)")
        }
    }

    @Test func markdownRanksProblemsAndNotesNewAndMissingOnes() throws {
        let baseline = try Baseline.make(from: F.reference())
        var current = F.reference()
        current.problems = [F.problem("p1", bf: 1.2, agreement: 0.5), F.problem("p9", bf: 1.0, agreement: 1.0)]
        let markdown = squeezed(try Gate.check(baseline: baseline, analysis: current, options: GateOptions(top: 10)).markdown())
        #expect(markdown.contains("### Problems that got less stable\n\n1 problem in both runs."))
        #expect(markdown.contains("**Largest agreement drops** (1):\n\n| Problem | Baseline | Current | Change |\n| --- | --- | --- | --- |\n| p1 | 0.900 | 0.500 | -0.400 |"))
        #expect(markdown.contains("**Largest BF rises**: none."))
        #expect(markdown.contains("New problems, not in the baseline (1): p9."))
        #expect(markdown.contains("Problems missing from the current run (2): p2, p3."))
    }

    @Test func markdownCapsLongProblemLists() throws {
        var reference = F.reference()
        reference.problems = (0..<5).map { F.problem("p\($0)", bf: 1.0, agreement: 1.0) }
        let baseline = try Baseline.make(from: reference)
        var current = F.reference()
        current.problems = (0..<5).map { F.problem("p\($0)", bf: 1.0, agreement: 0.9 - Double($0) / 10) }
        let markdown = squeezed(try Gate.check(baseline: baseline, analysis: current, options: GateOptions(top: 2)).markdown())
        #expect(markdown.contains("**Largest agreement drops** (top 2 of 5):"))
        #expect(markdown.contains("| p4 | 1.000 | 0.500 | -0.500 |\n| p3 | 1.000 | 0.600 | -0.400 |\n\n"))

        current.problems += (5..<8).map { F.problem("n\($0)", bf: 1.0, agreement: 1.0) }
        let two = try Gate.check(baseline: baseline, analysis: current, options: GateOptions(top: 2)).markdown()
        #expect(two.contains("New problems, not in the baseline (3): n5, n6, and 1 more."))
        let none = try Gate.check(baseline: baseline, analysis: current, options: GateOptions(top: 0)).markdown()
        #expect(none.contains("**Largest agreement drops**: 5 problems, not listed (`--top 0`)."))
        #expect(none.contains("New problems, not in the baseline: 3."))
    }

    // MARK: JUnit

    /// The elements of an XML document with their attributes and text, or the parse error.
    final class XMLCollector: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var text = "" }
        var elements: [Element] = []
        var open: [Int] = []
        var error: (any Error)?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) { self.error = error }

        /// Parses strictly: `parse()` must succeed and no error may have been reported.
        static func parse(_ xml: String) throws -> XMLCollector {
            let collector = XMLCollector()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = collector
            let parsed = parser.parse()
            #expect(parsed && collector.error == nil, "not well-formed: \(String(describing: collector.error))")
            return collector
        }

        func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    }

    @Test func junitIsWellFormedWithOneTestCasePerMetric() throws {
        let result = try mixedResult()
        let xml = try XMLCollector.parse(result.junitXML())
        let cases = xml.all("testcase")
        #expect(cases.map { $0.attributes["name"] } == result.metrics.map(\.id))
        #expect(cases.first?.attributes["classname"] == "horizon.check.bf")
        let suite = try #require(xml.all("testsuite").first)
        #expect(suite.attributes["tests"] == "7")
        #expect(suite.attributes["failures"] == "1")
        #expect(suite.attributes["skipped"] == "1")
        #expect(suite.attributes["errors"] == "0")
        let failures = xml.all("failure")
        #expect(failures.count == 1)
        #expect(failures.first?.attributes["message"]?.hasPrefix("rose 0.250 (+20.0%)") == true)
        #expect(failures.first?.text.contains("limit: rise ≤ 10% (--max-bf-rise); rule: both") == true)
        #expect(xml.all("skipped").first?.attributes["message"] == "missing from the current analysis")
        let properties = Dictionary(uniqueKeysWithValues: xml.all("property").map { ($0.attributes["name"]!, $0.attributes["value"]!) })
        #expect(properties["settings_change.truncation_value"] == "0.9 → 0.95")
        #expect(properties["verdict"] == "regression")
    }

    @Test func junitEscapesMarkupQuotesAndForbiddenCharacters() throws {
        let label = "run \"A\" & <B> 'c'\u{01}"
        let xml = try XMLCollector.parse(try mixedResult(label: label).junitXML())
        let properties = Dictionary(uniqueKeysWithValues: xml.all("property").map { ($0.attributes["name"]!, $0.attributes["value"]!) })
        #expect(properties["current"] == "run \"A\" & <B> 'c'\u{FFFD}")
        #expect(xml.all("testsuite").first?.attributes["name"]?.hasSuffix("→ run \"A\" & <B> 'c'\u{FFFD}") == true)
    }

    @Test func aPassingCheckHasNoFailures() throws {
        let baseline = try Baseline.make(from: F.reference())
        let xml = try XMLCollector.parse(try Gate.check(baseline: baseline, analysis: F.reference()).junitXML())
        #expect(xml.all("failure").isEmpty)
        #expect(xml.all("testcase").count == 7)
        #expect(xml.all("testsuites").first?.attributes["failures"] == "0")
    }

    // MARK: JSON

    @Test func jsonHasTheDocumentedKeys() throws {
        let result = try mixedResult()
        let object = try #require(try JSONSerialization.jsonObject(with: try result.json()) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "schema_version", "verdict", "rule", "confidence", "baseline", "current",
                                     "settings_changes", "metrics", "new_metrics", "problems"])
        #expect(object["schema"] as? String == "horizon.check")
        #expect(object["verdict"] as? String == "regression")
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        let bf = try #require(metrics.first)
        #expect(Set(bf.keys) == ["id", "label", "family", "worse_when", "baseline", "baseline_ci", "current", "current_ci",
                                 "change", "relative_change", "difference_ci", "threshold", "threshold_option",
                                 "allowed_change", "beyond_threshold", "interval_excludes_zero", "rule", "verdict",
                                 "explanation"])
        #expect(bf["threshold"] as? String == "10%")
        #expect(bf["worse_when"] as? String == "rise")
        #expect(bf["verdict"] as? String == "regression")
        let skipped = try #require(metrics.first { $0["id"] as? String == "maj@4" })
        #expect(skipped["verdict"] as? String == "skipped")
        #expect(skipped["current"] == nil)
        let problems = try #require(object["problems"] as? [String: Any])
        #expect(Set(problems.keys) == ["top", "matched", "agreement_drops", "agreement_drop_count", "bf_rises",
                                       "bf_rise_count", "new_problems", "missing_problems"])
        let drop = try #require((problems["agreement_drops"] as? [[String: Any]])?.first)
        #expect(drop["problem_id"] as? String == "a|b <&>")
    }

    @Test func jsonDecodesBackToTheSameResult() throws {
        let result = try mixedResult()
        #expect(try JSONDecoder().decode(GateResult.self, from: try result.json()) == result)
    }
}
