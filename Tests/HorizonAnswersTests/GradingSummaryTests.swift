import Foundation
import HorizonAnswers
import Testing

@Suite struct GradingSummaryTests {
    /// Four pairs laid out by hand: 1/2 = 0.5 (equivalent, labelled true: agrees), 3 vs 4 (not
    /// equivalent, labelled true: disagrees), 7 vs 7 (equivalent, unlabelled), 2 vs 5 (not
    /// equivalent, labelled false: agrees). So 2 equivalent, 3 labelled, 2 agreed, 1 disagreement.
    @Test func countsVerdictsAndLabelsByHand() {
        let graded = AnswerGrader().grade([
            AnswerPair(reference: "1/2", candidate: "\\boxed{0.5}", expected: true),
            AnswerPair(reference: "3", candidate: "\\boxed{4}", expected: true),
            AnswerPair(reference: "7", candidate: "\\boxed{7}"),
            AnswerPair(reference: "2", candidate: "\\boxed{5}", expected: false),
        ])
        let summary = GradingSummary(graded)
        #expect(summary.pairs == 4)
        #expect(summary.equivalent == 2)
        #expect(summary.labelled == 3)
        #expect(summary.agreed == 2)
        #expect(summary.agreement == 2.0 / 3.0)
        #expect(summary.disagreements.map(\.index) == [1])
        #expect(graded.map(\.agreesWithLabel) == [true, false, nil, true])
    }

    @Test func noLabelsMeansNoAgreement() {
        let summary = GradingSummary(AnswerGrader().grade([AnswerPair(reference: "1", candidate: "\\boxed{1}")]))
        #expect(summary.labelled == 0 && summary.agreement == nil && summary.disagreements.isEmpty)
        #expect(GradingSummary([]).pairs == 0)
    }

    @Test func verdictLinesKeepTheLabelAndReadBack() throws {
        let graded = AnswerGrader().grade([AnswerPair(reference: "3", candidate: "\\boxed{4}", id: "q7", expected: true)])
        let line = String(decoding: try AnswerGrader.jsonLines(graded), as: UTF8.self)
        #expect(line.contains(#""expected":true"#) && line.contains(#""id":"q7""#) && line.contains(#""gold":"3""#))
        #expect(try JSONDecoder().decode(GradedPair.self, from: Data(line.utf8.dropLast())) == graded[0])
    }
}
