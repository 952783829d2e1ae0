extension AnalysisState {
    /// What differs between two parts' input-level fields, or `nil` when they read the same input.
    func inputMismatch(_ other: AnalysisState) -> String? {
        if inputs != other.inputs {
            return "they read different inputs (\(Self.describe(inputs)) vs \(Self.describe(other.inputs)))"
        }
        if readCounts != other.readCounts || invalid != other.invalid {
            return "they read the same files with different contents (lines, invalid lines or duplicates differ)"
        }
        return nil
    }

    /// What differs between two split-input parts' probe files, which every shard reads whole,
    /// or `nil` when they read the same ones.
    func probeInputMismatch(_ other: AnalysisState) -> String? {
        let probes = inputs.filter { $0.role == .probes }, otherProbes = other.inputs.filter { $0.role == .probes }
        guard probes != otherProbes else { return nil }
        return "it read other probe files (\(Self.describe(probes)) vs \(Self.describe(otherProbes)); every shard reads the same ones whole)"
    }

    /// Adds the input-level fields of the next shard's part when each shard read only its own
    /// files: the result is what one reader of this part's trace files, then the other's, then
    /// the probe files (the same in both) records.
    mutating func mergeInputs(_ other: AnalysisState) {
        inputs = inputs.filter { $0.role != .probes } + other.inputs.filter { $0.role != .probes } + inputs.filter { $0.role == .probes }
        invalid = Array((invalid + other.invalid).prefix(AnalysisBuilder.recordedInvalidLines))
        readCounts.lines += other.readCounts.lines
        readCounts.invalidLines += other.readCounts.invalidLines
        readCounts.duplicates += other.readCounts.duplicates
        readCounts.emptyTopLists += other.readCounts.emptyTopLists
        readCounts.sampledNotInTop += other.readCounts.sampledNotInTop
    }

    /// Adds another shard's problem-level state but its probe records: sums, unions and the
    /// preferred strip, which come out the same in any order, so parts can be added as they are
    /// read. The shards' problems must be disjoint.
    ///
    /// - Returns: the ids of problems present in both (empty when they are disjoint).
    mutating func mergeProblems(_ other: AnalysisState) -> [String] {
        let shared = other.problems.keys.filter { problems[$0] != nil }.sorted()
        guard shared.isEmpty else { return shared }
        problems.merge(other.problems) { first, _ in first }
        models.formUnion(other.models)
        traceCounts.traces += other.traceCounts.traces
        traceCounts.tracesWithLogProbs += other.traceCounts.tracesWithLogProbs
        traceCounts.tokens += other.traceCounts.tokens
        traceCounts.lowCoverageTokens += other.traceCounts.lowCoverageTokens
        traceCounts.truncated += other.traceCounts.truncated
        traceCounts.openingMarkerMissing += other.traceCounts.openingMarkerMissing
        recordedTruncations.merge(other.recordedTruncations, uniquingKeysWith: +)
        settingsNotRebuilt.merge(other.settingsNotRebuilt, uniquingKeysWith: +)
        unmeasuredSpans += other.unmeasuredSpans
        if let candidate = other.strip, strip.map(candidate.isPreferred(over:)) ?? true { strip = candidate }
        return []
    }

    /// Takes `other`'s fields whose merge depends on the shards' order: the input-level ones
    /// (``inputs``, ``invalid``, ``readCounts``) and the probe records, which merge in shard order
    /// (``mergeInputs(_:)``, then the records appended).
    mutating func adoptInputs(of other: AnalysisState) {
        inputs = other.inputs
        invalid = other.invalid
        readCounts = other.readCounts
        probes = other.probes
    }

    private static func describe(_ inputs: [AnalysisInput]) -> String {
        inputs.map(\.path).joined(separator: ", ")
    }
}
