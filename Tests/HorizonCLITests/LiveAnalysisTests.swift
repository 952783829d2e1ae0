import Foundation
import Horizon
import HorizonTestSupport
import Testing

/// The whole pipeline (sample from a real llama-cpp-python server → read → segment → measure →
/// aggregate) on the Markov test models, whose every next-token distribution is known: each
/// number the analysis reports must equal the closed form computed along the sampled paths
/// (docs/test-model.md, docs/branching-factor.md).
@Suite(
    "Live analysis equals the design",
    .serialized,
    .enabled(if: LlamaServer.isAvailable, "needs .venv with llama-cpp-python[server]; see docs/test-model.md"),
    .llamaServer(MarkovTestModel.base.servedModel, MarkovTestModel.sharpened.servedModel)
)
struct LiveAnalysisTests {
    static let problemCount = 6
    static let samplesPerProblem = 8

    /// The trace files sampled in this suite, one per model: sampling once serves every test.
    private static let sampled = SampledTraceFiles()

    /// The trace file of `model`: the first `problemCount` demo problems, `samplesPerProblem` each.
    private func traceFile(_ model: MarkovTestModel) async throws -> String {
        let server = try #require(LlamaServer.current)
        return try await Self.sampled.path(for: model) {
            let out = try SharedData.temporaryDirectory("live-analysis").appendingPathComponent("\(model).jsonl").path
            let config = try LiveSampling.config(
                server: server, model: model, problems: Self.problemCount, samples: Self.samplesPerProblem, out: out)
            let summary = try await SamplingRun.run(config: config)
            guard summary.isComplete else {
                throw TestSupportError(.malformedResponse, "sampling \(model) stopped at \(summary.written)/\(summary.total)")
            }
            return out
        }
    }

    /// Decoding used the whole distribution (top-p 1), so the analysis rebuilds it with top-p 1.
    private var recordOptions: SampleRecordOptions {
        SampleRecordOptions(segmenter: Segmenter(.fixed(.deepseekR1)), tokenOptions: TokenStatistics.Options(truncation: .topP(1)))
    }

    private var analysisOptions: AnalysisOptions {
        AnalysisOptions(profileName: "deepseek-r1", truncation: .topP(1), estimator: .entropy, bootstrapResamples: 1000, seed: 7)
    }

    private func analyze(_ path: String) throws -> Analysis {
        try Analyzer(readOptions: TraceReadOptions(), recordOptions: recordOptions, analysisOptions: analysisOptions)
            .analyze(paths: [path])
    }

