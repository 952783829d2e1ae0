import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonTraces
import HorizonCommon

/// Answer agreement and correctness per problem and per set.
///
/// Per problem, the samples' extracted answers are clustered with the equivalence check (not
/// string equality); the modal cluster is the largest cluster of extracted answers (ties: the
/// one whose first member came first). Samples with no extractable answer form their own group,
/// which is never correct and never modal, but counts as one outcome in the answer entropy.
struct AnswerAggregation {
    struct ProblemAnswers {
        /// Answers in sample order, for votes over subsets.
        var answers: [ExtractedAnswer?]
        var reference: ExtractedAnswer?
        var sampleIndices: [Int]
        var clusters: [AnswerCluster]
        /// Per cluster: whether it matches the gold answer (`nil` without gold).
        var clusterCorrect: [Bool]?
        /// Per sample (in sample order): its cluster's position in `clusters`.
        var clusterOfSample: [Int]
        var correct: [Bool]?
        var agreement: Double
        var entropy: Double
        var modal: Int?
    }

    var problems: [ProblemAnswers] = []
    var accuracy: (value: Double, ci: ConfidenceInterval?)?
    var agreement: (value: Double, ci: ConfidenceInterval?)?
    var summary: AnswerSummary?
    var lengthVsStability: LengthVsStability?

    init(problems accumulators: [ProblemAccumulator], options: AnalysisOptions, random: inout SplitMix64) {
        problems = accumulators.map { Self.measure($0) }
        guard !problems.isEmpty else { return }
        let agreementGroups = problems.map { problem in
            problem.clusterOfSample.map { $0 == problem.modal ? 1.0 : 0.0 }
        }
        agreement = (problems.map(\.agreement).reduce(0, +) / Double(problems.count),
                     Bootstrap.twoLevelInterval(agreementGroups, options: options, using: &random, perGroup: { $0 }))
        let correctness = problems.compactMap { $0.correct?.map { $0 ? 1.0 : 0.0 } }
        if !correctness.isEmpty {
            accuracy = (correctness.map { $0.reduce(0, +) / Double($0.count) }.reduce(0, +) / Double(correctness.count),
                        Bootstrap.twoLevelInterval(correctness, options: options, using: &random, perGroup: { $0 }))
        }
        var summary = AnswerSummary()
        let entropies = problems.map(\.entropy)
        summary.answerEntropy = entropies.reduce(0, +) / Double(entropies.count)
        summary.answerEntropyCI = Bootstrap.meanInterval(entropies, resamples: options.bootstrapResamples,
                                                         confidence: options.confidence, using: &random)
        summary.gradedProblems = correctness.count
        summary.unextracted = accumulators.reduce(0) { $0 + $1.samples.filter { $0.answer == nil }.count }
        summary.gPassTau = options.gPassTau
        summary.tieRule = "maj@k clusters the first k answers and votes; samples with no answer abstain; among tied clusters the one that reached the top count at the earliest sample wins"
        let graded = problems.filter { $0.correct != nil }
        let smallest = graded.map(\.clusterOfSample.count).min() ?? 0
        for k in options.ks where k <= smallest {
            let maj = graded.map { Self.majorityCorrect($0, positions: Array(0..<k)) ? 1.0 : 0.0 }
            summary.majAtK.append(MetricAtK(k: k, value: maj.reduce(0, +) / Double(maj.count),
                                            ci: Bootstrap.meanInterval(maj, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random)))
            let counts = graded.map { (n: $0.correct!.count, c: $0.correct!.filter { $0 }.count) }
            func mean(_ metric: (Int, Int) -> Double) -> [Double] { counts.map { metric($0.n, $0.c) } }
            let pass = mean { (try? AnswerMetrics.passAtK(sampleCount: $0, correctCount: $1, k: k)) ?? .nan }
            summary.passAtK.append(MetricAtK(k: k, value: pass.reduce(0, +) / Double(pass.count),
                                             ci: Bootstrap.meanInterval(pass, resamples: options.bootstrapResamples, confidence: options.confidence, using: &random)))
            let gPass = mean { (try? AnswerMetrics.gPassAtK(sampleCount: $0, correctCount: $1, k: k, threshold: options.gPassTau)) ?? .nan }
            summary.gPassAtK.append(MetricAtK(k: k, value: gPass.reduce(0, +) / Double(gPass.count)))
            let mgPass = mean { (try? AnswerMetrics.mGPassAtK(sampleCount: $0, correctCount: $1, k: k)) ?? .nan }
            summary.mGPassAtK.append(MetricAtK(k: k, value: mgPass.reduce(0, +) / Double(mgPass.count)))
            summary.majVariability.append(MetricAtK(k: k, value: Self.majVariability(graded, k: k, using: &random)))
        }
        self.summary = summary
        lengthVsStability = Self.lengthVsStability(accumulators, problems, options: options, random: &random)
    }

    /// Fills a problem row's answer columns.
    func fill(_ row: inout ProblemAnalysis, problem offset: Int) {
        guard offset < problems.count else { return }
        let problem = problems[offset]
        row.agreement = problem.agreement
        row.answerEntropy = problem.entropy
        row.accuracy = problem.correct.map { Double($0.filter { $0 }.count) / Double($0.count) }
        row.majorityAnswer = problem.modal.flatMap { problem.clusters[$0].representative?.text }
        row.clusters = problem.clusters.enumerated().map { position, cluster in
            ClusterSummary(answer: cluster.representative?.text, count: cluster.count,
                           sampleIndices: cluster.members.map { problem.sampleIndices[$0] },
                           correct: problem.clusterCorrect?[position])
        }
    }

