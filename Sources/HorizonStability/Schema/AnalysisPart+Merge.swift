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
        guard let first = parts.first else { throw AnalysisError(.shardsIncomplete("no part files given"), at: SourceLocation(file: "-")) }
        let count = first.part.shard.count
        var byIndex: [Int: (file: String, part: AnalysisPart)] = [:]
        for (file, part) in parts {
            func refuse(_ why: String) -> AnalysisError {
                AnalysisError(.partsDiffer("\(why) than \(first.file)"), at: SourceLocation(file: file))
            }
            if part.horizonVersion != first.part.horizonVersion {
                throw refuse("was written by horizon \(part.horizonVersion), not \(first.part.horizonVersion),")
            }
            if part.shardHash != first.part.shardHash { throw refuse("assigns problems with another hash (\(part.shardHash))") }
            if part.options != first.part.options { throw refuse("was analysed with other settings") }
            if part.shard.count != count { throw refuse("is shard \(part.shard) of another count") }
            if part.splitInput != first.part.splitInput {
                throw refuse(part.splitInput ? "read only its shard's files (--split-input), while every line was read" : "read every line, while only its shard's files were read (--split-input)")
            }
            let mismatch = part.splitInput ? part.state.probeInputMismatch(first.part.state) : part.state.inputMismatch(first.part.state)
            if let mismatch {
                throw AnalysisError(.partsDiffer("\(mismatch) than \(first.file)"), at: SourceLocation(file: file))
            }
            if let other = byIndex[part.shard.index] {
                throw AnalysisError(.shardsIncomplete("shard \(part.shard) is also in \(other.file)"), at: SourceLocation(file: file))
            }
            byIndex[part.shard.index] = (file, part)
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw AnalysisError(.shardsIncomplete("shard\(missing.count == 1 ? "" : "s") \(names) missing"), at: SourceLocation(file: first.file))
        }
        var state = byIndex[0]!.part.state
        for index in 1..<count {
            let (file, part) = byIndex[index]!
            if part.splitInput { state.mergeInputs(part.state) }
            let shared = state.merge(part.state)
            if !shared.isEmpty {
                throw AnalysisError(.partsDiffer("holds problems another shard holds too (\(shared.prefix(3).joined(separator: ", "))): not written by this horizon's --shard"), at: SourceLocation(file: file))
            }
        }
        var analysis = AnalysisBuilder(options: first.part.options, state: state).finish(horizonVersion: first.part.horizonVersion)
        let shardZero = byIndex[0]!.part
        analysis.commandLine = shardZero.commandLine.map { words in
            guard shardZero.splitInput else { return singleMachineCommand(words, output: output) }
            let traceFiles = { (state: AnalysisState) in state.inputs.filter { $0.role != .probes }.map(\.path) }
            return singleMachineCommand(words, output: output, replacing: traceFiles(shardZero.state), with: traceFiles(state))
        }
        return analysis
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
