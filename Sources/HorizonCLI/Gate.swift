import ArgumentParser
import Foundation
import Horizon
import HorizonCommon

/// `horizon baseline` (named so as not to shadow ``HorizonGate/Baseline``).
struct MakeBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the metrics a later `check` must hold, with their intervals and settings.")

    @Argument(help: "Analysis JSON written by `horizon analyze --json`.")
    var analysis: String

    @Option(help: "Where to write the baseline JSON.")
    var out: String

    func run() throws {
        try exitingOnGateError {
            let analysis = try Gate.loadAnalysis(from: URL(fileURLWithPath: analysis))
            let baseline = try Baseline.make(from: analysis)
            try baseline.write(to: URL(fileURLWithPath: out))
            note("baseline: \(baseline.metrics.count) metrics and \(baseline.problems.count) problems held in \(out)")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fail when stability or accuracy regressed beyond noise against a baseline.",
        discussion: """
            A metric fails when its change is beyond its threshold and (rule `both`, the default) \
            the interval of the change excludes zero. Exit codes: 0 pass, 1 regression, 2 input \
            or I/O error (an invalid file or threshold, changed settings without \
            --allow-settings-change, an output that cannot be written).
            """)

    @Option(help: "Baseline JSON written by `horizon baseline`.")
    var baseline: String

    @Argument(help: "Analysis JSON of the new run.")
    var analysis: String

    // Thresholds are read as text and parsed in `run`, so a bad one is an input error (exit 2,
    // docs/ci.md) rather than the argument parser's usage error (64).
    @Option(help: "Largest allowed BF rise (relative like 10% or absolute like 0.2).")
    var maxBfRise: String?
    @Option(help: "Largest allowed accuracy drop (absolute like 0.02, or relative like 5%).")
    var maxAccuracyDrop: String?
    @Option(help: "Largest allowed agreement drop.")
    var maxAgreementDrop: String?
    @Option(help: "Largest allowed answer-entropy rise (nats).")
    var maxEntropyRise: String?
    @Option(help: "Largest allowed maj@k drop.")
    var maxMajDrop: String?

    @Option(help: "Which test must fire: threshold-only, interval-only, or both.")
    var rule: GateRule = .both

    @Flag(help: "Compare runs measured with different settings instead of refusing.")
    var allowSettingsChange = false

    @Flag(help: "Skip metrics the new analysis lacks instead of refusing.")
    var allowMissing = false

    @Option(help: "How many problems to list in the per-problem view.")
    var top = 10

    @Option(help: "Write the Markdown summary here too (e.g. $GITHUB_STEP_SUMMARY).")
    var markdown: String?

    @Option(help: "Write JUnit XML here, for CI test reporters.")
    var junit: String?

    @Option(name: [.customLong("out"), .customLong("json")], help: "Write the result as JSON here (--json is the same).")
    var json: String?

    func run() throws {
        try exitingOnGateError {
            var thresholds = GateThresholds()
            let given: [(MetricFamily, String?)] = [
                (.bf, maxBfRise), (.accuracy, maxAccuracyDrop), (.agreement, maxAgreementDrop),
                (.answerEntropy, maxEntropyRise), (.maj, maxMajDrop),
            ]
            for case let (family, text?) in given {
                do {
                    thresholds[family] = try Threshold(parsing: text)
                } catch {
                    throw GateError(.invalidOption("\(family.thresholdOption): \(error)"))
                }
            }
            let baseline = try HorizonGate.Baseline.load(from: URL(fileURLWithPath: baseline))
            let analysis = try Gate.loadAnalysis(from: URL(fileURLWithPath: analysis))
            let options = GateOptions(thresholds: thresholds, rule: rule, allowSettingsChange: allowSettingsChange,
                                      allowMissing: allowMissing, top: top)
            let result = try Gate.check(baseline: baseline, analysis: analysis, options: options)
            let summary = result.markdown()
            print(summary)
            if let markdown { try appendOrWrite(Data(summary.utf8), to: markdown) }
            if let junit { try write(Data(result.junitXML().utf8), to: junit) }
            if let json { try write(result.json(), to: json) }
            if result.exitCode != 0 { throw ExitCode(Int32(result.exitCode)) }
        }
    }

    /// Writes an output file; failing is an I/O error (exit 2), never a verdict.
    private func write(_ data: Data, to path: String) throws(GateError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw GateError(.unwritable(error.localizedDescription), at: SourceLocation(file: path))
        }
    }

    /// CI summary files are shared by steps: append rather than overwrite.
    private func appendOrWrite(_ data: Data, to path: String) throws(GateError) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return try write(data, to: path) }
        do {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch {
            throw GateError(.unwritable(error.localizedDescription), at: SourceLocation(file: path))
        }
    }
}

/// Gate input errors exit with 2, as the contract says; everything else keeps its own code.
func exitingOnGateError(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GateError {
        note("Error: \(error)")
        throw ExitCode(2)
    }
}