    static func measure(_ problem: ProblemAccumulator) -> ProblemAnswers {
        let samples = problem.samples.sorted { $0.index < $1.index }
        let answers = samples.map(\.answer)
        let reference = problem.gold.flatMap { AnswerExtractor().referenceAnswer(fromGold: $0) }
        let clusters = AnswerClustering.cluster(answers)
        let clusterCorrect = reference.map { reference in
            clusters.map { cluster in
                cluster.representative.map { AnswerEquivalence.compare(reference: reference, candidate: $0).equivalent } ?? false
            }
        }
        var clusterOfSample = Array(repeating: 0, count: samples.count)
        for (position, cluster) in clusters.enumerated() {
            for member in cluster.members { clusterOfSample[member] = position }
        }
        let modal = clusters.firstIndex { !$0.isNoAnswer }
        return ProblemAnswers(
            answers: answers, reference: reference, sampleIndices: samples.map(\.index), clusters: clusters,
            clusterCorrect: clusterCorrect, clusterOfSample: clusterOfSample,
            correct: clusterCorrect.map { correct in clusterOfSample.map { correct[$0] } },
            agreement: (try? AnswerMetrics.agreement(clusters)) ?? 0,
            entropy: (try? AnswerMetrics.answerEntropy(clusters)) ?? 0, modal: modal)
    }

    /// Whether the majority vote of the answers at `positions` (in that order) is correct.
    static func majorityCorrect(_ problem: ProblemAnswers, positions: [Int]) -> Bool {
        let answers = positions.map { problem.answers[$0] }
        return (try? AnswerMetrics.majorityVote(answers, k: answers.count, reference: problem.reference).isCorrect) ?? false
    }

    /// The paper's answer variability: std, in percentage points, of set-level maj@k accuracy
    /// over 100 bootstrap trials that each draw k samples per problem with replacement.
    static func majVariability(_ problems: [ProblemAnswers], k: Int, using random: inout SplitMix64) -> Double {
        let trials = 100
        var accuracies: [Double] = []
        for _ in 0..<trials {
            var correct = 0.0
            for problem in problems {
                let n = problem.clusterOfSample.count
                let draw = (0..<k).map { _ in Int.random(in: 0..<n, using: &random) }
                if majorityCorrect(problem, positions: draw) { correct += 1 }
            }
            accuracies.append(100 * correct / Double(problems.count))
        }
        let mean = accuracies.reduce(0, +) / Double(trials)
        let variance = accuracies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        return variance.squareRoot()
    }

    /// Thinking length against correctness, agreement with the modal answer, and answer BF.
    static func lengthVsStability(
        _ accumulators: [ProblemAccumulator], _ problems: [ProblemAnswers], options: AnalysisOptions,
        random: inout SplitMix64
    ) -> LengthVsStability? {
        struct Point { var length: Double; var correct: Double?; var agrees: Double; var answerBF: Double? }
        var points: [Point] = []
        var unit = "characters"
        for (accumulator, answers) in zip(accumulators, problems) {
            let samples = accumulator.samples.sorted { $0.index < $1.index }
            for (position, sample) in samples.enumerated() {
                // A sample whose spans were not measured has no thinking length to place it by.
                guard let thinkingLength = sample.lengths[.thinking] else { continue }
                if sample.hasLogProbs { unit = "tokens" }
                points.append(Point(
                    length: Double(thinkingLength),
                    correct: answers.correct.map { $0[position] ? 1 : 0 },
                    agrees: answers.clusterOfSample[position] == answers.modal ? 1 : 0,
                    answerBF: sample.measures[.answer]?.meanEntropy.map { exp($0) }))
            }
        }
        guard points.count >= 3 else { return nil }
        let sorted = points.sorted { $0.length < $1.length }
        let binCount = max(1, min(options.lengthBins, sorted.count))
        var bins: [LengthBin] = []
        for bin in 0..<binCount {
            let slice = sorted[(bin * sorted.count / binCount)..<((bin + 1) * sorted.count / binCount)]
            guard let first = slice.first, let last = slice.last else { continue }
            func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
            bins.append(LengthBin(
                lowerLength: first.length, upperLength: last.length, samples: slice.count,
                accuracy: mean(slice.compactMap(\.correct)), agreement: mean(slice.map(\.agrees)),
                answerBF: mean(slice.compactMap(\.answerBF))))
        }
        func correlation(_ pairs: [(Double, Double)]) -> RankCorrelation? {
            RankCorrelation.spearman(pairs.map(\.0), pairs.map(\.1), resamples: options.bootstrapResamples,
                                     confidence: options.confidence, using: &random)
        }
        return LengthVsStability(
            unit: unit, bins: bins,
            correctness: correlation(points.compactMap { p in p.correct.map { (p.length, $0) } }),
            agreement: correlation(points.map { ($0.length, $0.agrees) }),
            answerBF: correlation(points.compactMap { p in p.answerBF.map { (p.length, $0) } }))
    }
}
