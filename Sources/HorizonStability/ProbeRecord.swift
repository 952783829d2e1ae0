import Foundation
import HorizonTraces
import HorizonAnswers
import HorizonEntropy
import HorizonCommon

/// One continuation sampled by a probe, measured.
public struct ProbeRecord: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// Thinking cut at `length` (tokens, or a fraction of the thinking) and an answer forced.
        case truncation(length: Double, unit: String)
        /// The first `position` output tokens kept and the rest resampled.
        case resample(position: Int)
        /// Budget forcing: the answer forced after `waits` extensions of the whole thinking.
        case budgetAnswer(waits: Int)
        /// Budget forcing: the thinking the model added after the `waits`-th wait string.
        case budgetExtension(waits: Int)
    }

    public var kind: Kind
    public var problemID: String
    /// The probed trace's sample index: continuations of one trace form one group.
    public var sampleIndex: Int
    /// The continuation's index among the K of its probe point (orders the group, so results
    /// do not depend on the order concurrent sampling wrote the lines in).
    public var index: Int
    public var gold: String?
    /// Thinking tokens kept before the forced answer (truncation only).
    public var keptTokens: Int
    /// The probed trace's whole thinking length in tokens (truncation only; `nil` when the
    /// line does not say).
    public var thinkingTokens: Int?
    public var answer: ExtractedAnswer?
    /// Measures of the continuation's tokens, when it has log-probs.
    public var measures: SegmentMeasures?
    public var tokensSpent: Int
    /// Budget forcing: the extensions' tokens before this answer (answers), or `nil`.
    public var extensionTokens: Int?
    /// Budget forcing: why the extension ended (`stop` at the end marker, `length`), or `nil`.
    public var finishReason: String?

    public init(kind: Kind, problemID: String, sampleIndex: Int, index: Int = 0, gold: String?, keptTokens: Int,
                thinkingTokens: Int? = nil, answer: ExtractedAnswer?, measures: SegmentMeasures?, tokensSpent: Int,
                extensionTokens: Int? = nil, finishReason: String? = nil) {
        self.kind = kind
        self.problemID = problemID
        self.sampleIndex = sampleIndex
        self.index = index
        self.gold = gold
        self.keptTokens = keptTokens
        self.thinkingTokens = thinkingTokens
        self.answer = answer
        self.measures = measures
        self.tokensSpent = tokensSpent
        self.extensionTokens = extensionTokens
        self.finishReason = finishReason
    }
}

/// Agreement, accuracy and BF of probe continuations, per truncation length and resample
/// position. The K continuations of one probed trace at one point form a group: agreement and
/// accuracy are computed within the group, then averaged over groups with a two-level bootstrap.
extension ProbeRecord.Kind {
    /// Whether the record belongs to a budget-forcing chain.
    public var isBudgetForcing: Bool {
        switch self {
        case .budgetAnswer, .budgetExtension: true
        case .truncation, .resample: false
        }
    }
}

