import ArgumentParser
import Foundation
import Horizon
import HorizonCommon

struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split trace files by problem into one file per shard, for `analyze --shard I/N --split-input`.",
        discussion: """
            Writes DIR/shard-00000-of-000NN.jsonl … one file per shard (every one, empty when no \
            problem hashed there), each holding, byte for byte and in input order, the lines whose \
            problem id hashes to it: FNV-1a 64 of the id's UTF-8 bytes, mod N, the hash \
            `analyze --shard` uses (docs/scale.md). Lines are read as `analyze` reads them, so give \
            the same field options. A line that names no readable problem (blank, malformed, no \
            sample) goes to shard 0's file, so it is counted once.
            """)

    @Argument(help: "JSONL trace files, read in order (`-` reads standard input; gzip and zstd are recognised).")
    var traces: [String]

    @Option(help: "Number of shards N (1 to 100000).")
    var shards: Int

    @Option(help: "Directory for the shards' files (created if missing; existing shard files are replaced).")
    var out: String

    @Option(help: "Write each shard's file compressed: zstd (`.jsonl.zst`).")
    var compress: CompressionFormat?

    @Option(help: "Field holding the problem id (default: problem_id, id, idx, unique_id), as for `analyze`.")
    var idField: String?

    @Option(help: "Field holding the output text (default: text), as for `analyze`.")
    var textField: String?

    @Option(help: "Field holding a list of responses (default: responses, response, resps, completions, outputs), as for `analyze`.")
    var responsesField: String?

    @Option(help: "Field holding the gold answer (default: gold, answer, gt, ground_truth), as for `analyze`.")
    var goldField: String?

    /// Enough for any cluster; more is a typo, and would open that many files at once.
    static let maximumShards = 100_000

    func validate() throws {
        if !(1...Self.maximumShards).contains(shards) { throw ValidationError("--shards must be in 1...\(Self.maximumShards).") }
        if traces.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (`-`) can be read once.") }
    }

    func run() throws {
        var options = TraceReadOptions()
        options.idField = idField
        options.textField = textField
        options.responsesField = responsesField
        options.goldField = goldField
        let splitter = TraceSplitter(paths: traces, options: options, shardCount: shards, compression: compress)
        let count = shards
        // Every shard's file stays open: room for N descriptors and the usual 64 (2·C + 64 ≥ N + 64).
        do {
            try OpenFileLimit.raise(toServe: (shards + 1) / 2)
        } catch {
            throw CommandError(.unwritable("\(shards) shard files at once: the hard open-file limit is too low (`ulimit -Hn`); split into fewer shards, or in two steps"), at: SourceLocation(file: out))
        }
        let progress = ProgressPrinter(interval: .seconds(5))
        let summary = try splitter.split(into: out, shardOf: { Shard.index(of: $0, count: count) }) { progress.update($0) }
        progress.finish()
        let busiest = summary.linesPerShard.max() ?? 0
        note("\(summary.lines) lines into \(shards) shard files in \(out) (at most \(busiest) lines in one); \(summary.unroutedLines) lines naming no problem went to shard 0")
    }
}