    /// The designed answer BF: the answer is the 6 tokens ` The answer is \boxed{d}`, and only the
    /// digit branches, so every sample's answer BF is exp(H(` \boxed{`) / 6).
    private func designedAnswerBF(_ table: MarkovTransitionTable) throws -> Double {
        exp(try #require(table.state(named: " \\boxed{")).entropyNats / 6)
    }

    @Test("BF of every segment, per problem and per set, equals the closed form along the sampled paths",
          arguments: MarkovTestModel.allCases)
    func branchingFactorIsTheDesign(model: MarkovTestModel) async throws {
        let path = try await traceFile(model)
        let table = try model.table()
        let analysis = try analyze(path)
        let traces = try TraceReader(paths: [path]).readAll().traces
        let tracesByProblem = Dictionary(grouping: traces, by: \.problemID)

        #expect(analysis.counts.traces == Self.problemCount * Self.samplesPerProblem)
        #expect(analysis.counts.invalidLines == 0)
        #expect(analysis.bf.estimatorUsed == "entropy")
        #expect(analysis.problems.count == Self.problemCount)

        var designed: [[DesignedPath]] = []
        var accuracies: [Double] = []
        var agreements: [Double] = []
        for row in analysis.problems {
            let problemTraces = tracesByProblem[row.problemID, default: []]
            let paths = try problemTraces.map { try DesignedPath(trace: $0, table: table) }
            #expect(paths.count == Self.samplesPerProblem)
            designed.append(paths)
            for segment in Segment.allCases {
                let expected = DesignedBranchingFactor.problem(paths, segment)
                #expect(isClose(row.bf.value(segment), expected), "\(model) \(row.problemID) \(segment): \(String(describing: row.bf.value(segment))) vs \(String(describing: expected))")
            }

            // Accuracy and agreement from the sampled digits, graded by hand against the gold.
            let gold = try #require(problemTraces.first?.gold)
            let digits = paths.map(\.boxedDigit)
            let correct = Double(digits.filter { $0 == gold }.count) / Double(paths.count)
            let modalCount = Dictionary(grouping: digits.compactMap { $0 }, by: { $0 }).values.map(\.count).max() ?? 0
            let agreement = Double(modalCount) / Double(paths.count)
            #expect(isClose(row.accuracy, correct, relative: 1e-12), "\(row.problemID) accuracy")
            #expect(isClose(row.agreement, agreement, relative: 1e-12), "\(row.problemID) agreement")
            accuracies.append(correct)
            agreements.append(agreement)
        }
        for segment in Segment.allCases {
            let expected = DesignedBranchingFactor.set(designed, segment)
            #expect(isClose(analysis.bf.value(segment), expected), "\(model) set \(segment): \(String(describing: analysis.bf.value(segment))) vs \(String(describing: expected))")
        }
        #expect(isClose(analysis.accuracy, accuracies.reduce(0, +) / Double(accuracies.count), relative: 1e-12))
        #expect(isClose(analysis.agreement, agreements.reduce(0, +) / Double(agreements.count), relative: 1e-12))

        // Every finished output has the designed 6-token answer, so its answer BF is one constant:
        // the closed form, and the figure docs/test-model.md prints (rounded to 6 decimals). An
        // output cut off by max_tokens inside its answer (the sharpened twin, 0.7 % of samples)
        // has a shorter answer; its problem's value was checked against its path above.
        let answerBF = try designedAnswerBF(table)
        let finished = zip(analysis.problems, designed).filter { _, paths in
            paths.allSatisfy { $0.answer == nil || $0.answer?.count == 6 }
        }
        #expect(finished.count >= Self.problemCount - 1)
        for (row, _) in finished {
            #expect(isClose(row.bf.answer, answerBF), "\(row.problemID) answer BF")
        }
        if finished.count == Self.problemCount {
            #expect(isClose(analysis.bf.answer, answerBF))
        }
        let documented: Double = model == .base ? 1.195754 : 1.156758
        #expect(abs(answerBF - documented) < 1e-6)
    }

    @Test("the sharpened twin branches less in its thinking than the base model")
    func sharpenedThinkingIsNarrower() async throws {
        let base = try analyze(try await traceFile(.base))
        let sharpened = try analyze(try await traceFile(.sharpened))
        let baseBF = try #require(base.bf.thinking)
        let sharpenedBF = try #require(sharpened.bf.thinking)
        #expect(sharpenedBF < baseBF)
        // 48 samples each are enough to separate 2.87 from 2.33 (the design's expectations).
        let baseCI = try #require(base.bf.thinkingCI)
        let sharpenedCI = try #require(sharpened.bf.thinkingCI)
        #expect(sharpenedCI.upper < baseCI.lower, "sharpened \(sharpenedCI) vs base \(baseCI)")
    }

    @Test("truncation probes: the forced answer does not depend on the thinking, and its BF is the design's")
    func truncationProbesAreFlat() async throws {
        let server = try #require(LlamaServer.current)
        let path = try await traceFile(.base)
        let table = try MarkovTestModel.base.table()
        let segmenter = recordOptions.segmenter
        // One trace per problem keeps the run short: 6 traces × 3 lengths × 8 answers.
        let targets = try TraceReader(paths: [path]).readAll().traces.filter { $0.sampleIndex == 0 }.map { trace in
            let thinking = try #require(try segmenter.segment(trace).thinkingTokens)
            return try ProbeTarget(trace: trace, thinkingTokens: thinking)
        }
        #expect(targets.count == Self.problemCount)
        let out = try SharedData.temporaryDirectory("live-probes").appendingPathComponent("probes.jsonl").path
        let answersPerProbe = 8
        let probe = ProbeConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString], model: MarkovTestModel.base.rawValue, endpoint: .completions,
                parameters: LiveSampling.parameters, extraBody: LiveSampling.extraBody, timeouts: LiveSampling.timeouts),
            run: RunSettings(seed: 11, concurrency: 2, outputPath: out),
            targets: targets,
            sourcePath: path,
            lengths: [.fraction(0), .fraction(0.5), .fraction(1)],
            samplesPerProbe: answersPerProbe,
            // The profile's "</think>\n\n" would end in byte tokens, which lead the model back to
            // its start state; the bare marker leads straight to the answer.
            forcingText: "</think>",
            answerMaxTokens: 8
        )
        let run = try await ProbeRun.run(config: probe)
        #expect(run.isComplete && run.written == targets.count * 3 * answersPerProbe)

        let records = try ProbeReader.read(paths: [out], options: recordOptions)
        let summary = try #require(ProbeAggregation.summarize(records, options: analysisOptions))
        // The probe file compressed reads as the same probes.
        let compressed = out + ".zst"
        try SystemCompressor.compress(try Data(contentsOf: URL(fileURLWithPath: out)), with: "zstd")
            .write(to: URL(fileURLWithPath: compressed))
        let fromCompressed = try ProbeReader.read(paths: [compressed], options: recordOptions)
        #expect(ProbeAggregation.summarize(fromCompressed, options: analysisOptions) == summary)
        #expect(summary.truncation.map(\.length) == [0, 0.5, 1])
        let answerBF = try designedAnswerBF(table)
        for point in summary.truncation {
            #expect(point.samples == targets.count * answersPerProbe)
            #expect(point.problems == Self.problemCount)
            #expect(isClose(point.answerBF, answerBF), "length \(point.length): \(String(describing: point.answerBF)) vs \(answerBF)")
        }
        // Flat: the agreement intervals at all lengths share a common part.
        let intervals = try summary.truncation.map { try #require($0.agreementCI) }
        let highestLower = try #require(intervals.map(\.lower).max())
        let lowestUpper = try #require(intervals.map(\.upper).min())
        #expect(highestLower <= lowestUpper, "agreement intervals \(intervals)")
    }
}

