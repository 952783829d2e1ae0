import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// BF per segment with intervals, the ratio to the first analysis, the estimator, and the
    /// probability mass the top-k lists missed.
    func segmentSection() -> ReportSection {
        var markdown = "## Branching Factor per segment\n\n"
        guard analyses.contains(where: { $0.bf.overall != nil || $0.bf.thinking != nil || $0.bf.answer != nil }) else {
            let reasons = Set(analyses.map(Self.bfReason)).sorted()
            return ReportSection(markdown: markdown + "Not available (\(reasons.joined(separator: "; "))): Branching Factor needs per-token log-probabilities in the traces.\n")
        }
        let settings = analyses[0].settings
        markdown += "BF = exp(mean per-token entropy, in nats) of the truncated distribution decoding sampled from (\(MarkdownText.escape(settings.truncation)) \(String(describing: settings.truncationValue))): the effective number of next tokens; 1 means the output was determined. The thinking span is the reasoning before the end-of-thinking marker, the answer span what follows it. Values in brackets are \(intervalLevel) bootstrap intervals.\n\n"

        let segments: [(name: String, value: (BranchingFactorSummary) -> Double?, interval: (BranchingFactorSummary) -> ConfidenceInterval?)] = {
            var segments: [(name: String, value: (BranchingFactorSummary) -> Double?, interval: (BranchingFactorSummary) -> ConfidenceInterval?)] = [
                ("Overall", \.overall, \.overallCI), ("Thinking", \.thinking, \.thinkingCI), ("Answer", \.answer, \.answerCI),
            ]
            if analyses.contains(where: { $0.bf.first != nil }) {
                segments.append(("First token (BF@1)", \.first, \.firstCI))
            }
            return segments
        }()
        // For each later analysis, the first one's BF divided by its BF: how many times lower it is.
        let ratios = analyses.indices.dropFirst().map { other in
            (title: "\(labels[0]) ÷ \(labels[other])", cell: { (row: Int) -> String in
                guard row < segments.count else { return "" }  // the estimator row has no ratio
                guard let reference = segments[row].value(analyses[0].bf), let value = segments[row].value(analyses[other].bf),
                      value > 0 else { return NumberFormat.unavailable }
                return NumberFormat.ratio(reference / value)
            })
        }
        var rows = segments.map { segment in
            (name: segment.name, cell: { (analysis: Analysis) -> String in
                segment.name == "Thinking" || segment.name == "Answer"
                    ? Self.spanBFCell(segment.value(analysis.bf), segment.interval(analysis.bf), analysis)
                    : Self.bfCell(segment.value(analysis.bf), segment.interval(analysis.bf), analysis)
            })
        }
        rows.append(("Estimator", { analysis in
            let used = analysis.bf.estimatorUsed.map { MarkdownText.escape($0) } ?? NumberFormat.unavailable
            return "\(used) (requested \(MarkdownText.escape(analysis.settings.estimator)))"
        }))
        markdown += sideBySide("Segment", rows: rows, extraColumns: Array(ratios)).render()
        if analyses.count > 1 {
            markdown += "\nA ratio above 1 means the later analysis branches less (its output is more concentrated).\n"
        }

        if analyses.contains(where: { $0.missingMass.overall != nil || $0.missingMass.thinking != nil || $0.missingMass.answer != nil }) {
            markdown += "\n### Missing tail mass\n\nThe share of probability per token outside the top-k list the server returned (mean, max). BF ignores that tail, as the reference implementation does; when it is large the truncation set could not be rebuilt exactly and BF may be underestimated.\n\n"
            let massRows: [(name: String, cell: (Analysis) -> String)] = [
                ("Overall", { Self.massCell($0.missingMass.overall) }),
                ("Thinking", { Self.massCell($0.missingMass.thinking) }),
                ("Answer", { Self.massCell($0.missingMass.answer) }),
            ]
            markdown += sideBySide("Segment", rows: massRows).render()
        }

        if analyses.contains(where: { $0.estimatorGap != nil }) {
            markdown += "\n### Entropy vs NLL (coverage)\n\nBF under the entropy estimator and under the NLL estimator on the same tokens, and how far NLL lies above it. Where the rebuilt distribution is the one sampled from, the two agree up to noise; a gap over \(Int(EstimatorGap.warningThreshold * 100))% (⚠) means the returned top-k lists cannot represent the distribution: sample with top-p ≤ 0.95 or a min-p, or ask for more log-probs.\n\n"
            let gapRows: [(name: String, cell: (Analysis) -> String)] = [
                ("Overall", { Self.gapCell($0.estimatorGap?.overall) }),
                ("Thinking", { Self.gapCell($0.estimatorGap?.thinking) }),
                ("Answer", { Self.gapCell($0.estimatorGap?.answer) }),
            ]
            markdown += sideBySide("Segment", rows: gapRows).render()
        }
        return ReportSection(markdown: markdown)
    }

    /// `entropy 2.10, NLL 2.40 (+14%) ⚠`.
    static func gapCell(_ gap: EstimatorGap?) -> String {
        guard let gap else { return NumberFormat.unavailable }
        let sign = gap.relativeGap >= 0 ? "+" : "−"
        let flag = abs(gap.relativeGap) > EstimatorGap.warningThreshold ? " ⚠" : ""
        return "entropy \(NumberFormat.bf(gap.entropyBF)), NLL \(NumberFormat.bf(gap.nllBF)) (\(sign)\(NumberFormat.percent(abs(gap.relativeGap))))\(flag)"
    }

    static func massCell(_ mass: MissingMass?) -> String {
        mass.map { "mean \(NumberFormat.percent($0.mean)), max \(NumberFormat.percent($0.max))" } ?? NumberFormat.unavailable
    }
}
