import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// Outputs without thinking markers: `auto` falls back to the plain heuristic, whose spans are
/// guesses, so only the whole output is measured unless the user asks for the guessed spans.
///
/// Each output is "Let me think. " (uniform over 2 candidates per token) then "The answer is 4"
/// (uniform over 4): the heuristic puts the first 3 tokens in thinking and the last 4 in the answer.
@Suite("analyze: outputs without thinking markers")
struct AnalyzeUnmarkedSpansTests {
    static func line(_ sample: Int) -> JSONText {
        let thinking = ["Let", " me", " think.\n"].map { TestStep.uniform($0, candidates: 2) }
        let answer = ["The", " answer", " is", " 4"].map { TestStep.uniform($0, candidates: 4) }
        return TraceLines.flat(["problem_id": .string("p"), "sample_index": .integer(sample)],
                               logProbs: TraceLines.chatLogProbs(thinking + answer))
    }

    static func analyze(measuresHeuristicSpans: Bool) throws -> Analysis {
        try Analyzer(
            readOptions: TraceReadOptions(),
            recordOptions: SampleRecordOptions(
                segmenter: Segmenter(.auto), tokenOptions: TokenStatistics.Options(truncation: .topP(1)),
                measuresHeuristicSpans: measuresHeuristicSpans),
            analysisOptions: AnalysisOptions(truncation: .topP(1), estimator: .entropy, bootstrapResamples: 10)
        ).analyze(paths: [try TraceFile.write([line(0), line(1)])])
    }

    @Test("by default: overall BF only, no thinking or answer BF, curves or lengths, and a warning")
    func wholeOutputOnly() throws {
        let analysis = try Self.analyze(measuresHeuristicSpans: false)
        // Mean entropy (3 ln 2 + 4 ln 4) / 7 = 11/7 ln 2.
        #expect(isClose(analysis.bf.overall, pow(2, 11.0 / 7)))
        #expect(analysis.bf.thinking == nil && analysis.bf.answer == nil)
        #expect(analysis.curves.cumulative.thinking.isEmpty && analysis.curves.cumulative.answer.isEmpty)
        #expect(analysis.lengths.overall == 7 && analysis.lengths.thinking == nil && analysis.lengths.answer == nil)
        let warning = try #require(analysis.warnings.first { $0.kind == "no_thinking_markers" })
        #expect(warning.message.hasPrefix("2 of 2 traces"))
        // Grading still reads the heuristic's answer span.
        #expect(analysis.problems.first?.majorityAnswer == "4")
    }

    @Test("asked for: the heuristic spans are measured (thinking BF 2, answer BF 4)")
    func heuristicSpans() throws {
        let analysis = try Self.analyze(measuresHeuristicSpans: true)
        #expect(isClose(analysis.bf.thinking, 2) && isClose(analysis.bf.answer, 4))
        #expect(!analysis.warnings.contains { $0.kind == "no_thinking_markers" })
    }
}
