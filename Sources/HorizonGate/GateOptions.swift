/// Everything `horizon check` takes besides its two files; the defaults are the documented ones.
public struct GateOptions: Sendable, Equatable {
    /// The per-family limits (`--max-bf-rise`, ...).
    public var thresholds: GateThresholds
    /// Which tests must fire for a regression (`--rule`).
    public var rule: GateRule
    /// Compare even when the settings differ (`--allow-settings-change`); the differences are
    /// listed in the result instead of stopping the check.
    public var allowSettingsChange: Bool
    /// Report metrics the analysis lacks as skipped rows instead of failing with exit 2
    /// (`--allow-missing`).
    public var allowMissing: Bool
    /// How many problems each per-problem list shows at most (`--top`).
    public var top: Int

    public init(
        thresholds: GateThresholds = GateThresholds(), rule: GateRule = .both,
        allowSettingsChange: Bool = false, allowMissing: Bool = false, top: Int = 10
    ) {
        self.thresholds = thresholds
        self.rule = rule
        self.allowSettingsChange = allowSettingsChange
        self.allowMissing = allowMissing
        self.top = top
    }
}