/// Trace files sampled once per suite and shared by its tests.
actor SampledTraceFiles {
    private var paths: [MarkovTestModel: String] = [:]

    /// The file sampled for `model`, sampling it with `sample` the first time.
    func path(for model: MarkovTestModel, sample: @Sendable () async throws -> String) async throws -> String {
        if let path = paths[model] { return path }
        let path = try await sample()
        paths[model] = path
        return path
    }
}

/// How the live tests sample: the distribution the server reports, unchanged.
enum LiveSampling {
    /// Temperature 1 and no truncation, so samples follow the reported (raw) log-probs.
    static let parameters = SamplingParameters(temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 60, topLogprobs: 20)
    /// llama.cpp's repetition penalty is on by default; it would bend the distribution.
    static let extraBody: JSONValue = ["repeat_penalty": .number("1.0")]
    static let timeouts = RequestTimeouts(connect: .seconds(5), readGap: .seconds(30), total: .seconds(120))

    /// A completions run over the first `problems` demo problems (their prompts end in `?`, which
    /// puts the model in its start state).
    static func config(server: LlamaServer, model: MarkovTestModel, problems: Int, samples: Int, out: String) throws -> SamplingConfig {
        let demo = try ProblemSet.load(path: SharedData.packageRoot.appendingPathComponent("Datasets/problems/demo.jsonl").path)
        var dataset = ProblemSet(problems: Array(demo.problems.prefix(problems)))
        dataset.path = demo.path
        return SamplingConfig(
            server: ServerSettings(
                baseURLs: [server.baseURL.absoluteString], model: model.rawValue, endpoint: .completions,
                parameters: parameters, extraBody: extraBody, timeouts: timeouts),
            run: RunSettings(seed: 2025, concurrency: 2, outputPath: out),
            dataset: dataset,
            samplesPerProblem: samples
        )
    }
}

extension BranchingFactorSummary {
    /// The BF of one segment.
    func value(_ segment: Segment) -> Double? {
        switch segment {
        case .overall: overall
        case .thinking: thinking
        case .answer: answer
        }
    }
}
