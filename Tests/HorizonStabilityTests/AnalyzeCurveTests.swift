import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// The set-level windowed curve, window 2, at least 2 samples per problem.
///
/// A window's value within a problem is the mean over samples of exp(mean entropy in the
/// window), up to the problem's shortest sample; the set's point is the mean over problems.
/// With L = ln 2 (a step of k uniform candidates has entropy ln k):
///
/// | sample | per-token entropy | windows (BF) |
/// |---|---|---|
/// | A#0 | L L 2L 0 L | 2, exp(L) = 2 |
/// | A#1 | 2L 2L 0 0 | 4, 1 |
/// | B#0 | 0 2L L L 2L 2L | exp(L) = 2, 2, 4 |
/// | B#1 | L L L L L L 0 0 | 2, 2, 2, 1 |
/// | C#0 | 2L 2L | 4 (one sample: below the minimum, left out) |
///
/// A (shortest 4 tokens): 3, 1.5. B (shortest 6): 2, 2, 3.
/// Set: position 0 → (3 + 2)/2 = 2.5, position 2 → (1.5 + 2)/2 = 1.75, position 4 → 3 (B only).
@Suite("analyze: BF curves")
struct AnalyzeCurveTests {
    static func line(_ problem: String, _ sample: Int, candidates: [Int]) -> JSONText {
        let steps = candidates.enumerated().map { TestStep.uniform("t\($0.offset) ", candidates: $0.element) }
        return TraceLines.flat(["problem_id": .string(problem), "sample_index": .integer(sample)],
                               logProbs: TraceLines.chatLogProbs(steps))
    }

    static let lines: [JSONText] = [
        line("A", 0, candidates: [2, 2, 4, 1, 2]),
        line("A", 1, candidates: [4, 4, 1, 1]),
        line("B", 0, candidates: [1, 4, 2, 2, 4, 4]),
        line("B", 1, candidates: [2, 2, 2, 2, 2, 2, 1, 1]),
        line("C", 0, candidates: [4, 4]),
    ]

    @Test("windowed set curve: hand values, and samples and problems behind each point")
    func windowed() throws {
        let analysis = try AnalyzerSetup(window: 2, minimumCurveSamples: 2).analyze(try TraceFile.write(Self.lines))
        #expect(analysis.curves.window == 2)
        let curve = analysis.curves.windowed.overall
        try #require(curve.count == 3)
        #expect(curve.map(\.position) == [0, 2, 4])
        #expect(isClose(curve[0].bf, 2.5))
        #expect(isClose(curve[1].bf, 1.75))
        #expect(isClose(curve[2].bf, 3))
        #expect(curve.map(\.problems) == [2, 2, 1])
        #expect(curve.map(\.samples) == [4, 4, 2])
        // No end marker: each output is all thinking, so the thinking curve is the same.
        #expect(analysis.curves.windowed.thinking == curve)
        #expect(analysis.curves.windowed.answer.isEmpty)
    }

    /// Prefix log-BF at k = mean entropy of tokens 0...k (all prefixes are under 50 tokens);
    /// a problem's point = exp(mean over its samples), while at least 2 samples reach k.
    /// - A#0 prefixes: L, L, 4L/3, L (k = 4 has one sample); A#1: 2L, 2L, 4L/3, L.
    ///   A: 2^1.5, 2^1.5, 2^(4/3), 2.
    /// - B#0 prefixes: 0, L, L, L, 1.2L, 4L/3; B#1: L at every k up to 5.
    ///   B: √2, 2, 2, 2, 2^1.1, 2^(7/6).
    @Test("cumulative set curve: prefix BFs by hand, then the mean over problems")
    func cumulative() throws {
        let analysis = try AnalyzerSetup(window: 2, minimumCurveSamples: 2).analyze(try TraceFile.write(Self.lines))
        let curve = analysis.curves.cumulative.overall
        try #require(curve.map(\.position) == [0, 1, 2, 3, 4, 5])
        let a: [Double] = [pow(2, 1.5), pow(2, 1.5), pow(2, 4.0 / 3), 2]
        let b: [Double] = [sqrt(2.0), 2, 2, 2, pow(2, 1.1), pow(2, 7.0 / 6)]
        let expected: [Double] = b.indices.map { $0 < a.count ? (a[$0] + b[$0]) / 2 : b[$0] }
        for (point, value) in zip(curve, expected) {
            #expect(isClose(point.bf, value), "position \(point.position)")
        }
        #expect(curve.map(\.problems) == [2, 2, 2, 2, 1, 1])
        #expect(curve.map(\.samples) == [4, 4, 4, 4, 2, 2])
    }

    @Test("a minimum above every problem's sample count leaves the curve empty")
    func minimumSamples() throws {
        let analysis = try AnalyzerSetup(window: 2, minimumCurveSamples: 3).analyze(try TraceFile.write(Self.lines))
        #expect(analysis.curves.windowed.overall.isEmpty)
        #expect(analysis.warnings.contains { $0.kind == "few_samples" })
    }
}
