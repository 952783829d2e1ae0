import HorizonCommon
import HorizonStability

/// Why `horizon baseline` or `horizon check` could not give a verdict: bad input, not a
/// regression. Every case maps to exit code 2, so CI can tell "the model got worse" (exit 1)
/// from "the gate was misused" (exit 2).
public struct GateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The file could not be read (missing, permissions, ...).
        case unreadable(String)
        /// The file is not JSON of the expected shape; the text names the JSON path.
        case malformed(String)
        /// The file declares another schema (an analysis passed where a baseline belongs, ...).
        case wrongSchema(String)
        /// The file was written by a newer horizon with a schema this one does not understand.
        case newerVersion(Int)
        /// The baseline parses but contradicts itself (duplicate ids, an interval upside down, ...).
        case inconsistentBaseline(String)
        /// The analysis file could not be read; the analysis reader's error names the file.
        case unusableAnalysis(AnalysisError)
        /// The analysis reads but its numbers are impossible (what ``Gate/validate(_:)`` found).
        case invalidAnalysis(String)
        /// The analysis has none of the metrics a baseline holds.
        case nothingToHold
        /// Baseline and analysis were measured with different settings.
        case settingsChanged([SettingChange])
        /// Metrics held by the baseline are absent from the analysis (ids, in baseline order).
        case missingMetrics([String])
        /// A threshold text could not be parsed.
        case invalidThreshold(text: String, why: String)
        /// An option value is out of range.
        case invalidOption(String)
        /// An output file could not be written.
        case unwritable(String)
    }

    public var reason: Reason
    /// The file the error is about (and the line of a JSON syntax error), when there is one.
    public var location: SourceLocation?

    public init(_ reason: Reason, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    /// The process exit code `horizon check` uses for every gate error (usage or input error).
    public var exitCode: Int32 { 2 }

    /// `FILE:LINE: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        location.map { "\($0): \(message)" } ?? message
    }

    private var message: String {
        switch reason {
        case .unreadable(let why):
            return "cannot read: \(why)"
        case .malformed(let why):
            return "not a valid baseline: \(why)"
        case .wrongSchema(let schema) where schema == "horizon.analysis":
            return "this is an analysis, not a baseline; make one with "
                + "`horizon baseline ANALYSIS.json --out BASELINE.json`"
        case .wrongSchema(let schema):
            return "schema is '\(schema)', expected '\(Baseline.schemaName)'"
        case .newerVersion(let version):
            return "schema_version \(version) is newer than this horizon understands "
                + "(\(Baseline.currentSchemaVersion)); upgrade horizon or re-create the baseline"
        case .inconsistentBaseline(let why):
            return "inconsistent baseline: \(why)"
        case .unusableAnalysis(let error):
            return error.description
        case .invalidAnalysis(let why):
            return why
        case .nothingToHold:
            return "the analysis has none of the metrics a baseline holds (Branching Factor, accuracy, "
                + "agreement, answer entropy, maj@k, probes); were the traces sampled with log-probs "
                + "and analysed with answers?"
        case .settingsChanged(let changes):
            let list = changes.map { "\($0.setting) \($0.baseline) → \($0.current)" }.joined(separator: ", ")
            return "settings differ from the baseline: \(list); compare runs measured alike, refresh the "
                + "baseline deliberately (docs/ci.md), or pass --allow-settings-change"
        case .missingMetrics(let ids):
            return "metrics held by the baseline are missing from the analysis: \(ids.joined(separator: ", ")); "
                + "pass --allow-missing to report them as skipped"
        case .invalidThreshold(let text, let why):
            return "invalid threshold '\(text)': \(why); write a relative limit like 10% "
                + "or an absolute one like 0.02"
        case .invalidOption(let why):
            return why
        case .unwritable(let why):
            return "cannot write: \(why)"
        }
    }
}
