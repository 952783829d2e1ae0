import HorizonCommon
import HorizonStability

extension GateMetric {
    /// Every gated metric the analysis has a value for, in a fixed order: Branching Factor per
    /// segment and BF@1, accuracy, agreement, answer entropy, maj@k by k, then the truncation and
    /// resampling probes in the analysis's order. Metrics that are `null` in the analysis are
    /// left out.
    ///
    /// - Parameter analysis: the output of `horizon analyze`.
    /// - Returns: the metrics, ids unique.
    /// - Throws: ``GateError`` with ``GateError/Reason/invalidAnalysis(_:)`` when a value or
    ///   interval is out of its family's range (a BF below 1, an accuracy of 2, an interval upside
    ///   down; the message names its JSON path), or when two entries of the analysis map to one id
    ///   (say, two truncation points of the same length).
    /// - Complexity: O(m) in the number of metrics.
    public static func all(in analysis: Analysis) throws(GateError) -> [GateMetric] {
        var metrics: [GateMetric] = []
        var outOfRange: String?
        /// `path` is the value's JSON path in the analysis, for the message when it is out of range.
        func add(_ id: String, _ label: String, _ family: MetricFamily, _ value: Double?, _ ci: ConfidenceInterval?,
                 path: String, ciPath: String? = nil) {
            guard let value else { return }
            if outOfRange == nil {
                outOfRange = family.violation(value: value, ci: ci, path: path, ciPath: ciPath)
            }
            metrics.append(GateMetric(id: id, label: label, family: family, value: value, ci: ci))
        }

        let bf = analysis.bf
        add("bf.overall", "BF, whole output", .bf, bf.overall, bf.overallCI, path: "bf.overall")
        add("bf.thinking", "BF, thinking span", .bf, bf.thinking, bf.thinkingCI, path: "bf.thinking")
        add("bf.answer", "BF, answer span", .bf, bf.answer, bf.answerCI, path: "bf.answer")
        add("bf.first", "BF@1, first output token", .bf, bf.first, bf.firstCI, path: "bf.first")
        add("accuracy", "Accuracy", .accuracy, analysis.accuracy, analysis.accuracyCI, path: "accuracy")
        add("agreement", "Agreement (modal answer share)", .agreement, analysis.agreement, analysis.agreementCI,
            path: "agreement")
        if let answers = analysis.answers {
            add("answer_entropy", "Answer entropy (nats)", .answerEntropy, answers.answerEntropy, answers.answerEntropyCI,
                path: "answers.answer_entropy")
            for (index, point) in answers.majAtK.enumerated().sorted(by: { $0.element.k < $1.element.k }) {
                add("maj@\(point.k)", "maj@\(point.k) accuracy", .maj, point.value, point.ci,
                    path: "answers.maj_at_k[\(index)].value", ciPath: "answers.maj_at_k[\(index)].ci")
            }
        }
        if let probes = analysis.probes {
            for (index, point) in probes.truncation.enumerated() {
                let (id, place) = truncationName(length: point.length, unit: point.lengthUnit)
                let label = "Thinking cut at \(place):", path = "probes.truncation[\(index)]"
                add("\(id).agreement", "\(label) agreement", .agreement, point.agreement, point.agreementCI,
                    path: "\(path).agreement")
                add("\(id).accuracy", "\(label) accuracy", .accuracy, point.accuracy, point.accuracyCI,
                    path: "\(path).accuracy")
                add("\(id).answer_bf", "\(label) answer BF", .bf, point.answerBF, point.answerBFCI,
                    path: "\(path).answer_bf")
            }
            for (index, point) in probes.resample.enumerated() {
                let id = "resample@\(point.position)"
                let label = "Resampled after token \(point.position):", path = "probes.resample[\(index)]"
                add("\(id).bf", "\(label) BF@\(point.position)", .bf, point.bf, point.bfCI, path: "\(path).bf")
                add("\(id).maj_accuracy", "\(label) majority accuracy", .maj, point.majAccuracy, point.majAccuracyCI,
                    path: "\(path).maj_accuracy")
                add("\(id).agreement", "\(label) agreement", .agreement, point.agreement, nil,
                    path: "\(path).agreement")
            }
        }
        if let outOfRange {
            throw GateError(.invalidAnalysis("invalid analysis: \(outOfRange)"))
        }

        var seen = Set<String>()
        let duplicates = metrics.map(\.id).filter { !seen.insert($0).inserted }
        guard duplicates.isEmpty else {
            throw GateError(.invalidAnalysis(
                "the analysis holds more than one value for \(duplicates.joined(separator: ", "))"))
        }
        return metrics
    }

    /// The id stem and the readable place of a truncation point: a fraction of the thinking
    /// span reads as a percentage (`truncation@50%`), a token count as tokens.
    private static func truncationName(length: Double, unit: String) -> (id: String, place: String) {
        switch unit {
        case "fraction":
            let percent = NumberFormat.compact(length * 100) + "%"
            return ("truncation@\(percent)", "\(percent) of its length")
        case "tokens":
            let tokens = NumberFormat.compact(length)
            return ("truncation@\(tokens)tokens", "\(tokens) tokens")
        default:
            let amount = NumberFormat.compact(length)
            return ("truncation@\(amount)\(unit)", "\(amount) \(unit)")
        }
    }
}
