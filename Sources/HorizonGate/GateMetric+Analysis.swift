import HorizonStability

extension GateMetric {
    /// Every gated metric the analysis has a value for, in a fixed order: Branching Factor per
    /// segment and BF@1, accuracy, agreement, answer entropy, maj@k by k, then the truncation and
    /// resampling probes in the analysis's order. Metrics that are `null` in the analysis are
    /// left out.
    ///
    /// - Parameter analysis: the output of `horizon analyze`.
    /// - Returns: the metrics, ids unique.
    /// - Throws: ``GateError`` with ``GateError/Reason/invalidAnalysis(_:)`` when two entries
    ///   of the analysis map to one id (say, two truncation points of the same length).
    /// - Complexity: O(m) in the number of metrics.
    public static func all(in analysis: Analysis) throws(GateError) -> [GateMetric] {
        var metrics: [GateMetric] = []
        func add(_ id: String, _ label: String, _ family: MetricFamily, _ value: Double?, _ ci: ConfidenceInterval?) {
            guard let value else { return }
            metrics.append(GateMetric(id: id, label: label, family: family, value: value, ci: ci))
        }

        let bf = analysis.bf
        add("bf.overall", "BF, whole output", .bf, bf.overall, bf.overallCI)
        add("bf.thinking", "BF, thinking span", .bf, bf.thinking, bf.thinkingCI)
        add("bf.answer", "BF, answer span", .bf, bf.answer, bf.answerCI)
        add("bf.first", "BF@1, first output token", .bf, bf.first, bf.firstCI)
        add("accuracy", "Accuracy", .accuracy, analysis.accuracy, analysis.accuracyCI)
        add("agreement", "Agreement (modal answer share)", .agreement, analysis.agreement, analysis.agreementCI)
        if let answers = analysis.answers {
            add("answer_entropy", "Answer entropy (nats)", .answerEntropy, answers.answerEntropy, answers.answerEntropyCI)
            for point in answers.majAtK.sorted(by: { $0.k < $1.k }) {
                add("maj@\(point.k)", "maj@\(point.k) accuracy", .maj, point.value, point.ci)
            }
        }
        if let probes = analysis.probes {
            for point in probes.truncation {
                let (id, place) = truncationName(length: point.length, unit: point.lengthUnit)
                let label = "Thinking cut at \(place):"
                add("\(id).agreement", "\(label) agreement", .agreement, point.agreement, point.agreementCI)
                add("\(id).accuracy", "\(label) accuracy", .accuracy, point.accuracy, point.accuracyCI)
                add("\(id).answer_bf", "\(label) answer BF", .bf, point.answerBF, point.answerBFCI)
            }
            for point in probes.resample {
                let id = "resample@\(point.position)"
                let label = "Resampled after token \(point.position):"
                add("\(id).bf", "\(label) BF@\(point.position)", .bf, point.bf, point.bfCI)
                add("\(id).maj_accuracy", "\(label) majority accuracy", .maj, point.majAccuracy, point.majAccuracyCI)
                add("\(id).agreement", "\(label) agreement", .agreement, point.agreement, nil)
            }
        }

        var seen = Set<String>()
        let duplicates = metrics.map(\.id).filter { !seen.insert($0).inserted }
        guard duplicates.isEmpty else {
            throw GateError(reason: .invalidAnalysis(
                "the analysis holds more than one value for \(duplicates.joined(separator: ", "))"))
        }
        return metrics
    }

    /// The id stem and the readable place of a truncation point: a fraction of the thinking
    /// span reads as a percentage (`truncation@50%`), a token count as tokens.
    private static func truncationName(length: Double, unit: String) -> (id: String, place: String) {
        switch unit {
        case "fraction":
            let percent = GateFormat.compact(length * 100) + "%"
            return ("truncation@\(percent)", "\(percent) of its length")
        case "tokens":
            let tokens = GateFormat.compact(length)
            return ("truncation@\(tokens)tokens", "\(tokens) tokens")
        default:
            let amount = GateFormat.compact(length)
            return ("truncation@\(amount)\(unit)", "\(amount) \(unit)")
        }
    }
}
