import ArgumentParser
import Foundation
import Horizon

struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the metrics a later `check` must hold, with their intervals and settings.")

    @Argument(help: "Analysis JSON written by `horizon analyze --json`.")
    var analysis: String

    @Option(help: "Where to write the baseline JSON.")
    var out: String

    func run() throws {
        try exitingOnGateError {
            let analysis = try Gate.loadAnalysis(from: URL(fileURLWithPath: analysis))
            let baseline = try HorizonGate.Baseline.make(from: analysis)
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
            the interval of the change excludes zero. Exit codes: 0 pass, 1 regression, 2 usage \
            or input error (including changed settings without --allow-settings-change).
            """)

    @Option(help: "Baseline JSON written by `horizon baseline`.")
    var baseline: String

    @Argument(help: "Analysis JSON of the new run.")
    var analysis: String

    @Option(help: "Largest allowed BF rise (relative like 10% or absolute like 0.2).")
    var maxBfRise: Threshold?
    @Option(help: "Largest allowed accuracy drop (absolute like 0.02, or relative like 5%).")
    var maxAccuracyDrop: Threshold?
    @Option(help: "Largest allowed agreement drop.")
    var maxAgreementDrop: Threshold?
    @Option(help: "Largest allowed answer-entropy rise (nats).")
    var maxEntropyRise: Threshold?
    @Option(help: "Largest allowed maj@k drop.")
    var maxMajDrop: Threshold?

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

    @Option(help: "Write the result as JSON here.")
    var json: String?

    func run() throws {
        try exitingOnGateError {
            let baseline = try HorizonGate.Baseline.load(from: URL(fileURLWithPath: baseline))
            let analysis = try Gate.loadAnalysis(from: URL(fileURLWithPath: analysis))
            var thresholds = GateThresholds()
            if let maxBfRise { thresholds.bfRise = maxBfRise }
            if let maxAccuracyDrop { thresholds.accuracyDrop = maxAccuracyDrop }
            if let maxAgreementDrop { thresholds.agreementDrop = maxAgreementDrop }
            if let maxEntropyRise { thresholds.answerEntropyRise = maxEntropyRise }
            if let maxMajDrop { thresholds.majDrop = maxMajDrop }
            let options = GateOptions(thresholds: thresholds, rule: rule, allowSettingsChange: allowSettingsChange,
                                      allowMissing: allowMissing, top: top)
            let result = try Gate.check(baseline: baseline, analysis: analysis, options: options)
            let summary = result.markdown()
            print(summary)
            if let markdown { try appendOrWrite(summary, to: markdown) }
            if let junit { try Data(result.junitXML().utf8).write(to: URL(fileURLWithPath: junit)) }
            if let json { try result.json().write(to: URL(fileURLWithPath: json)) }
            if result.exitCode != 0 { throw ExitCode(Int32(result.exitCode)) }
        }
    }

    /// CI summary files are shared by steps: append rather than overwrite.
    private func appendOrWrite(_ text: String, to path: String) throws {
        if let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } else {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
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
