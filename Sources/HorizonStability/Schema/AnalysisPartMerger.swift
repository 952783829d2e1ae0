import HorizonCommon

/// Folds the parts of one analysis together as they arrive, in any order, into what
/// ``AnalysisPart/merge(_:output:)`` returns: each part is checked against the first and its
/// problem-level state added at once (sums and unions, the same in any order), so it can be
/// dropped; only what merges in shard order — each shard's input-level fields and probe
/// records, a few kilobytes — waits for ``finish(output:)``.
struct AnalysisPartMerger {
    /// The first part added, with its state cut down to ``AnalysisState/adoptInputs(of:)``'s
    /// fields (all that the checks compare), and its file.
    private var first: (file: String, part: AnalysisPart)?
    /// The file of each shard added.
    private var files: [Int: String] = [:]
    /// Each shard's input-level fields and probe records.
    private var inputs: [Int: AnalysisState] = [:]
    /// Shard 0's command line and trace files, for the merged command line.
    private var shardZero: AnalysisPart?
    /// The problem-level state of every part added.
    private var problems = AnalysisState()

    /// Checks the part against the first and adds it.
    ///
    /// - Throws: ``AnalysisError`` naming `file` when it does not belong with the parts added
    ///   before: other options, versions, inputs or shard count, a shard already added, a
    ///   problem another shard holds.
    mutating func add(_ part: AnalysisPart, from file: String) throws {
        var stub = AnalysisState()
        stub.adoptInputs(of: part.state)
        if case let (firstFile, first)? = first {
            func refuse(_ why: String) -> AnalysisError {
                AnalysisError(.partsDiffer("\(why) than \(firstFile)"), at: SourceLocation(file: file))
            }
            if part.horizonVersion != first.horizonVersion {
                throw refuse("was written by horizon \(part.horizonVersion), not \(first.horizonVersion),")
            }
            if part.shardHash != first.shardHash { throw refuse("assigns problems with another hash (\(part.shardHash))") }
            if part.options != first.options { throw refuse("was analysed with other settings") }
            if part.shard.count != first.shard.count { throw refuse("is shard \(part.shard) of another count") }
            if part.splitInput != first.splitInput {
                throw refuse(part.splitInput ? "read only its shard's files (--split-input), while every line was read" : "read every line, while only its shard's files were read (--split-input)")
            }
            if let mismatch = part.splitInput ? stub.probeInputMismatch(first.state) : stub.inputMismatch(first.state) {
                throw refuse(mismatch)
            }
        } else {
            var header = part
            header.state = stub
            first = (file, header)
        }
        if let other = files[part.shard.index] {
            throw AnalysisError(.shardsIncomplete("shard \(part.shard) is also in \(other)"), at: SourceLocation(file: file))
        }
        let shared = problems.mergeProblems(part.state)
        if !shared.isEmpty {
            throw AnalysisError(.partsDiffer("holds problems another shard holds too (\(shared.prefix(3).joined(separator: ", "))): not written by this horizon's --shard"), at: SourceLocation(file: file))
        }
        files[part.shard.index] = file
        inputs[part.shard.index] = stub
        if part.shard.index == 0 {
            var header = part
            header.state = stub
            shardZero = header
        }
    }

    /// The merged analysis.
    ///
    /// - Throws: ``AnalysisError`` when no part was added or a shard is missing.
    func finish(output: String?) throws -> Analysis {
        guard case let (firstFile, first)? = first else {
            throw AnalysisError(.shardsIncomplete("no part files given"), at: SourceLocation(file: "-"))
        }
        let count = first.shard.count
        let missing = (0..<count).filter { files[$0] == nil }
        guard missing.isEmpty, let shardZero else {
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw AnalysisError(.shardsIncomplete("shard\(missing.count == 1 ? "" : "s") \(names) missing"), at: SourceLocation(file: firstFile))
        }
        var ordered = inputs[0]!
        for index in 1..<count {
            let next = inputs[index]!
            if first.splitInput { ordered.mergeInputs(next) }
            ordered.probes += next.probes
        }
        var state = problems
        state.adoptInputs(of: ordered)
        var analysis = AnalysisBuilder(options: first.options, state: state).finish(horizonVersion: first.horizonVersion)
        analysis.commandLine = shardZero.commandLine.map { words in
            guard shardZero.splitInput else { return AnalysisPart.singleMachineCommand(words, output: output) }
            let traceFiles = { (state: AnalysisState) in state.inputs.filter { $0.role != .probes }.map(\.path) }
            return AnalysisPart.singleMachineCommand(words, output: output, replacing: traceFiles(shardZero.state), with: traceFiles(state))
        }
        return analysis
    }
}
