import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// The opening paragraph in words and the summary table.
    func summarySection() -> ReportSection {
        var paragraphs: [String]
        if analyses.count == 1 {
            paragraphs = [describe(0)]
        } else {
            let overview = analyses.indices.map { index in
                "**\(label(index))** (\(analyses[index].counts.traces) traces, \(analyses[index].counts.problems) problems)"
            }
            paragraphs = ["This report compares \(Self.list(overview))."]
            paragraphs += analyses.indices.dropFirst().map { compare(baseline: 0, with: $0) }
            let digests = Set(analyses.map(\.settings.problemSetDigest))
            if digests.count > 1 {
                paragraphs.append("The analyses cover different problem sets (their problem-set digests differ), so the numbers are not paired problem by problem.")
            }
            let differing = differingSettings()
            if !differing.isEmpty {
                paragraphs.append("Their settings differ (\(differing.map { "`\($0)`" }.joined(separator: ", "))); see [Settings](#settings).")
            }
        }

        var rows: [(name: String, cell: (Analysis) -> String)] = [
            ("Model", { $0.model.map { MarkdownText.escape($0, maxLength: options.maxCellCharacters) } ?? NumberFormat.unavailable }),
            ("Traces / problems", { "\($0.counts.traces) / \($0.counts.problems)" }),
            ("Traces with log-probs", { "\($0.counts.tracesWithLogProbs)" }),
            ("BF overall", { Self.bfCell($0.bf.overall, $0.bf.overallCI, $0) }),
            ("BF thinking", { Self.spanBFCell($0.bf.thinking, $0.bf.thinkingCI, $0) }),
            ("BF answer", { Self.spanBFCell($0.bf.answer, $0.bf.answerCI, $0) }),
        ]
        if analyses.contains(where: { $0.bf.first != nil }) {
            rows.append(("BF@1 (first token)", { Self.bfCell($0.bf.first, $0.bf.firstCI, $0) }))
        }
        rows += [
            ("Accuracy", Self.accuracyCell), ("Agreement with modal answer", Self.agreementCell),
            ("Answer entropy (nats)", Self.answerEntropyCell),
            ("Mean output length", { Self.lengthCell($0.lengths.overall, unit: $0.lengths.unit) }),
            ("Mean thinking length", { Self.lengthCell($0.lengths.thinking, unit: $0.lengths.unit) }),
            ("Mean answer length", { Self.lengthCell($0.lengths.answer, unit: $0.lengths.unit) }),
            ("Thinking never closed", { "\($0.counts.truncated) of \($0.counts.traces) traces" }),
        ]
        let table = sideBySide("Metric", rows: rows)
        let settings = analyses[0].settings
        let note = "Values in brackets are \(intervalLevel) bootstrap intervals (\(settings.bootstrapResamples) resamples, seed \(settings.seed)). BF is the effective number of next tokens (1 = deterministic); accuracy and agreement are means over problems."
        let markdown = "## Summary\n\n" + paragraphs.joined(separator: "\n\n") + "\n\n" + table.render() + "\n" + note + "\n"
        return ReportSection(markdown: markdown)
    }

    /// One analysis in words.
    private func describe(_ index: Int) -> String {
        let analysis = analyses[index]
        let model = analysis.model.map { " from model \(MarkdownText.escape($0, maxLength: options.maxCellCharacters))" } ?? ""
        var sentences = ["**\(label(index))** holds \(analysis.counts.traces) traces of \(analysis.counts.problems) problems\(model)."]
        let segments = [
            (analysis.bf.overall, "overall"), (analysis.bf.thinking, "in thinking"), (analysis.bf.answer, "in the answer"),
        ].compactMap { value, name in value.map { "\(NumberFormat.bf($0)) \(name)" } }
        if segments.isEmpty {
            sentences.append("Its Branching Factor is not available (\(Self.bfReason(analysis))).")
        } else {
            sentences.append("Its Branching Factor is \(Self.list(segments)).")
        }
        let accuracy = analysis.accuracy.map { "accuracy is \(NumberFormat.percent($0))" }
            ?? "accuracy is not available (\(Self.goldReason(analysis)))"
        let agreement = analysis.agreement.map { "agreement with each problem's modal answer is \(NumberFormat.percent($0))" }
            ?? "agreement is not available"
        sentences.append(Self.capitalized(accuracy) + "; " + agreement + ".")
        return sentences.joined(separator: " ")
    }

    /// Analysis `other` against the baseline, in words: BF ratios per segment (thinking first,
    /// the paper's headline), then accuracy and agreement differences.
    private func compare(baseline: Int, with other: Int) -> String {
        let a = analyses[baseline], b = analyses[other]
        let nameA = "**\(label(baseline))**", nameB = "**\(label(other))**"
        let segments: [(name: String, a: Double?, aCI: ConfidenceInterval?, b: Double?, bCI: ConfidenceInterval?)] = [
            ("thinking", a.bf.thinking, a.bf.thinkingCI, b.bf.thinking, b.bf.thinkingCI),
            ("overall", a.bf.overall, a.bf.overallCI, b.bf.overall, b.bf.overallCI),
            ("answer", a.bf.answer, a.bf.answerCI, b.bf.answer, b.bf.answerCI),
        ]
        let comparable = segments.compactMap { segment -> (name: String, relation: (phrase: String, connector: String), values: String)? in
            guard let valueA = segment.a, let valueB = segment.b else { return nil }
            let overlap = Self.overlapNote(segment.aCI, segment.bCI).map { "; \($0)" } ?? ""
            return (segment.name, Self.relation(valueA, valueB), "(\(NumberFormat.bf(valueB)) vs \(NumberFormat.bf(valueA))\(overlap))")
        }
        var sentences: [String] = []
        if let headline = comparable.first {
            let segmentName = headline.name == "overall" ? "overall BF" : "\(headline.name) BF"
            sentences.append("\(nameB)'s \(segmentName) is \(headline.relation.phrase) \(headline.relation.connector) \(nameA)'s \(headline.values).")
            let rest = comparable.dropFirst().map { segment in
                (segment.name == "overall" ? "overall" : "in the \(segment.name)") + " it is \(segment.relation.phrase) \(segment.values)"
            }
            if !rest.isEmpty { sentences.append(Self.capitalized(Self.list(rest)) + ".") }
        } else {
            let reasons = [(a, nameA), (b, nameB)].filter { $0.0.bf.overall == nil }.map { "\($0.1): \(Self.bfReason($0.0))" }
            let why = reasons.isEmpty ? "no segment has a BF in both" : reasons.joined(separator: "; ")
            sentences.append("Branching Factors cannot be compared (\(why)).")
        }
        let answerMetrics: [(name: String, value: (Analysis) -> Double?, reason: (Analysis) -> String)] = [
            ("accuracy", \.accuracy, Self.goldReason), ("agreement", \.agreement, { _ in "not computed" }),
        ]
        let answerParts = answerMetrics.map { metric -> String in
            if let valueA = metric.value(a), let valueB = metric.value(b) {
                return "\(metric.name) is \(NumberFormat.percent(valueB)) against \(NumberFormat.percent(valueA)) (\(NumberFormat.percentagePoints(valueB - valueA)))"
            }
            let reasons = [(a, nameA), (b, nameB)].filter { metric.value($0.0) == nil }.map { "\($0.1): \(metric.reason($0.0))" }
            return "\(metric.name) cannot be compared (\(reasons.joined(separator: "; ")))"
        }
        sentences.append("Its " + Self.list(answerParts) + ".")
        return sentences.joined(separator: " ")
    }

    /// How `value` compares with `reference`, as a ratio: ("2.1× lower", "than"), ("1.5× higher",
    /// "than"), or ("about the same", "as") when the ratio rounds to 1.0×.
    static func relation(_ reference: Double, _ value: Double) -> (phrase: String, connector: String) {
        guard reference > 0, value > 0 else { return ("different", "from") }
        let text = NumberFormat.ratio(max(reference, value) / min(reference, value))
        if text == NumberFormat.ratio(1) { return ("about the same", "as") }
        return (value < reference ? "\(text) lower" : "\(text) higher", "than")
    }

    /// Whether two intervals overlap, in words; `nil` when either is missing.
    static func overlapNote(_ first: ConfidenceInterval?, _ second: ConfidenceInterval?) -> String? {
        guard let first, let second else { return nil }
        let disjoint = first.upper < second.lower || second.upper < first.lower
        return disjoint ? "intervals do not overlap" : "intervals overlap"
    }

    /// Settings keys whose values differ between the analyses.
    func differingSettings() -> [String] {
        settingsRows().filter(\.differs).map(\.key)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    // MARK: Cells

    static func bfCell(_ value: Double?, _ interval: ConfidenceInterval?, _ analysis: Analysis) -> String {
        value == nil ? unavailable(bfReason(analysis)) : NumberFormat.withInterval(value, interval, format: NumberFormat.bf)
    }

    /// A thinking or answer BF; unavailable because the outputs had no thinking markers when
    /// the analysis says so (their spans would be guesses and were not measured).
    static func spanBFCell(_ value: Double?, _ interval: ConfidenceInterval?, _ analysis: Analysis) -> String {
        if value == nil, analysis.counts.tracesWithLogProbs > 0, analysis.warnings.contains(where: { $0.kind == "no_thinking_markers" }) {
            return unavailable("no thinking markers")
        }
        return bfCell(value, interval, analysis)
    }

    static func shareCell(_ value: Double?, _ interval: ConfidenceInterval?, reason: String?) -> String {
        value == nil ? unavailable(reason) : NumberFormat.withInterval(value, interval, format: NumberFormat.percent)
    }

    static func accuracyCell(_ analysis: Analysis) -> String {
        shareCell(analysis.accuracy, analysis.accuracyCI, reason: goldReason(analysis))
    }

    static func agreementCell(_ analysis: Analysis) -> String {
        shareCell(analysis.agreement, analysis.agreementCI, reason: "not computed")
    }

    static func answerEntropyCell(_ analysis: Analysis) -> String {
        guard let answers = analysis.answers, let entropy = answers.answerEntropy else { return unavailable("not computed") }
        return NumberFormat.withInterval(entropy, answers.answerEntropyCI, format: NumberFormat.decimal)
    }

    static func lengthCell(_ value: Double?, unit: String) -> String {
        value.map { "\(NumberFormat.length($0)) \(MarkdownText.escape(unit))" } ?? NumberFormat.unavailable
    }
}
