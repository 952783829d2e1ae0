import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonTraces

/// Reasoning behaviour read off truncation probes: when a trace's forced answer becomes right
/// for good (tokens to first correct), and what an early stop on consistent probe answers would
/// keep and save (Dynasor's Certaindex rule, Fu et al. 2024, arXiv:2412.20993).
///
/// ```swift
/// var probes = ProbeAggregation.summarize(records, options: options)
/// probes?.firstCorrect = ProbeBehaviour.firstCorrect(records, options: options)
/// probes?.consistencyStop = ProbeBehaviour.consistencyStop(
///     records, chainAnswers: ChainAnswer.byTrace(from: analysis.problems), k: 3, options: options)
/// ```
///
/// Both look at each probed trace's chain of probe points (``ProbeChain``): one modal forced
/// answer per kept length, in order of length. They are as fine as the lengths probed: with
/// lengths every 64 tokens, tokens to first correct is known to 64 tokens, and the stop rule
/// fires only at probed lengths, as Dynasor's probes every 32 or 64 tokens do.
public enum ProbeBehaviour {
    /// Dynasor's chat interface defaults to 3 consistent answers ("mid" effort, every 64
    /// tokens); its OpenAI proxy to 2 (every 32 tokens).
    public static let defaultConsistencyK = 3
    /// The K values every consistency table shows, besides the chosen one.
    public static let tableKs = 2...5

    /// Tokens to first correct and token efficiency over the probed traces with a gold answer.
    ///
    /// - Returns: `nil` when no probed trace has truncation probes and a usable gold answer.
    /// - Complexity: O(records) gradings plus the bootstrap's O(resamples × traces).
    public static func firstCorrect(_ records: [ProbeRecord], options: AnalysisOptions) -> FirstCorrectSummary? {
        let chains = ProbeChain.chains(from: records).filter { $0.points.contains { $0.correct != nil } }
        guard !chains.isEmpty else { return nil }
        var random = SplitMix64(seed: options.seed ^ 0x4649_5253_5443)  // "FIRSTC": its own stream
        var reached: [[Double]] = []
        var tokens: [[Double]] = []
        var efficiency: [[Double]] = []
        var thinking: [[Double]] = []
        for problem in byProblem(chains) {
            let firsts = problem.map { ($0, $0.firstCorrectTokens()) }
            reached.append(firsts.map { $0.1 == nil ? 0 : 1 })
            tokens.append(firsts.compactMap { $0.1.map(Double.init) })
            efficiency.append(firsts.compactMap { chain, first in
                guard let first, let length = chain.thinkingTokens, length > 0 else { return nil }
                return Double(first) / Double(length)
            })
            thinking.append(firsts.compactMap { chain, first in first == nil ? nil : chain.thinkingTokens.map(Double.init) })
        }
        let reachedCount = reached.joined().filter { $0 == 1 }.count
        return FirstCorrectSummary(
            samples: chains.count, problems: reached.count, reached: reachedCount, never: chains.count - reachedCount,
            reachedShare: meanOfMeans(reached), reachedShareCI: interval(reached, options, &random),
            tokens: meanOfMeans(tokens), tokensCI: interval(tokens, options, &random),
            efficiency: meanOfMeans(efficiency), efficiencyCI: interval(efficiency, options, &random),
            thinkingTokens: meanOfMeans(thinking))
    }

    /// The consistency stop rule at `k` and at every K of ``tableKs``.
    ///
    /// A trace takes part when the analysis holds its own answer (`chainAnswers`) and its probe
    /// lines record its thinking length. Where the rule fires at a probe, the trace's answer is
    /// that probe's and its thinking ends at that probe's length; elsewhere the trace thinks to
    /// its end and keeps its own answer.
    ///
    /// - Parameters:
    ///   - chainAnswers: each analysed trace's own answer (``ChainAnswer/byTrace(from:)``).
    ///   - k: the K asked for, at least 1.
    /// - Returns: `nil` when no probed trace takes part.
    public static func consistencyStop(
        _ records: [ProbeRecord], chainAnswers: [String: ChainAnswer], k: Int, options: AnalysisOptions
    ) -> ConsistencyStopSummary? {
        let chains = ProbeChain.chains(from: records).filter {
            $0.thinkingTokens != nil && chainAnswers[ChainAnswer.key(problemID: $0.problemID, sampleIndex: $0.sampleIndex)] != nil
        }
        guard !chains.isEmpty else { return nil }
        var random = SplitMix64(seed: options.seed ^ 0x4345_5254_4149)  // "CERTAI": its own stream
        let problems = byProblem(chains)
        let rows = Set(tableKs).union([k]).sorted().map { k in
            row(k: k, problems: problems, chainAnswers: chainAnswers, options: options, random: &random)
        }
        return ConsistencyStopSummary(k: k, rows: rows)
    }

    /// One trace under the rule.
    private struct Outcome {
        /// Whether the rule stopped the thinking before its end.
        var stopped: Bool
        var correctFull: Bool?
        var correctStopped: Bool?
        var agreesWithFull: Bool
        var thinking: Double
        var kept: Double
        var probeTokens: Double
    }

