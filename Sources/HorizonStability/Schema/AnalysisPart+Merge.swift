import Foundation
import HorizonCommon
extension AnalysisPart {
    /// Merges every shard of one analysis into the ``Analysis`` a single machine would have
    /// written over all the input: the same numbers, intervals and rows, bit for bit.
    ///
    /// Parts may come in any order. Parts of split input (``splitInput``) each read their own
    /// files: the merged analysis is the one a single machine writes reading every part's trace
    /// files, the parts taken by shard index and each part's files in its order, then the probe
    /// files (which every part must have read alike). The merged command line is shard 0's with
    /// `--shard` left out, every part's trace files, and `output` as its output: the command
    /// that analyses everything at once.
    ///
    /// - Parameters:
    ///   - parts: each part with the file it came from, for messages.
    ///   - output: where the merged analysis goes (`nil`: standard output).
    /// - Throws: ``AnalysisError`` when the parts do not make one whole: different options,
    ///   versions or inputs (probe inputs, for split input), a shard count that differs, a
    ///   shard missing or given twice, split and unsplit input mixed.
    public static func merge(_ parts: [(file: String, part: AnalysisPart)], output: String? = nil) throws -> Analysis {
        var merger = AnalysisPartMerger()
        for (file, part) in parts { try merger.add(part, from: file) }
        return try merger.finish(output: output)
    }

    /// Reads the part files and merges them as ``merge(_:output:)`` does, folding each part in as
    /// it is read: a few parts at a time are decoded on all cores, so memory holds the merged
    /// state and those parts, not every part at once.
    ///
    /// - Parameters:
    ///   - paths: the part files, in any order (`-`: standard input).
    ///   - output: where the merged analysis goes (`nil`: standard output).
    ///   - inFlight: how many parts are decoded at once (default: twice the cores).
    /// - Throws: ``AnalysisError`` naming the file, as ``load(path:)`` and ``merge(_:output:)``.
    public static func merge(paths: [String], output: String? = nil, inFlight: Int? = nil) throws -> Analysis {
        let batch = max(1, inFlight ?? 2 * ProcessInfo.processInfo.activeProcessorCount)
        var merger = AnalysisPartMerger()
        for start in stride(from: 0, to: paths.count, by: batch) {
            for (file, part) in try load(paths: Array(paths[start..<min(start + batch, paths.count)])) {
                try merger.add(part, from: file)
            }
        }
        return try merger.finish(output: output)
    }

    /// A shard's command line without its `--shard I/N` and its output, writing to `output`; for
    /// split input, with `files` (shard 0's trace files) replaced by `allFiles` after the
    /// command's name (`--split-input` stays: some shards' files may be empty).
    static func singleMachineCommand(_ words: [String], output: String?, replacing files: [String] = [], with allFiles: [String] = []) -> [String] {
        let dropped = ["--shard", "--json", "--out"]
        var result: [String] = []
        var skipNext = false
        for (position, word) in words.enumerated() {
            if skipNext { skipNext = false; continue }
            if dropped.contains(word) { skipNext = true; continue }
            if dropped.contains(where: { word.hasPrefix($0 + "=") }) { continue }
            if position >= 2, files.contains(word) { continue }
            result.append(word)
            if position == 1 { result += allFiles }
        }
        return result + (output.map { ["--json", $0] } ?? [])
    }
}