public enum ProbeAggregation {
    public static func summarize(_ records: [ProbeRecord], options: AnalysisOptions) -> ProbeSummary? {
        guard !records.isEmpty else { return nil }
        var random = SplitMix64(seed: options.seed ^ 0x5052_4F42_4553)  // "PROBES": independent of the main draws
        var byKind: [ProbeRecord.Kind: [String: [ProbeRecord]]] = [:]
        // Budget chains are summarized apart (``BudgetForcing``), after these, from their own stream.
        for record in records where !record.kind.isBudgetForcing {
            byKind[record.kind, default: [:]]["\(record.problemID)\u{0}\(record.sampleIndex)", default: []].append(record)
        }
        // Kinds in a fixed order, not the file's: the bootstrap draws from one stream, kind
        // after kind, so the file's order would otherwise move every interval.
        let kindOrder = byKind.keys.sorted { first, second in
            switch (first, second) {
            case let (.truncation(a, aUnit), .truncation(b, bUnit)): (a, aUnit) < (b, bUnit)
            case let (.resample(a), .resample(b)): a < b
            case (.truncation, .resample): true
            case (.resample, .truncation): false
            default: false
            }
        }
        var summary = ProbeSummary()
        for kind in kindOrder {
            let groups = byKind[kind]!.keys.sorted().map { byKind[kind]![$0]!.sorted { $0.index < $1.index } }
            let measured = groups.map { measure($0) }
            let problems = Set(groups.map { $0[0].problemID }).count
            let samples = groups.reduce(0) { $0 + $1.count }
            let agreementGroups = measured.map(\.agreesWithModal)
            let accuracyGroups = measured.compactMap(\.correct)
            let logBFGroups = measured.map(\.logBF).filter { !$0.isEmpty }
            func mean(_ groups: [[Double]], _ transform: (Double) -> Double) -> Double? {
                let values = groups.filter { !$0.isEmpty }.map { transform($0.reduce(0, +) / Double($0.count)) }
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            let identity: (Double) -> Double = { $0 }
            let agreement = mean(agreementGroups, identity)
            let agreementCI = Bootstrap.twoLevelInterval(agreementGroups, options: options, using: &random, perGroup: identity)
            let accuracy = mean(accuracyGroups, identity)
            let accuracyCI = Bootstrap.twoLevelInterval(accuracyGroups, options: options, using: &random, perGroup: identity)
            let bf = mean(logBFGroups) { exp($0) }
            let bfCI = Bootstrap.twoLevelInterval(logBFGroups, options: options, using: &random)
            switch kind {
            case .truncation(let length, let unit):
                let all = groups.flatMap { $0 }
                summary.truncation.append(TruncationPoint(
                    length: length, lengthUnit: unit,
                    keptTokens: Double(all.reduce(0) { $0 + $1.keptTokens }) / Double(all.count),
                    samples: samples, problems: problems, agreement: agreement, agreementCI: agreementCI,
                    accuracy: accuracy, accuracyCI: accuracyCI, answerBF: bf, answerBFCI: bfCI,
                    tokensSpent: Double(all.reduce(0) { $0 + $1.tokensSpent }) / Double(all.count)))
            case .resample(let position):
                // Maj@K: the group's majority answer is right.
                let majority = measured.compactMap(\.majorityCorrect).map { $0 ? 1.0 : 0.0 }
                summary.resample.append(ResamplePoint(
                    position: position, samples: samples, problems: problems, bf: bf, bfCI: bfCI,
                    majAccuracy: majority.isEmpty ? nil : majority.reduce(0, +) / Double(majority.count),
                    majAccuracyCI: Bootstrap.meanInterval(majority, resamples: options.bootstrapResamples,
                                                          confidence: options.confidence, using: &random),
                    agreement: agreement))
            case .budgetAnswer, .budgetExtension:
                break
            }
        }
        summary.truncation.sort { $0.length < $1.length }
        summary.resample.sort { $0.position < $1.position }
        summary.budgetForcing = BudgetForcing.summarize(records, options: options)
        return summary
    }

    struct GroupMeasures {
        var agreesWithModal: [Double]
        var correct: [Double]?
        var majorityCorrect: Bool?
        var logBF: [Double]
    }

    /// Clusters one group's answers and grades them once per cluster.
    static func measure(_ group: [ProbeRecord]) -> GroupMeasures {
        let clusters = AnswerClustering.cluster(group.map(\.answer))
        let reference = group[0].gold.flatMap { AnswerExtractor().referenceAnswer(fromGold: $0) }
        var clusterOf = Array(repeating: 0, count: group.count)
        for (position, cluster) in clusters.enumerated() {
            for member in cluster.members { clusterOf[member] = position }
        }
        let modal = clusters.firstIndex { !$0.isNoAnswer }
        let clusterCorrect = clusters.map { cluster -> Bool in
            guard let reference, let answer = cluster.representative else { return false }
            return AnswerEquivalence.compare(reference: reference, candidate: answer).equivalent
        }
        return GroupMeasures(
            agreesWithModal: clusterOf.map { $0 == modal ? 1 : 0 },
            correct: reference == nil ? nil : clusterOf.map { clusterCorrect[$0] ? 1 : 0 },
            majorityCorrect: reference == nil ? nil : modal.map { clusterCorrect[$0] } ?? false,
            logBF: group.compactMap { $0.measures?.logBranchingFactor(.entropy) })
    }
}
