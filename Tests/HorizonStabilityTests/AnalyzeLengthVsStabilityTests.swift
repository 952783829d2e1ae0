import Foundation
import HorizonAnswers
import HorizonEntropy
import HorizonSegments
import HorizonStability
import HorizonTestSupport
import HorizonTraces
import Testing

/// Thinking length against correctness: two problems (gold 1) whose longer thinking is right.
///
/// | sample | thinking (chars) | answer | correct | agrees with modal |
/// |---|---|---|---|---|
/// | X#0 | 2 | 2 | 0 | 0 (X's modal is {1}) |
/// | X#1 | 6 | 1 | 1 | 1 |
/// | X#2 | 10 | 1 | 1 | 1 |
/// | Y#0 | 2 | 2 | 0 | 1 (Y's modal is {2}) |
/// | Y#1 | 2 | 2 | 0 | 1 |
/// | Y#2 | 10 | 1 | 1 | 0 |
///
/// Fractional ranks of length: 2, 4, 5.5, 2, 2, 5.5 (mean 3.5, Σd² = 15).
/// Correctness ranks: 2, 5, 5, 2, 2, 5 (Σd² = 13.5); Σ dx·dy = 13.5, so ρ = 13.5/√(15·13.5) = √0.9.
/// Agreement ranks: 1.5, 4.5, 4.5, 4.5, 4.5, 1.5 (Σd² = 12); Σ dx·dy = −1.5, so
/// ρ = −1.5/√(15·12) = −1.5/√180.
@Suite("analyze: thinking length against stability")
struct AnalyzeLengthVsStabilityTests {
    static func response(thinking: Int, answer: String) -> JSONText {
        .string("<think>" + String(repeating: "a", count: thinking) + #"</think>\boxed{"# + answer + "}")
    }

    static let lines: [JSONText] = [
        .members(["problem_id": "X", "gold": "1", "responses": [
            response(thinking: 2, answer: "2"), response(thinking: 6, answer: "1"), response(thinking: 10, answer: "1"),
        ]]),
        .members(["problem_id": "Y", "gold": "1", "responses": [
            response(thinking: 2, answer: "2"), response(thinking: 2, answer: "2"), response(thinking: 10, answer: "1"),
        ]]),
    ]

    @Test("Spearman ρ of length with correctness and with agreement, ties ranked fractionally")
    func correlations() throws {
        let analysis = try AnalyzerSetup(lengthBins: 3).analyze(try TraceFile.write(Self.lines))
        let view = try #require(analysis.lengthVsStability)
        #expect(view.unit == "characters")
        let correctness = try #require(view.correctness)
        #expect(isClose(correctness.rho, 0.9.squareRoot()))
        #expect(correctness.samples == 6)
        let agreement = try #require(view.agreement)
        #expect(isClose(agreement.rho, -1.5 / 180.0.squareRoot()))
        // No log-probs, so no answer BF to correlate.
        #expect(view.answerBF == nil)
    }

    @Test("three quantile bins of two samples: lengths 2-2, 2-6, 10-10 with accuracy 0, 1/2, 1")
    func bins() throws {
        let analysis = try AnalyzerSetup(lengthBins: 3).analyze(try TraceFile.write(Self.lines))
        let bins = try #require(analysis.lengthVsStability).bins
        #expect(bins.map(\.samples) == [2, 2, 2])
        #expect(bins.map(\.lowerLength) == [2, 2, 10])
        #expect(bins.map(\.upperLength) == [2, 6, 10])
        #expect(bins.map(\.accuracy) == [0, 0.5, 1])
        // The top bin (X#2 agrees, Y#2 does not) is the only one whose members are fixed.
        #expect(bins.last?.agreement == 0.5)
    }

    @Test("longer thinking that is always right and shorter always wrong gives ρ = +1")
    func perfectCorrelation() throws {
        let lines: [JSONText] = [
            .members(["problem_id": "Z", "gold": "1", "responses": [
                Self.response(thinking: 3, answer: "2"), Self.response(thinking: 9, answer: "1"),
                Self.response(thinking: 3, answer: "2"), Self.response(thinking: 9, answer: "1"),
            ]]),
        ]
        let analysis = try AnalyzerSetup().analyze(try TraceFile.write(lines))
        // Lengths and correctness share their ranks (1.5, 3.5, 1.5, 3.5): ρ = 1.
        #expect(isClose(analysis.lengthVsStability?.correctness?.rho, 1))
    }
}
