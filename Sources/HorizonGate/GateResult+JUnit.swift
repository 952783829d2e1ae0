import HorizonCommon
import HorizonReport

extension GateResult {
    /// JUnit XML for CI test reporters: one `<testcase>` per held metric, a `<failure>` for each
    /// regression, `<skipped>` for each skipped metric; every text is XML-escaped.
    ///
    /// Test case names are the metric ids; the class name is `horizon.check.<family>`. The suite's
    /// `<properties>` name the rule and the two runs, and list settings that differ.
    ///
    /// - Returns: a UTF-8 XML document ending in a newline.
    /// - Complexity: O(m) in the number of rows.
    public func junitXML() -> String {
        let failures = metrics(.regression).count
        let skipped = metrics(.skipped).count
        let counts = "tests=\"\(metrics.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\""
        func attribute(_ text: String) -> String { "\"" + XMLText.escape(text) + "\"" }

        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"horizon check\" \(counts)>")
        lines.append("  <testsuite name=\(attribute("horizon check: \(baseline.label) → \(current.label)")) \(counts)>")
        var properties = [("rule", rule.rawValue), ("baseline", baseline.label), ("current", current.label),
                          ("verdict", verdict.rawValue)]
        properties += settingsChanges.map { ("settings_change.\($0.setting)", "\($0.baseline) → \($0.current)") }
        lines.append("    <properties>")
        lines += properties.map { "      <property name=\(attribute($0.0)) value=\(attribute($0.1))/>" }
        lines.append("    </properties>")
        for row in metrics {
            let open = "    <testcase classname=\(attribute("horizon.check.\(row.family.rawValue)")) "
                + "name=\(attribute(row.id)) time=\"0\""
            let details = detailText(row)
            switch row.verdict {
            case .regression:
                lines.append(open + ">")
                lines.append("      <failure type=\"regression\" message=\(attribute(row.explanation))>"
                    + XMLText.escape(details) + "</failure>")
                lines.append("    </testcase>")
            case .skipped:
                lines.append(open + ">")
                lines.append("      <skipped message=\(attribute(row.explanation))/>")
                lines.append("    </testcase>")
            case .pass, .improved:
                lines.append(open + ">")
                lines.append("      <system-out>" + XMLText.escape(details) + "</system-out>")
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Everything about one row on a few lines, for the body of its test case.
    private func detailText(_ row: MetricComparison) -> String {
        var lines = ["\(row.label) (\(row.id)): \(row.verdict.rawValue), decided by \(row.decidedBy)",
                     "baseline: \(MetricComparison.valueText(row.baseline, row.baselineCI))"]
        if let current = row.current { lines.append("current: \(MetricComparison.valueText(current, row.currentCI))") }
        if let interval = row.differenceCI { lines.append("difference interval: \(NumberFormat.interval(interval))") }
        lines.append("limit: \(row.limitText) (\(row.thresholdOption)); rule: \(row.rule.rawValue)")
        lines.append(row.explanation)
        return lines.joined(separator: "\n")
    }
}
