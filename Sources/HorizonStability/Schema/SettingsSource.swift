/// Where the rebuild's truncation came from, as `settings.settings_source` names it.
public enum SettingsSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// `--top-p` or `--min-p` as given.
    case option
    /// The sampling every trace recorded, all alike.
    case traces
    /// Each trace its own recorded sampling, which differ.
    case mixed
    /// No trace recorded one: top-p 0.9, the reference's default.
    case builtInDefault = "default"

    /// Whether `analyze` took the truncation from the traces rather than from an option, so
    /// rerunning it without `--top-p` or `--min-p` reproduces it.
    public var fromTraces: Bool { self != .option }
}
