import ArgumentParser
import Foundation
import Horizon

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a Markdown report with SVG charts from one or more analyses.",
        discussion: "Several analyses are shown side by side (one column and one chart series each).")

    @Argument(help: "Analysis JSON files written by `horizon analyze --json`.")
    var analyses: [String]

    @Option(help: "Directory for report.md and its charts.")
    var out: String

    @Option(help: "Report title.")
    var title: String?

    func run() throws {
        let loaded = try analyses.map { try Analysis.load(from: URL(fileURLWithPath: $0)) }
        var options = ReportOptions()
        options.title = title
        options.analysisFiles = analyses
        options.reportDirectory = out
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = try ReportWriter.write(analyses: loaded, to: directory, options: options)
        print(files.report.path)
    }
}
