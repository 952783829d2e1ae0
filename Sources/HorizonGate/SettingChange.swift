import HorizonStability

/// One measurement setting that differs between the baseline and the current analysis.
public struct SettingChange: Codable, Sendable, Equatable {
    /// The setting's key in the analysis JSON (`truncation_value`, `estimator`, ...).
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
    /// Only what the user chose is a setting. Compared: `profile`, `end_marker`, `truncation`,
    /// `truncation_value`, `estimator`, `reference_compat`, `problem_set_digest`, and `confidence`
    /// (the interval rule combines two intervals, which only makes sense at one level). Not
    /// compared: `estimator_used` (what `auto` resolved to from the data; a re-sample of the same
    /// model may resolve `mixed` once and `nll` the next time), `window` (curves only),
    /// `bootstrap_resamples` and `seed` (they move intervals within their noise).
    ///
    /// - Parameters:
    ///   - baseline: the held baseline.
    ///   - analysis: the analysis being checked.
    /// - Returns: one change per differing setting; empty when the runs are comparable.
    /// - Complexity: O(1).
    public static func changes(from baseline: Baseline, to analysis: Analysis) -> [SettingChange] {
        let held = comparedSettings(baseline.settings)
        let now = comparedSettings(analysis.settings)
        return zip(held, now).compactMap { held, now in
            held.value == now.value ? nil : SettingChange(setting: held.key, baseline: held.value, current: now.value)
        }
    }

    private static func comparedSettings(_ settings: AnalysisSettings) -> [(key: String, value: String)] {
        [
            ("profile", settings.profile),
            ("end_marker", settings.endMarker.rawValue),
            ("truncation", settings.truncation.rawValue),
            ("truncation_value", String(describing: settings.truncationValue)),
            ("estimator", settings.estimator.rawValue),
            ("reference_compat", String(describing: settings.referenceCompat)),
            ("problem_set_digest", settings.problemSetDigest.isEmpty ? "none" : settings.problemSetDigest),
            ("confidence", String(describing: settings.confidence)),
        ]
    }
}
