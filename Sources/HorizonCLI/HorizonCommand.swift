import ArgumentParser
import Horizon

@main
struct HorizonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "horizon",
        abstract: "Measure how stable a reasoning model's output is.",
        discussion: """
            Horizon samples a model behind an OpenAI-compatible server, splits each output into \
            thinking and answer, measures the Branching Factor (the effective number of plausible \
            next tokens) per segment and along the output, checks whether samples agree on the \
            answer, writes a Markdown report, and gates CI on regressions beyond noise.

            Pipeline: sample → (probe) → analyze → report → baseline / check.
            """,
        version: horizonVersion,
        subcommands: [
            Sample.self, Probe.self, Analyze.self, Segment.self, Report.self, Grade.self, Baseline.self, Check.self,
        ]
    )
}
