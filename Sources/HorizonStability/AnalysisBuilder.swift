import Foundation
import HorizonCommon
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonTraces
import HorizonCommon

/// Folds sample and probe records, in input order, into an ``Analysis``.
///
/// ```swift
/// var builder = AnalysisBuilder(options: AnalysisOptions(profileName: "deepseek-r1"))
/// for record in records { try builder.add(record) }
/// let analysis = builder.finish(horizonVersion: "1.0.0")
/// ```
///
/// Per-token arrays are folded into per-problem curve builders as records arrive and then
/// dropped, so memory grows with the number of samples, not with the number of tokens (except
/// in reference-compatible mode, which needs every sample's tokens).
///
/// What the builder gathers is its ``state``; ``finish(horizonVersion:)`` computes every
/// set-level number from the state alone, so a state merged from shards
/// (``AnalysisPart/merge(_:)``) finishes to the same bytes as one gathered on one machine.
public struct AnalysisBuilder: Sendable {
    public let options: AnalysisOptions
    public var state: AnalysisState

    public init(options: AnalysisOptions, state: AnalysisState = AnalysisState()) {
        self.options = options
        self.state = state
    }

    /// Adds one sample.
    public mutating func add(_ record: SampleRecord) throws {
        if state.problems[record.problemID] == nil {
            state.problems[record.problemID] = try ProblemAccumulator(
                problemID: record.problemID, window: options.window, estimator: options.estimator)
        }
        if let model = record.model { state.models.insert(model) }
        state.traceCounts.traces += 1
        if let statistics = record.statistics {
            state.recordedTruncations[record.recordedTruncation, default: 0] += 1
            for setting in record.settingsNotRebuilt { state.settingsNotRebuilt[setting, default: 0] += 1 }
            state.traceCounts.tracesWithLogProbs += 1
            state.traceCounts.tokens += statistics.count
            state.traceCounts.lowCoverageTokens += statistics.isLowCoverage.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        if !record.spansMeasured { state.unmeasuredSpans += 1 }
        if record.flags.truncated { state.traceCounts.truncated += 1 }
        if record.flags.openingMarkerMissing { state.traceCounts.openingMarkerMissing += 1 }
        state.problems[record.problemID]?.add(record, keepStatistics: options.referenceCompat)
        if let candidate = record.strip, state.strip.map(candidate.isPreferred(over:)) ?? true { state.strip = candidate }
    }

    /// Adds one measured probe continuation.
    public mutating func add(_ probe: ProbeRecord) {
        state.probes.append(probe)
    }

    /// How many invalid lines an analysis lists (the counts have them all).
    public static let recordedInvalidLines = 100

    /// Records an invalid line or duplicate that was skipped; the first
    /// ``recordedInvalidLines`` are kept with their message (the reader's summary has the totals).
    public mutating func addInvalid(file: String, line: Int, message: String) {
        if state.invalid.count < Self.recordedInvalidLines { state.invalid.append(InvalidLine(file: file, line: line, message: message)) }
    }

    /// Computes every metric.
    public func finish(horizonVersion: String) -> Analysis {
        var random = SplitMix64(seed: options.seed)
        // Problems by id and samples by index: the numbers, intervals included, must not depend
        // on the order concurrent sampling happened to write the lines in.
        let ordered = state.problems.keys.sorted().compactMap { id in
            state.problems[id].map { problem in
                var problem = problem
                problem.samples.sort { $0.index < $1.index }
                problem.referenceSamples.sort { $0.index < $1.index }
                return problem
            }
        }
        var analysis = Analysis(
            horizonVersion: horizonVersion,
            label: options.label ?? (state.models.count == 1 ? state.models.first! : state.inputs.first.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent } ?? "run"),
            model: state.models.count == 1 ? state.models.first : nil,
            inputs: state.inputs,
            settings: settings(problemIDs: ordered.map(\.problemID)),
            counts: state.counts,
            invalid: state.invalid)

        let branching = BranchingFactorAggregation(problems: ordered, options: options, random: &random)
        analysis.bf = branching.setSummary
        analysis.lengths = lengths(of: ordered)
        analysis.missingMass = missingMass(of: ordered)
        analysis.estimatorGap = estimatorGap(of: ordered)
        analysis.curves = curves(of: ordered)

        let answers = AnswerAggregation(problems: ordered, options: options, random: &random)
        analysis.accuracy = answers.accuracy?.value
        analysis.accuracyCI = answers.accuracy?.ci
        analysis.agreement = answers.agreement?.value
        analysis.agreementCI = answers.agreement?.ci
        analysis.answers = answers.summary
        analysis.lengthVsStability = answers.lengthVsStability

        let confidence = ConfidenceAggregation(problems: ordered, answers: answers, options: options, random: &random)
        let forks = ForkAggregation(problems: ordered, strip: state.strip, options: options, random: &random)
        let reflection = ReflectionAggregation(problems: ordered, answers: answers, options: options, random: &random)
        analysis.confidence = confidence.summary
        analysis.forks = forks.summary
        analysis.reflection = reflection.summary

        analysis.problems = ordered.enumerated().map { offset, problem in
            var row = ProblemAnalysis(
                problemID: problem.problemID,
                samples: problem.samples.count,
                samplesWithLogProbs: problem.samples.filter(\.hasLogProbs).count,
                bf: branching.problemSummaries[offset],
                lengths: lengths(of: [problem]),
                truncated: problem.samples.filter(\.flags.truncated).count,
                gold: problem.gold)
            answers.fill(&row, problem: offset)
            row.confidence = confidence.problemSummaries[offset]
            row.forkShare = forks.problemShares.isEmpty ? nil : forks.problemShares[offset]
            row.reflection = reflection.problemMeans.isEmpty ? nil : reflection.problemMeans[offset]
            return row
        }
        analysis.probes = ProbeAggregation.summarize(state.probes, options: options)
        analysis.probes?.firstCorrect = ProbeBehaviour.firstCorrect(state.probes, options: options)
        analysis.probes?.consistencyStop = ProbeBehaviour.consistencyStop(
            state.probes, chainAnswers: ChainAnswer.byTrace(from: analysis.problems), k: options.consistencyK, options: options)
        analysis.warnings = warnings(for: analysis, problems: ordered)
        return analysis
    }

