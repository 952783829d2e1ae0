import ArgumentParser
import Foundation
import Horizon

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the part files of `analyze --shard I/N` into one analysis.",
        discussion: """
            Writes the analysis one `horizon analyze` over all the traces would have written: the \
            same numbers, intervals and per-problem rows, bit for bit. Refuses parts of different \
            settings, inputs or versions, split and unsplit parts mixed, and a shard missing or \
            given twice (exit 2). Parts of `--split-input` shards merge to the analysis of every \
            shard's files read in shard order.
            """)

    @Argument(help: "Part files written by `horizon analyze --shard I/N`, every shard once, in any order (`-`: standard input).")
    var parts: [String]

    @Option(name: [.customLong("out"), .customLong("json")], help: "Write the analysis JSON here (default: standard output).")
    var output: String?

    func validate() throws {
        if parts.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (`-`) can be read once.") }
    }

    func run() throws {
        let analysis = try AnalysisPart.merge(paths: parts, output: output)
        try emit(try Analysis.makeEncoder().encode(analysis), to: output)
        Analyze.noteSummary(analysis)
    }
}