    private static func row(
        k: Int, problems: [[ProbeChain]], chainAnswers: [String: ChainAnswer], options: AnalysisOptions,
        random: inout SplitMix64
    ) -> ConsistencyStopRow {
        let outcomes = problems.map { chains in
            chains.map { chain -> Outcome in
                let own = chainAnswers[ChainAnswer.key(problemID: chain.problemID, sampleIndex: chain.sampleIndex)]!
                let thinking = Double(chain.thinkingTokens!)
                guard let stop = chain.consistencyStop(k: k) else {
                    return Outcome(stopped: false, correctFull: own.correct, correctStopped: own.correct, agreesWithFull: true,
                                   thinking: thinking, kept: thinking, probeTokens: chain.points.reduce(0) { $0 + $1.tokensSpent })
                }
                let point = chain.points[stop]
                return Outcome(
                    // A run that closes at the whole thinking saves nothing: not an early stop.
                    stopped: Double(point.keptTokens) < thinking, correctFull: own.correct,
                    correctStopped: own.correct == nil ? nil : point.correct ?? false,
                    agreesWithFull: AnswerEquivalence.compare(reference: own.answer, candidate: point.answer).equivalent,
                    thinking: thinking, kept: Double(point.keptTokens),
                    probeTokens: chain.points[...stop].reduce(0) { $0 + $1.tokensSpent })
            }
        }
        let graded = outcomes.map { $0.filter { $0.correctFull != nil } }
        let full = graded.map { $0.map { $0.correctFull! ? 1.0 : 0.0 } }
        let stopped = graded.map { $0.map { $0.correctStopped! ? 1.0 : 0.0 } }
        let change = graded.map { $0.map { ($0.correctStopped! ? 1.0 : 0.0) - ($0.correctFull! ? 1.0 : 0.0) } }
        let all = outcomes.joined()
        let thinking = all.reduce(0) { $0 + $1.thinking }
        let saved = thinking > 0 ? 1 - all.reduce(0) { $0 + $1.kept } / thinking : nil
        let accuracyFull = meanOfMeans(full)
        let accuracyStopped = meanOfMeans(stopped)
        return ConsistencyStopRow(
            k: k, samples: all.count, problems: outcomes.count, stopped: all.filter(\.stopped).count,
            accuracyFull: accuracyFull, accuracyStopped: accuracyStopped,
            accuracyChange: meanOfMeans(change), accuracyChangeCI: interval(change, options, &random),
            agreementWithFull: meanOfMeans(outcomes.map { $0.map { $0.agreesWithFull ? 1 : 0 } }),
            tokensSavedShare: saved,
            tokensSavedShareCI: saved == nil ? nil : savedInterval(outcomes, options, &random),
            probeTokensShare: thinking > 0 ? all.reduce(0) { $0 + $1.probeTokens } / thinking : nil)
    }

    /// Chains grouped by problem, problems in id order (chains come sorted by problem).
    private static func byProblem(_ chains: [ProbeChain]) -> [[ProbeChain]] {
        var groups: [[ProbeChain]] = []
        for chain in chains {
            if let last = groups.last?.last, last.problemID == chain.problemID {
                groups[groups.count - 1].append(chain)
            } else {
                groups.append([chain])
            }
        }
        return groups
    }

    /// Mean over the non-empty groups of the group's mean; `nil` when every group is empty.
    static func meanOfMeans(_ groups: [[Double]]) -> Double? {
        let means = groups.filter { !$0.isEmpty }.map { $0.reduce(0, +) / Double($0.count) }
        return means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
    }

    private static func interval(_ groups: [[Double]], _ options: AnalysisOptions, _ random: inout SplitMix64) -> ConfidenceInterval? {
        Bootstrap.twoLevelInterval(groups, resamples: options.bootstrapResamples, confidence: options.confidence,
                                   using: &random, perGroup: { $0 })
    }

    /// Two-level interval of the pooled saving `1 − Σ kept / Σ thinking`: problems drawn with
    /// replacement, then traces within each.
    private static func savedInterval(_ outcomes: [[Outcome]], _ options: AnalysisOptions, _ random: inout SplitMix64) -> ConfidenceInterval? {
        guard outcomes.count > 1 || (outcomes.first?.count ?? 0) > 1 else { return nil }
        return Bootstrap.replicateInterval(resamples: options.bootstrapResamples, confidence: options.confidence, using: &random) { random in
            var kept = 0.0
            var thinking = 0.0
            for _ in outcomes.indices {
                let problem = outcomes[Int.random(in: outcomes.indices, using: &random)]
                for _ in problem.indices {
                    let outcome = problem[Int.random(in: problem.indices, using: &random)]
                    kept += outcome.kept
                    thinking += outcome.thinking
                }
            }
            return thinking > 0 ? 1 - kept / thinking : .nan
        }
    }
}