    /// The truncation the settings report and where it came from (`settings_source`): the
    /// option; the traces' own when every trace with log-probabilities records the same one;
    /// the default when none records one; `mixed` otherwise (each trace rebuilt with its own).
    var rebuildSettings: (truncation: DecodingTruncation, source: SettingsSource) {
        guard options.truncationFromTraces else { return (options.truncation, .option) }
        let recorded = state.recordedTruncations.keys.compactMap { $0 }
        if recorded.isEmpty { return (options.truncation, .builtInDefault) }
        if recorded.count == 1, state.recordedTruncations[nil] == nil { return (recorded[0], .traces) }
        return (options.truncation, .mixed)
    }

    func settings(problemIDs: [String]) -> AnalysisSettings {
        let rebuild = rebuildSettings
        let truncation = TruncationKind.of(rebuild.truncation)
        var settings = AnalysisSettings(
            profile: options.profileName, endMarker: options.endMarker, truncation: truncation.kind,
            truncationValue: truncation.value, estimator: options.estimator,
            referenceCompat: options.referenceCompat, window: options.window,
            bootstrapResamples: options.bootstrapResamples, confidence: options.confidence, seed: options.seed,
            problemSetDigest: SHA256.hexDigest(of: Array(problemIDs.sorted().joined(separator: "\n").utf8)))
        settings.settingsSource = rebuild.source
        settings.heuristicSpans = options.measuresHeuristicSpans
        return settings
    }

