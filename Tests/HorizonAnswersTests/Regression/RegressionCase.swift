import HorizonAnswers
import Testing

/// A labelled pair graded as in production (extraction of both sides, then comparison), with the
/// rule family it exercises. The cases are our own, written after the rules that other graders'
/// documentation and test suites state; each family has neighbours on both sides of the line.
struct RegressionCase: Sendable, CustomTestStringConvertible {
    var gold: String
    var pred: String
    var expected: Bool
    var options = EquivalenceOptions()

    init(_ gold: String, _ pred: String, _ expected: Bool, options: EquivalenceOptions = EquivalenceOptions()) {
        self.gold = gold
        self.pred = pred
        self.expected = expected
        self.options = options
    }

    var testDescription: String { "\(gold) | \(pred) → \(expected)" }

    /// Checks the verdict, and that grading the pair again gives the same verdict.
    func check() {
        let grader = AnswerGrader(options: options)
        let graded = grader.grade(AnswerPair(reference: gold, candidate: pred))
        #expect(graded.verdict.equivalent == expected, "\(graded.verdict.reason.rawValue): \(String(describing: graded.referenceAnswer)) vs \(String(describing: graded.candidateAnswer))")
        #expect(grader.grade(AnswerPair(reference: gold, candidate: pred)).verdict == graded.verdict)
    }
}
