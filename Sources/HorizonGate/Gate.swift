import HorizonCommon
import Foundation
import HorizonStability

/// The noise-aware regression gate behind `horizon check`.
///
/// ```swift
/// let baseline = try Baseline.load(from: baselineURL)
/// let analysis = try Gate.loadAnalysis(from: analysisURL)
/// let result = try Gate.check(baseline: baseline, analysis: analysis, options: GateOptions())
/// print(result.markdown())
/// exit(result.exitCode)   // 0 pass, 1 regression; a thrown GateError is exit 2
/// ```
public enum Gate {
    /// Compares an analysis with a baseline, metric by metric and problem by problem.
    ///
    /// - Parameters:
    ///   - baseline: the held baseline.
    ///   - analysis: the new run's analysis.
    ///   - options: thresholds, rule, what to tolerate, the per-problem cap.
    /// - Returns: the result; its ``GateResult/verdict`` is `regression` when any row regressed.
    /// - Throws: ``GateError`` (exit 2) with ``GateError/Reason/settingsChanged(_:)`` unless
    ///   `allowSettingsChange`, ``GateError/Reason/missingMetrics(_:)`` unless `allowMissing`,
    ///   ``GateError/Reason/invalidOption(_:)`` for a negative `top`, or
    ///   ``GateError/Reason/invalidAnalysis(_:)`` (see ``validate(_:)``).
    /// - Complexity: O(m + p log p) in metrics and problems.
    public static func check(baseline: Baseline, analysis: Analysis, options: GateOptions = GateOptions()) throws(GateError) -> GateResult {
        guard options.top >= 0 else {
            throw GateError(.invalidOption("--top must be 0 or more, got \(options.top)"))
        }
        try validate(analysis)
        let settingsChanges = SettingChange.changes(from: baseline, to: analysis)
        if !settingsChanges.isEmpty && !options.allowSettingsChange {
            throw GateError(.settingsChanged(settingsChanges))
        }
        let currentMetrics = try GateMetric.all(in: analysis)
        let currentByID = Dictionary(uniqueKeysWithValues: currentMetrics.map { ($0.id, $0) })
        let missing = baseline.metrics.map(\.id).filter { currentByID[$0] == nil }
        if !missing.isEmpty && !options.allowMissing {
            throw GateError(.missingMetrics(missing))
        }
        let heldIDs = Set(baseline.metrics.map(\.id))
        let rows = baseline.metrics.map { held in
            MetricComparison(held: held, current: currentByID[held.id],
                             threshold: options.thresholds[held.family], rule: options.rule)
        }
        return GateResult(
            rule: options.rule, confidence: analysis.settings.confidence,
            baseline: RunIdentity(label: baseline.label, model: baseline.model, horizonVersion: baseline.horizonVersion),
            current: RunIdentity(label: analysis.label, model: analysis.model, horizonVersion: analysis.horizonVersion),
            settingsChanges: settingsChanges, metrics: rows,
            newMetrics: currentMetrics.map(\.id).filter { !heldIDs.contains($0) },
            problems: ProblemView.compare(
                baseline: baseline.problems, current: analysis.problems.map(BaselineProblem.init), top: options.top))
    }

    /// Reads an analysis file for `horizon baseline` or `horizon check` and refuses what the gate
    /// cannot trust (``validate(_:)``), reporting problems as ``GateError`` so every input error
    /// of the gate exits 2.
    ///
    /// - Parameter url: the `ANALYSIS.json` written by `horizon analyze`.
    /// - Returns: the analysis.
    /// - Throws: ``GateError`` with ``GateError/Reason/unusableAnalysis(_:)`` carrying the
    ///   analysis reader's error (which names the file), or what ``validate(_:)`` found, with
    ///   ``GateError/location`` set to the file.
    /// - Complexity: O(n) in the file size.
    public static func loadAnalysis(from url: URL) throws(GateError) -> Analysis {
        let analysis: Analysis
        do {
            analysis = try Analysis.load(from: url)
        } catch {
            throw GateError(.unusableAnalysis(error))
        }
        do {
            try validate(analysis)
        } catch {
            throw GateError(error.reason, at: SourceLocation(file: url.path))
        }
        return analysis
    }
}
