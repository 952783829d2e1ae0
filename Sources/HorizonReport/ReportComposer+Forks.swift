import HorizonCommon
import HorizonStability

extension ReportComposer {
    /// Forking tokens: the share of tokens above the entropy threshold per segment, the
    /// highest-entropy tokens with their context ("where the model chooses"), and a token strip.
    func forksSection() -> ReportSection {
        var markdown = "## Where the model chooses\n\n"
        guard analyses.contains(where: { $0.forks != nil }) else {
            return ReportSection(markdown: markdown + "Not available (no log-probs).\n")
        }
        markdown += "A *forking token* is one whose rebuilt distribution has entropy above a threshold: by default the run's own 80th percentile of token entropy (the top 20% of tokens, as Wang et al. 2025 define forks), compared on a 2⁻¹⁰-nat grid. Shares are means over problems; brackets: \(intervalLevel) bootstrap intervals.\n\n"
        var rows: [(name: String, cell: (Analysis) -> String)] = [
            ("Threshold (nats)", { analysis in
                guard let forks = analysis.forks else { return Self.unavailable(Self.bfReason(analysis)) }
                return NumberFormat.decimal(forks.threshold) + (forks.thresholdSource == "option" ? " (given)" : " (run's 80th percentile)")
            }),
        ]
        let segments: [(name: String, value: (SegmentValues) -> Double?, ci: (SegmentValues) -> ConfidenceInterval?)] = [
            ("Forking share, whole output", \.overall, \.overallCI), ("Forking share, thinking", \.thinking, \.thinkingCI),
            ("Forking share, answer", \.answer, \.answerCI),
        ]
        for segment in segments {
            rows.append((name: segment.name, cell: { analysis in
                guard let share = analysis.forks?.share else { return Self.unavailable(Self.bfReason(analysis)) }
                return NumberFormat.withInterval(segment.value(share), segment.ci(share), format: NumberFormat.percent)
            }))
        }
        markdown += sideBySide("Forking tokens", rows: rows).render()

        markdown += "\n### The highest-entropy tokens\n\n"
        markdown += "The run's highest-entropy tokens in the whole output, with \(ForkingToken.contextTokens) tokens either side (the token between ⟦ ⟧) and the candidates the server returned at that step with their probabilities, largest first (probabilities alone for analyses made before the texts were kept).\n\n"
        var figures: [FigureFile] = []
        for (index, analysis) in analyses.enumerated() {
            markdown += analysisHeading(index)
            guard let forks = analysis.forks, !forks.top.overall.isEmpty else {
                markdown += "No tokens.\n\n"
                continue
            }
            var table = MarkdownTable(titles: ["Problem", "Sample", "Position", "Entropy (nats)", "Context", "p(sampled)", "Top alternatives"],
                                      rightAligned: [1, 2, 3, 5])
            for token in forks.top.overall {
                // Brackets, not bold: a token's leading space would keep `**` from opening emphasis.
                let context = quoted(token.before) + " ⟦" + quoted(token.token) + "⟧ " + quoted(token.after)
                table.addRow(markdown: [
                    quoted(token.problemID), "\(token.sample)", "\(token.position)", NumberFormat.decimal(token.entropy), context,
                    NumberFormat.decimal(token.sampledProbability), alternatives(token),
                ])
            }
            markdown += table.render() + "\n"
            if let strip = forks.strip {
                let figure = TokenStripFigure(
                    strip: strip, threshold: forks.threshold,
                    title: "Token entropy along problem \(strip.problemID), sample \(strip.sample)" + (analyses.count > 1 ? " (\(labels[index]))" : ""))
                let file = FigureFile(fileName: index == 0 ? "token-strip.svg" : "token-strip-\(index + 1).svg", title: figure.title, svg: figure.svg())
                figures.append(file)
                markdown += file.imageReference + "\n\n"
            }
        }
        return ReportSection(markdown: markdown, figures: figures)
    }

    /// A forking token's alternatives as `⟦token⟧ (p)`, the texts escaped and between brackets
    /// so that spaces show; the probabilities alone when the analysis has no texts.
    private func alternatives(_ token: ForkingToken) -> String {
        guard let texts = token.alternativeTokens, texts.count == token.alternatives.count else {
            return token.alternatives.map { NumberFormat.decimal($0) }.joined(separator: ", ")
        }
        return zip(texts, token.alternatives).map { "⟦" + quoted($0) + "⟧ (" + NumberFormat.decimal($1) + ")" }
            .joined(separator: ", ")
    }
}
