import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Reflection markers per trace and segment, in correct against incorrect samples, against
    /// length, and which markers occur.
    func reflectionSection() -> ReportSection {
        var markdown = "## Reflection markers\n\n"
        guard analyses.contains(where: { $0.reflection != nil }) else {
            return ReportSection(markdown: markdown + "Not available (no traces).\n")
        }
        markdown += "Occurrences of phrases like \"wait\", \"hmm\", \"alternatively\", \"let me check\" (case-insensitive whole words; the longest marker at a place counts once). Per trace: mean over problems of the mean per sample. Correct vs incorrect pools the samples of graded problems. Brackets: \(intervalLevel) bootstrap intervals.\n\n"
        let segments: [(name: String, value: (SegmentValues) -> Double?, ci: (SegmentValues) -> ConfidenceInterval?)] = [
            ("Markers per trace, whole output", \.overall, \.overallCI), ("Markers per trace, thinking", \.thinking, \.thinkingCI),
            ("Markers per trace, answer", \.answer, \.answerCI),
        ]
        var rows = segments.map { segment in
            (name: segment.name, cell: { (analysis: Analysis) -> String in
                guard let perTrace = analysis.reflection?.perTrace else { return NumberFormat.unavailable }
                return NumberFormat.withInterval(segment.value(perTrace), segment.ci(perTrace), format: NumberFormat.decimal)
            })
        }
        let groups: [(name: String, value: (ReflectionSummary) -> GroupMean?)] = [("In correct samples", \.correct), ("In incorrect samples", \.incorrect)]
        for group in groups {
            rows.append((name: group.name, cell: { analysis in
                guard let mean = analysis.reflection.flatMap(group.value) else { return Self.unavailable(Self.goldReason(analysis)) }
                return NumberFormat.withInterval(mean.mean, mean.ci, format: NumberFormat.decimal) + ", n = \(mean.traces)"
            }))
        }
        rows.append((name: "Spearman ρ with output length", cell: { analysis in
            guard let rank = analysis.reflection?.lengthCorrelation else { return NumberFormat.unavailable }
            return "ρ = \(NumberFormat.withInterval(rank.rho, rank.ci, format: NumberFormat.decimal)), n = \(rank.samples)"
        }))
        markdown += sideBySide("Reflection", rows: rows).render()
        markdown += "\n### Which markers\n\n"
        for (index, analysis) in analyses.enumerated() {
            markdown += analysisHeading(index)
            guard let reflection = analysis.reflection else { continue }
            let found = zip(reflection.markers, reflection.totals).filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            guard !found.isEmpty else {
                markdown += "No marker occurs (\(reflection.markers.count) counted).\n\n"
                continue
            }
            var table = MarkdownTable(titles: ["Marker", "Occurrences"], rightAligned: [1])
            for (marker, count) in found { table.addRow([marker, "\(count)"]) }
            markdown += table.render() + "\n"
        }
        return ReportSection(markdown: markdown)
    }
}
