import HorizonCommon
import HorizonStability

extension MetricComparison {
    /// Which test decided the verdict, in a few words: `threshold + interval`, `threshold`,
    /// `interval` when a change counted; `within limit` or `within noise` when it did not.
    public var decidedBy: String {
        switch verdict {
        case .skipped:
            return "—"
        case .regression, .improved:
            switch rule {
            case .both: return "threshold + interval"
            case .thresholdOnly: return differenceCI == nil ? "threshold (no interval)" : "threshold"
            case .intervalOnly: return "interval"
            }
        case .pass:
            switch rule {
            case .thresholdOnly: return "within limit"
            case .intervalOnly: return "within noise"
            case .both: return beyondThreshold == true ? "within noise" : "within limit"
            }
        }
    }

    /// The limit as a reader states it: `rise ≤ 10%`, `drop ≤ 0.02`.
    var limitText: String { "\(worseWhen.rawValue) ≤ \(threshold)" }

    /// The verdict with a symbol, for tables.
    var verdictText: String {
        switch verdict {
        case .pass: return "✅ pass"
        case .improved: return "🟢 improved"
        case .regression: return "❌ regression"
        case .skipped: return "⏭️ skipped"
        }
    }

    /// `1.250 [1.200, 1.300]`, or the bare value without an interval.
    static func valueText(_ value: Double, _ ci: ConfidenceInterval?) -> String {
        guard let ci else { return NumberFormat.decimal(value) }
        return NumberFormat.decimal(value) + " " + NumberFormat.interval(ci)
    }
}