    /// Warnings about the rebuild's settings against what the traces record.
    func settingsWarnings() -> [AnalysisWarning] {
        var warnings: [AnalysisWarning] = []
        let recorded = state.recordedTruncations.compactMap { truncation, count in truncation.map { ($0, count) } }
            .sorted { $0.0.description < $1.0.description }
        let described = recorded.map { "\($0.0.description) (\($0.1) traces)" }.joined(separator: ", ")
        if !options.truncationFromTraces {
            let contradicting = recorded.filter { $0.0 != options.truncation }
            if !contradicting.isEmpty {
                warnings.append(AnalysisWarning(kind: "settings_contradict_traces", message: "The rebuild uses \(options.truncation) as given, but the traces record \(contradicting.map { "\($0.0.description) (\($0.1) traces)" }.joined(separator: ", ")): their BF is measured on a distribution the sampler did not draw from. Leave out --top-p and --min-p to rebuild from the traces' own sampling."))
            }
        } else if rebuildSettings.source == .mixed {
            let unrecorded = state.recordedTruncations[nil].map { "; \($0) traces record none and use \(options.truncation)" } ?? ""
            warnings.append(AnalysisWarning(kind: "mixed_sampling", message: "The traces record different sampling: \(described)\(unrecorded). Each trace was rebuilt with its own, so the set mixes truncations."))
        }
        if !state.settingsNotRebuilt.isEmpty {
            let settings = state.settingsNotRebuilt.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) traces)" }.joined(separator: ", ")
            warnings.append(AnalysisWarning(kind: "sampling_not_rebuilt", message: "The traces were sampled with settings the rebuild does not apply: \(settings). BF is measured on the top-p truncation of the raw log-probabilities alone, so it only approximates the distribution sampled from."))
        }
        return warnings
    }

    /// Mean over problems of the mean span length over samples.
    func lengths(of problems: [ProblemAccumulator]) -> SpanLengths {
        let anyTokens = problems.contains { $0.samples.contains(where: \.hasLogProbs) }
        func mean(_ segment: Segment) -> Double? {
            let perProblem = problems.compactMap { problem -> Double? in
                let values = problem.samples.compactMap { $0.lengths[segment] }
                return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
            }
            return perProblem.isEmpty ? nil : perProblem.reduce(0, +) / Double(perProblem.count)
        }
        return SpanLengths(unit: anyTokens ? "tokens" : "characters", overall: mean(.overall),
                           thinking: mean(.thinking), answer: mean(.answer))
    }

    /// Token-weighted mean and the maximum of the per-token missing mass, per segment.
    func missingMass(of problems: [ProblemAccumulator]) -> PerSegment<MissingMass?> {
        PerSegment { segment in
            var total = 0.0, tokens = 0, maximum = 0.0
            for problem in problems {
                for sample in problem.samples {
                    guard let measures = sample.measures[segment], let mean = measures.meanMissingMass else { continue }
                    total += mean * Double(measures.tokenCount)
                    tokens += measures.tokenCount
                    maximum = max(maximum, measures.maxMissingMass ?? 0)
                }
            }
            return tokens == 0 ? nil : MissingMass(mean: total / Double(tokens), max: maximum)
        }
    }

    /// Entropy and NLL BF per segment on the same tokens: per problem exp of the mean over
    /// samples, then the mean over problems (the task-level BF of each single estimator).
    func estimatorGap(of problems: [ProblemAccumulator]) -> PerSegment<EstimatorGap?>? {
        let summary = PerSegment { segment -> EstimatorGap? in
            var entropyBFs: [Double] = []
            var nllBFs: [Double] = []
            for problem in problems {
                let measured = problem.samples.compactMap { $0.measures[segment] }.filter { $0.tokenCount > 0 }
                guard !measured.isEmpty else { continue }
                let count = Double(measured.count)
                entropyBFs.append(exp(measured.reduce(0) { $0 + ($1.meanEntropy ?? 0) } / count))
                nllBFs.append(exp(measured.reduce(0) { $0 + ($1.meanNegativeLogLikelihood ?? 0) } / count))
            }
            guard !entropyBFs.isEmpty else { return nil }
            let problemCount = Double(entropyBFs.count)
            return EstimatorGap(entropyBF: entropyBFs.reduce(0, +) / problemCount, nllBF: nllBFs.reduce(0, +) / problemCount)
        }
        return summary.overall == nil ? nil : summary
    }

    /// Per-problem curves, then their nan-mean over problems.
    func curves(of problems: [ProblemAccumulator]) -> Curves {
        func setCurve(_ perProblem: [PositionCurve]) -> [CurvePoint] {
            var builder = SetCurveBuilder()
            var samples: [Int: Int] = [:]
            for curve in perProblem {
                builder.add(curve)
                for (position, count) in zip(curve.positions, curve.counts) { samples[position, default: 0] += count }
            }
            let curve = builder.curve()
            return (0..<curve.count).map {
                CurvePoint(position: curve.positions[$0], bf: curve.values[$0],
                           samples: samples[curve.positions[$0]] ?? 0, problems: curve.counts[$0])
            }
        }
        var result = Curves(
            window: options.window, cumulativeNLLFrom: CumulativeCurveBuilder(estimator: options.estimator).nllFromPosition)
        let minimumSamples = options.minimumCurveSamples
        result.windowed = PerSegment { segment in setCurve(problems.map { $0.windowed[segment].curve(minimumSamples: minimumSamples) }) }
        result.cumulative = PerSegment { segment in setCurve(problems.map { $0.cumulative[segment].curve(minimumSamples: minimumSamples) }) }
        return result
    }

    func warnings(for analysis: Analysis, problems: [ProblemAccumulator]) -> [AnalysisWarning] {
        var warnings = settingsWarnings()
        let counts = analysis.counts
        if counts.traces > 0 && counts.tracesWithLogProbs == 0 {
            warnings.append(AnalysisWarning(kind: "no_logprobs", message: "No trace has log-probabilities, so every Branching Factor is unavailable; answers and segmentation are still measured."))
        } else if counts.tracesWithLogProbs < counts.traces {
            warnings.append(AnalysisWarning(kind: "no_logprobs", message: "\(counts.traces - counts.tracesWithLogProbs) of \(counts.traces) traces have no log-probabilities and do not count towards BF."))
        }
        if counts.lowCoverageTokens > 0, counts.tokens > 0 {
            let share = Double(counts.lowCoverageTokens) / Double(counts.tokens)
            warnings.append(AnalysisWarning(kind: "low_coverage", message: "\(NumberFormat.fixed(share * 100, decimals: 2))% of tokens (\(counts.lowCoverageTokens) of \(counts.tokens)) had top-k lists holding less probability than top-p \(String(analysis.settings.truncationValue)), so their truncated distribution could not be rebuilt exactly: ask the server for more top log-probs."))
        }
        let gaps = Segment.allCases.compactMap { segment in analysis.estimatorGap?[segment].map { (segment.rawValue, $0) } }
        func described(_ gaps: [(String, EstimatorGap)]) -> String {
            gaps.map { "\($0.0) \(NumberFormat.fixed($0.1.nllBF, decimals: 2)) vs \(NumberFormat.fixed($0.1.entropyBF, decimals: 2))" }.joined(separator: "; ")
        }
        let threshold = EstimatorGap.warningThreshold
        let above = gaps.filter { $0.1.relativeGap > threshold }
        let below = gaps.filter { $0.1.relativeGap < -threshold }
        if !above.isEmpty {
            // Sampled tokens outside the returned lists add NLL the listed entropy cannot match.
            warnings.append(AnalysisWarning(kind: "estimator_gap", message: "NLL Branching Factor exceeds the entropy one by more than \(Int(threshold * 100))% (NLL vs entropy: \(described(above))): the returned top-k lists cannot represent the distribution sampled from, so the two estimators measure different things. Sample with top-p <= 0.95 or a min-p, or ask the server for more log-probs."))
        }
        if !below.isEmpty {
            warnings.append(AnalysisWarning(kind: "estimator_gap", message: "NLL Branching Factor is more than \(Int(threshold * 100))% below the entropy one (NLL vs entropy: \(described(below))): the rebuilt distribution is wider than the one sampled from (check the rebuild's top-p or min-p against the sampler's), or there are too few samples for the two to agree."))
        }
        if let mass = analysis.missingMass.overall, mass.max > 0.05 {
            warnings.append(AnalysisWarning(kind: "missing_tail_mass", message: "The top-k lists missed up to \(NumberFormat.fixed(mass.max, decimals: 3)) of the probability mass at a token (mean \(NumberFormat.fixed(mass.mean, decimals: 4))); entropies are lower bounds there."))
        }
        if state.unmeasuredSpans > 0 {
            warnings.append(AnalysisWarning(kind: "no_thinking_markers", message: "\(state.unmeasuredSpans) of \(counts.traces) traces have no thinking markers, so their thinking and answer spans would be guesses of the plain heuristic: only their whole output is measured. Name the model's profile with --profile, or pass --heuristic-spans to measure the guessed spans."))
        }
        if counts.truncated > 0 {
            warnings.append(AnalysisWarning(kind: "truncated_thinking", message: "\(counts.truncated) of \(counts.traces) traces never closed their thinking: their answer span is empty and no answer was graded for them."))
        }
        if counts.invalidLines > 0 {
            warnings.append(AnalysisWarning(kind: "invalid_lines", message: "\(counts.invalidLines) invalid input lines were skipped (see `invalid`)."))
        }
        if counts.duplicates > 0 {
            warnings.append(AnalysisWarning(kind: "duplicates", message: "\(counts.duplicates) duplicate (problem, sample) pairs were skipped; the first of each was kept."))
        }
        let few = problems.filter { $0.samples.count < options.minimumCurveSamples }.count
        if few > 0 {
            warnings.append(AnalysisWarning(kind: "few_samples", message: "\(few) problems have fewer than \(options.minimumCurveSamples) samples: they are left out of the curves and their intervals are wide."))
        }
        return warnings
    }
}
