import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Accuracy and agreement, maj@k / pass@k / G-Pass@k, answer variability, and the answer
    /// clusters of the least stable problems.
    func answersSection() -> ReportSection {
        var markdown = "## Answer stability\n\n"
        let hasAnswers = analyses.contains { $0.answers != nil || $0.accuracy != nil || $0.agreement != nil }
        guard hasAnswers else {
            return ReportSection(markdown: markdown + "Not available (no final answers were extracted from the traces).\n")
        }
        markdown += "Answers are grouped into clusters of equivalent answers per problem. *Agreement* is the share of a problem's samples in its largest cluster; *answer entropy* is the entropy of the cluster distribution in nats (0 when all samples agree); *accuracy* is the share of samples matching the gold answer. All three are means over problems.\n\n"
        let rows: [(name: String, cell: (Analysis) -> String)] = [
            ("Accuracy", Self.accuracyCell), ("Agreement", Self.agreementCell), ("Answer entropy (nats)", Self.answerEntropyCell),
            ("Problems with a gold answer", { $0.answers.map { "\($0.gradedProblems)" } ?? NumberFormat.unavailable }),
            ("Samples without an extractable answer", { $0.answers.map { "\($0.unextracted)" } ?? NumberFormat.unavailable }),
        ]
        markdown += sideBySide("Metric", rows: rows).render()
        markdown += atKSubsection()
        markdown += variabilitySubsection()
        markdown += unstableProblemsSubsection()
        return ReportSection(markdown: markdown)
    }

    /// maj@k, pass@k, G-Pass@k and mG-Pass@k, one row per metric and k.
    private func atKSubsection() -> String {
        var markdown = "\n### maj@k, pass@k and G-Pass@k\n\n"
        // G-Pass@k rows name the threshold τ the analyses used.
        let taus = Set(analyses.compactMap { $0.answers }.filter { !$0.gPassAtK.isEmpty }.map(\.gPassTau)).sorted()
        let tauSuffix = " (τ = " + taus.map { String(describing: $0) }.joined(separator: ", ") + ")"
        let families: [(name: String, suffix: String, values: (AnswerSummary) -> [MetricAtK])] = [
            ("maj@", "", \.majAtK), ("pass@", "", \.passAtK), ("G-Pass@", tauSuffix, \.gPassAtK), ("mG-Pass@", "", \.mGPassAtK),
        ]
        var rows: [(name: String, cell: (Analysis) -> String)] = []
        for family in families {
            let ks = Set(analyses.flatMap { $0.answers.map(family.values) ?? [] }.map(\.k)).sorted()
            for k in ks {
                rows.append(("\(family.name)\(k)\(family.suffix)", { analysis in
                    guard let metric = analysis.answers.flatMap({ family.values($0).first { $0.k == k } }) else {
                        return Self.unavailable(Self.goldReason(analysis))
                    }
                    return NumberFormat.withInterval(metric.value, metric.ci, format: NumberFormat.percent)
                }))
            }
        }
        guard !rows.isEmpty else {
            let reasons = Set(analyses.map(Self.goldReason)).sorted()
            return markdown + "Not available (\(reasons.joined(separator: "; "))).\n"
        }
        markdown += "*maj@k*: the majority answer of k samples is correct; *pass@k*: at least one of k samples is correct (unbiased estimator); *G-Pass@k*: at least a share τ of k samples is correct; *mG-Pass@k*: G-Pass@k averaged over τ in (0.5, 1].\n\n"
        markdown += sideBySide("Metric", rows: rows).render()
        let rules = analyses.map { $0.answers?.tieRule ?? "" }
        // One sentence when every analysis votes the same way; per analysis only when they differ.
        let tieRules: [String]
        if let first = rules.first, !first.isEmpty, rules.allSatisfy({ $0 == first }) {
            tieRules = [MarkdownText.escape(first)]
        } else {
            tieRules = analyses.indices.compactMap { index -> String? in
                guard !rules[index].isEmpty else { return nil }
                return "\(label(index)): \(MarkdownText.escape(rules[index]))"
            }
        }
        if !tieRules.isEmpty { markdown += "\nTies in maj@k: " + tieRules.joined(separator: "; ") + ".\n" }
        return markdown
    }

    /// The paper's answer variability: std of maj@K accuracy over bootstrap resamples.
    private func variabilitySubsection() -> String {
        var markdown = "\n### Answer variability\n\n"
        let ks = Set(analyses.flatMap { $0.answers?.majVariability ?? [] }.map(\.k)).sorted()
        guard !ks.isEmpty else {
            let reasons = Set(analyses.map(Self.goldReason)).sorted()
            return markdown + "Not available (\(reasons.joined(separator: "; "))).\n"
        }
        markdown += "Standard deviation of maj@K accuracy, in percentage points, over bootstrap resamples of each problem's samples (the paper's Table 2). Lower means the majority answer depends less on which samples were drawn.\n\n"
        let rows = ks.map { k in
            (name: "K = \(k)", cell: { (analysis: Analysis) -> String in
                guard let metric = analysis.answers?.majVariability.first(where: { $0.k == k }) else {
                    return Self.unavailable(Self.goldReason(analysis))
                }
                let format = { (value: Double?) in value.map { NumberFormat.fixed($0, decimals: 1) } ?? NumberFormat.unavailable }
                return NumberFormat.withInterval(metric.value, metric.ci, format: format) + " pp"
            })
        }
        return markdown + sideBySide("Samples voting", rows: rows).render()
    }

    /// For each analysis, the problems with the lowest agreement and their answer clusters.
    private func unstableProblemsSubsection() -> String {
        var markdown = "\n### Least stable problems\n\n"
        let limit = max(options.unstableProblems, 0)
        markdown += "Up to \(limit) problems per analysis with the lowest agreement (ties: higher answer entropy first), with their answer clusters, largest first.\n\n"
        for index in analyses.indices {
            markdown += analysisHeading(index)
            let candidates = analyses[index].problems.enumerated().filter { $0.element.agreement != nil || !$0.element.clusters.isEmpty }
            guard !candidates.isEmpty else {
                markdown += "No answer clusters.\n\n"
                continue
            }
            let leastStable = candidates.sorted { first, second in
                let (a, b) = (first.element, second.element)
                if (a.agreement ?? 1) != (b.agreement ?? 1) { return (a.agreement ?? 1) < (b.agreement ?? 1) }
                if (a.answerEntropy ?? 0) != (b.answerEntropy ?? 0) { return (a.answerEntropy ?? 0) > (b.answerEntropy ?? 0) }
                return first.offset < second.offset
            }.prefix(limit).map(\.element)
            var table = MarkdownTable(titles: ["Problem", "Gold", "Agreement", "Answer", "Samples", "Correct"], rightAligned: [2, 4])
            for problem in leastStable {
                let shown = problem.clusters.prefix(max(options.clustersPerProblem, 0))
                let heading = [quoted(problem.problemID), problem.gold.map(quoted) ?? NumberFormat.unavailable, NumberFormat.percent(problem.agreement)]
                if shown.isEmpty { table.addRow(markdown: heading + ["no clusters", "\(problem.samples)", ""]) }
                for (position, cluster) in shown.enumerated() {
                    table.addRow(markdown: (position == 0 ? heading : ["", "", ""]) + [
                        cluster.answer.map(quoted) ?? "*(no answer extracted)*",
                        "\(cluster.count)",
                        cluster.correct.map { $0 ? "yes" : "no" } ?? NumberFormat.unavailable,
                    ])
                }
                let hidden = problem.clusters.dropFirst(shown.count)
                if !hidden.isEmpty {
                    table.addRow(markdown: ["", "", "", "*\(hidden.count) more clusters*", "\(hidden.map(\.count).reduce(0, +))", ""])
                }
            }
            markdown += table.render() + "\n"
        }
        return markdown
    }
}
