import Foundation
import HorizonAnswers
import HorizonCommon

/// Accuracy and BF as budget forcing extends the thinking (s1, Muennighoff et al. 2025,
/// arXiv:2501.19393): one row per number of waits k = 0…N, from the chains `horizon probe
/// --budget-force N` wrote.
///
/// ```swift
/// let rows = BudgetForcing.summarize(records, options: options)  // nil without budget lines
/// ```
///
/// A chain is one probed trace's `index`-th chain; its answer at k = 0 is forced at the whole
/// original thinking, so answer changes compare each chain with itself. Accuracy and the
/// extension BF are means over probed traces of the mean over their chains, with two-level
/// bootstrap intervals (traces, then chains), as the truncation rows are.
public enum BudgetForcing {
    /// - Returns: the rows in order of waits, `nil` when `records` hold no budget-forcing line.
    /// - Complexity: O(records) gradings plus the bootstrap's O(resamples × records).
    public static func summarize(_ records: [ProbeRecord], options: AnalysisOptions) -> [BudgetForcingPoint]? {
        var answers: [Int: [ChainKey: ProbeRecord]] = [:]
        var extensions: [Int: [ChainKey: ProbeRecord]] = [:]
        for record in records {
            let key = ChainKey(problemID: record.problemID, sampleIndex: record.sampleIndex, index: record.index)
            switch record.kind {
            case .budgetAnswer(let waits): answers[waits, default: [:]][key] = record
            case .budgetExtension(let waits): extensions[waits, default: [:]][key] = record
            case .truncation, .resample: continue
            }
        }
        guard !answers.isEmpty || !extensions.isEmpty else { return nil }
        var random = SplitMix64(seed: options.seed ^ 0x4255_4447_4554)  // "BUDGET": its own stream
        let extractor = AnswerExtractor()
        var correctness: [ChainKey: [Int: Bool]] = [:]
        for (waits, chains) in answers {
            for (key, record) in chains {
                guard let gold = record.gold, let reference = extractor.referenceAnswer(fromGold: gold) else { continue }
                correctness[key, default: [:]][waits] = record.answer.map {
                    AnswerEquivalence.compare(reference: reference, candidate: $0).equivalent
                } ?? false
            }
        }
        let allWaits = Set(answers.keys).union(extensions.keys).sorted()
        return allWaits.map { waits in
            let chains = answers[waits] ?? [:]
            let added = extensions[waits] ?? [:]
            /// Values per probed trace, traces in a fixed order.
            func grouped(_ values: [ChainKey: Double]) -> [[Double]] {
                Dictionary(grouping: values.keys.sorted(), by: { TraceKey(problemID: $0.problemID, sampleIndex: $0.sampleIndex) })
                    .sorted { $0.key < $1.key }
                    .map { $0.value.map { values[$0]! } }
            }
            let correct = grouped(chains.keys.reduce(into: [ChainKey: Double]()) { values, key in
                if let right = correctness[key]?[waits] { values[key] = right ? 1.0 : 0.0 }
            })
            let logBF = grouped(added.reduce(into: [ChainKey: Double]()) { values, entry in
                if let value = entry.value.measures?.logBranchingFactor(.entropy) { values[entry.key] = value }
            })
            func meanOverGroups(_ groups: [[Double]], _ transform: (Double) -> Double) -> Double? {
                guard !groups.isEmpty else { return nil }
                return groups.map { transform($0.reduce(0, +) / Double($0.count)) }.reduce(0, +) / Double(groups.count)
            }
            var changes = (rightToWrong: 0, wrongToRight: 0)
            for key in chains.keys {
                guard let before = correctness[key]?[0], let now = correctness[key]?[waits] else { continue }
                if before && !now { changes.rightToWrong += 1 }
                if !before && now { changes.wrongToRight += 1 }
            }
            let extensionTokens = chains.values.map { Double($0.extensionTokens ?? 0) }
            return BudgetForcingPoint(
                waits: waits, samples: chains.count, problems: Set(chains.keys.map(\.problemID)).count,
                accuracy: meanOverGroups(correct) { $0 },
                accuracyCI: Bootstrap.twoLevelInterval(correct, options: options, using: &random, perGroup: { $0 }),
                extensionTokens: extensionTokens.isEmpty ? 0 : extensionTokens.reduce(0, +) / Double(extensionTokens.count),
                extensionBF: meanOverGroups(logBF) { exp($0) },
                extensionBFCI: Bootstrap.twoLevelInterval(logBF, options: options, using: &random),
                emptyExtensions: added.values.count(where: { $0.tokensSpent == 0 }),
                lengthCapped: added.values.count(where: { $0.finishReason == "length" }),
                rightToWrong: changes.rightToWrong, wrongToRight: changes.wrongToRight)
        }
    }

    private struct TraceKey: Hashable, Comparable {
        var problemID: String
        var sampleIndex: Int
        static func < (a: TraceKey, b: TraceKey) -> Bool { (a.problemID, a.sampleIndex) < (b.problemID, b.sampleIndex) }
    }

    private struct ChainKey: Hashable, Comparable {
        var problemID: String
        var sampleIndex: Int
        var index: Int
        static func < (a: ChainKey, b: ChainKey) -> Bool {
            (a.problemID, a.sampleIndex, a.index) < (b.problemID, b.sampleIndex, b.index)
        }
    }
}
