import HorizonStability

/// One measurement setting that differs between the baseline and the current analysis.
public struct SettingChange: Codable, Sendable, Equatable {
    /// The setting's key in the analysis JSON (`truncation_value`, `estimator_used`, ...).
    public var setting: String
    public var baseline: String
    public var current: String

    public init(setting: String, baseline: String, current: String) {
        self.setting = setting
        self.baseline = baseline
        self.current = current
    }

    /// The settings that make two runs' numbers incomparable when they differ, in a fixed order.
    ///
    /// Compared: `profile`, `end_marker`, `truncation`, `truncation_value`, `estimator`,
    /// `estimator_used`, `reference_compat`, `problem_set_digest`, and `confidence` (the interval
    /// rule combines two intervals, which only makes sense at one level). Not compared: `window`
    /// (curves only), `bootstrap_resamples` and `seed` (they move intervals within their noise).
    ///
    /// - Parameters:
    ///   - baseline: the held baseline.
    ///   - analysis: the analysis being checked.
    /// - Returns: one change per differing setting; empty when the runs are comparable.
    /// - Complexity: O(1).
    public static func changes(from baseline: Baseline, to analysis: Analysis) -> [SettingChange] {
        let held = comparedSettings(baseline.settings, estimatorUsed: baseline.estimatorUsed)
        let now = comparedSettings(analysis.settings, estimatorUsed: analysis.bf.estimatorUsed)
        return zip(held, now).compactMap { held, now in
            held.value == now.value ? nil : SettingChange(setting: held.key, baseline: held.value, current: now.value)
        }
    }

    private static func comparedSettings(_ settings: AnalysisSettings, estimatorUsed: String?) -> [(key: String, value: String)] {
        [
            ("profile", settings.profile),
            ("end_marker", settings.endMarker),
            ("truncation", settings.truncation),
            ("truncation_value", String(describing: settings.truncationValue)),
            ("estimator", settings.estimator),
            ("estimator_used", estimatorUsed ?? "none"),
            ("reference_compat", String(describing: settings.referenceCompat)),
            ("problem_set_digest", settings.problemSetDigest.isEmpty ? "none" : settings.problemSetDigest),
            ("confidence", String(describing: settings.confidence)),
        ]
    }
}
