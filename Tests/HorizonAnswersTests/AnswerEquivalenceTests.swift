import HorizonAnswers
import Testing

struct AnswerEquivalenceTests {
    typealias Reason = EquivalenceVerdict.Reason

    struct Case: Sendable, CustomTestStringConvertible {
        var reference: String
        var candidate: String
        var reason: Reason
        var testDescription: String { "\(reference) | \(candidate)" }

        init(_ reference: String, _ candidate: String, _ reason: Reason) {
            self.reference = reference
            self.candidate = candidate
            self.reason = reason
        }
    }

    /// Mistakes of other graders (see docs/answer-grading.md), which must be answered right.
    static let anchorMistakes: [Case] = [
        Case("(3,\\frac{\\pi}{2})", "\\left(3,\\frac{\\pi}{2}\\right)", .identicalText),
        Case("1,-2", "1,-3", .differentValue),
        Case("4", "4\\sqrt(2)", .differentValue),
        Case("\\frac{1}{2004!}", "\\frac{1}{2006!}", .beyondNumericRange),
        Case("1/2004!", "1/2006!", .beyondNumericRange),
    ]

    static let numbers: [Case] = [
        Case("0.5", "\\frac{1}{2}", .exactValue),
        Case("-5", "\u{2212}5", .identicalText),
        Case("-\\frac{1}{2}", "\u{2212}0.5", .exactValue),
        Case("7425000", "7,425,000", .sameExpression),
        Case("1000", "1\\,000", .identicalText),
        Case("14916", "14{,}916", .identicalText),
        Case("12", "12.000", .exactValue),
        Case("0.5", ".5", .sameExpression),
        Case("\\frac{1}{3}", "\\frac13", .sameExpression),
        Case("\\sqrt{3}", "\\sqrt3", .sameExpression),
        Case("\\frac{1}{2}", "1/2", .sameExpression),
        Case("\\frac{3}{2}", "1.5", .exactValue),
        Case("\\frac{5}{2}", "2\\frac{1}{2}", .exactValue),
        Case("-2", "\\sqrt[3]{-8}", .exactValue),
        Case("2\\sqrt{2}", "\\sqrt{8}", .numericTolerance),
        Case("54", "204_5", .sameExpression),
        Case("10", "\\binom{5}{2}", .exactValue),
        Case("120", "5!", .exactValue),
        Case("3", "|-3|", .exactValue),
        Case("3", "\\log_2 8", .exactValue),
        Case("-1", "e^{i\\pi}", .numericTolerance),
        Case("6", "2\u{00D7}3", .exactValue),
        Case("\\sqrt{2}", "\u{221A}2", .sameExpression),
        Case("\\frac{\\pi}{2}", "\u{03C0}/2", .sameExpression),
        Case("3", "three", .identicalText),
        Case("\\frac{1}{0}", "\\frac{2}{0}", .undefinedValue),
    ]

    /// Written decimals: rounding to the written places, and the one asymmetry.
    static let decimals: [Case] = [
        Case("\\pi", "3.14", .roundedDecimal),
        Case("\\pi", "3", .differentValue),
        Case("\\sqrt{2}", "1.41421356", .roundedDecimal),
        Case("4.123105625617661", "\\sqrt{17}", .roundedDecimal),
        Case("\\frac{1}{3}", "0.33", .roundedDecimal),
        Case("\\frac{1}{12}", "0.0833333333333333", .roundedDecimal),
        Case("\\frac{1}{3}", "0.3", .differentValue),
        Case("\\frac{27}{50}", "0.5", .differentValue),
        Case("0.54", "0.5", .differentValue),
        Case("16386.17", "16386.169", .roundedDecimal),
        Case("16386.169", "16386.17", .differentValue),
        Case("12", "11.999", .differentValue),
    ]

    static let percentUnitsAndText: [Case] = [
        Case("28\\%", "0.28", .percentAsFraction),
        Case("28\\%", "28", .percentSignDropped),
        Case("28\\%", "28 percent", .identicalText),
        Case("50\\%", "\\frac{1}{2}", .percentAsFraction),
        Case("28\\%", "0.27", .differentValue),
        Case("125", "125 \\text{ miles}", .identicalText),
        Case("15", "15\\mbox{ cm}^2", .identicalText),
        Case("90^\\circ", "90", .identicalText),
        Case("90", "90\u{00B0}", .identicalText),
        Case("10", "\\$10", .identicalText),
        Case("\\text{Evelyn}", "\\text{evelyn}", .identicalText),
        Case("\\text{Evelyn}", "\\text{Eveyln}", .differentText),
        Case("\\text{(C)}", "C", .sameExpression),
        Case("13", "\\text{13}", .identicalText),
    ]

    static let structures: [Case] = [
        Case("[0,1)", "(0,1)", .differentBrackets),
        Case("(1,2)", "(2,1)", .differentValue),
        Case("(1,2)", "1,2", .sameStructure),
        Case("(1,2)", "(1,2]", .differentBrackets),
        Case("((1,2),(3,4))", "[1,2]", .differentStructure),
        Case("(1,2,3)", "[1,3]", .differentStructure),
        Case("(1, 4.5)", "(1,\\frac{9}{2})", .sameStructure),
        Case("\\{1,2,3\\}", "\\{3,1,2\\}", .sameStructure),
        Case("\\{1,2\\}", "\\{1,2,3\\}", .differentStructure),
        // A bare list keeps its order by default (`EquivalenceOptions.listOrder`).
        Case("1,2", "2,1", .differentValue),
        Case("-2,1", "1, -2", .differentValue),
        Case("-2,1", "-2, 1", .identicalText),
        Case("-2,1", "\\{1, -2\\}", .sameStructure),
        Case("58,500", "58500", .sameExpression),
        Case("\\emptyset", "\\{\\}", .sameStructure),
        Case("(2,12) \\cup (12,102)", "(12,102) \\cup (2,12)", .sameStructure),
        Case("1 \\pm \\sqrt{19}", "\\{1-\\sqrt{19}, 1+\\sqrt{19}\\}", .sameStructure),
        Case("\\frac{639}{40}", "\\{15\\frac{39}{40}, \\frac{639}{40}\\}", .sameStructure),
        Case("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", .sameExpression),
        Case("\\begin{pmatrix}1&2\\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}", .differentStructure),
        Case("\\begin{pmatrix}2\\\\3\\end{pmatrix}", "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}\\begin{pmatrix}2\\\\3\\end{pmatrix}", .sameStructure),
        Case("\\begin{pmatrix}1\\end{pmatrix}", "1", .differentStructure),
    ]

    static let relations: [Case] = [
        Case("x \\in [-2,7]", "-2 \\le x \\le 7", .sameInterval),
        Case("(5, \\infty)", "x > 5", .sameInterval),
        Case("[5, \\infty)", "x > 5", .differentBrackets),
        Case("x < 1", "1 > x", .equivalentInequality),
        Case("x < 1", "-x > -1", .equivalentInequality),
        Case("x \\le 1", "x < 1", .differentBrackets),
        Case("x \\le 5", "x \u{2264} 5", .equivalentInequality),
        Case("2x + 4y = 6", "x + 2y = 3", .equivalentEquation),
        Case("34x+45y-20z+100=0", "-34x-45y+20z-100=0", .equivalentEquation),
        Case("x = 5", "5", .assignedValue),
        Case("5", "y = 5", .assignedValue),
        Case("y = 2x + 1", "2x+1", .assignedValue),
        Case("x = 5", "y = 5", .differentValue),
        Case("7 = 11a+c", "11a+c", .differentStructure),
        Case("f(2) < f(1)", "f(1) > f(2)", .equivalentInequality),
    ]

    static let symbolic: [Case] = [
        Case("x^2 - 1", "(x-1)(x+1)", .symbolicAgreement),
        Case("1", "\\sin^2 x + \\cos^2 x", .symbolicAgreement),
        Case("\\tan^2(y)+1", "\\sec^2(y)", .symbolicAgreement),
        Case("\\frac{x+2}{7}", "\\frac{x}{7}+\\frac{2}{7}", .symbolicAgreement),
        Case("x^{2/3}", "\\sqrt[3]{x}^2", .symbolicAgreement),
        Case("x + 1", "y + 1", .differentValue),
        Case("x+2n+1", "x+1", .differentValue),
        Case("(a+5)(b+2)", "(+5)(b+2)", .differentValue),
    ]

    static let malformedAndBounded: [Case] = [
        Case("\\frac{1}{2", "\\frac{1}{2}", .unparsableReference),
        Case("\\frac{1}{2}", "\\frac{1}{2", .unparsableCandidate),
        Case("\\frac{1}{2", "\\frac{1}{2", .identicalText),
        Case(")(", "1", .unparsableReference),
        Case("2^{2^{2^{100}}}", "2^{2^{2^{100}}}+1", .beyondNumericRange),
        Case("2^{2^{2^{100}}}", "2^{2^{2^{100}}}", .identicalText),
        Case(String(repeating: "\\frac{1}{", count: 300) + "2" + String(repeating: "}", count: 300), "1", .beyondLimits),
        Case(String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000), "1", .beyondLimits),
    ]

    @Test(arguments: anchorMistakes + numbers + decimals + percentUnitsAndText)
    func valuesAndNumbers(_ item: Case) {
        check(item)
    }

    @Test(arguments: structures + relations + symbolic + malformedAndBounded)
    func structuresRelationsAndBounds(_ item: Case) {
        check(item)
    }

    func check(_ item: Case) {
        let verdict = AnswerEquivalence.compare(reference: item.reference, candidate: item.candidate)
        #expect(verdict.reason == item.reason)
        #expect(verdict.equivalent == item.reason.isEquivalent)
    }

    @Test func thePercentPolicyCanRefuseADroppedSign() {
        var options = EquivalenceOptions()
        options.percentPolicy = .fractionOnly
        #expect(AnswerEquivalence.compare(reference: "28\\%", candidate: "28", options: options).equivalent == false)
        #expect(AnswerEquivalence.compare(reference: "28\\%", candidate: "0.28", options: options).equivalent)
    }

    @Test func roundingCanBeTurnedOff() {
        var options = EquivalenceOptions()
        options.acceptsRoundedDecimals = false
        #expect(AnswerEquivalence.compare(reference: "\\frac{1}{3}", candidate: "0.33", options: options).equivalent == false)
    }

    @Test func listsCanBeComparedInAnyOrder() {
        let unordered = EquivalenceOptions(listOrder: .unordered)
        #expect(AnswerEquivalence.compare(reference: "4, 10, -2", candidate: "10, 4, -2", options: unordered).reason == .sameStructure)
        #expect(AnswerEquivalence.compare(reference: "4, 10, -2", candidate: "10, 4, -3", options: unordered).equivalent == false)
        #expect(AnswerEquivalence.compare(reference: "4, 10, -2", candidate: "10, 4, -2").reason == .differentValue)
        // Separate boxes state no order, whatever the option.
        let boxes = ExtractedAnswer(text: "-2, 1", rule: .boxedSet)
        let gold = ExtractedAnswer(text: "1, -2", rule: .wholeText)
        #expect(AnswerEquivalence.compare(reference: gold, candidate: boxes).reason == .sameStructure)
        #expect(AnswerEquivalence.compare(reference: ExtractedAnswer(text: "(1, -2)", rule: .wholeText), candidate: boxes).equivalent == false)
    }

    @Test func missingAnswersAreNeverEquivalent() {
        let five = ExtractedAnswer(text: "5", rule: .boxed)
        #expect(AnswerEquivalence.compare(reference: five, candidate: nil).reason == .missingCandidate)
        #expect(AnswerEquivalence.compare(reference: nil, candidate: five).reason == .missingReference)
    }

    static let varied = [
        "\\frac{1}{2}", "(1, 2]", "\\{1, 2\\}", "x^2+1", "2x + 4y = 6", "-2 \\le x \\le 7", "28\\%", "\\text{Evelyn}",
        "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "1 \\pm \\sqrt{2}", "0.33", "x \\in (0, \\infty)",
    ]

    @Test(arguments: varied)
    func everyAnswerIsEquivalentToItself(_ answer: String) {
        #expect(AnswerEquivalence.compare(reference: answer, candidate: answer).equivalent)
    }

    @Test(arguments: anchorMistakes + numbers + structures + relations + symbolic)
    func symmetricOutsideTheDecimalRule(_ item: Case) {
        let forward = AnswerEquivalence.compare(reference: item.reference, candidate: item.candidate).equivalent
        let backward = AnswerEquivalence.compare(reference: item.candidate, candidate: item.reference).equivalent
        #expect(forward == backward)
    }

    @Test(arguments: symbolic)
    func verdictsDoNotDependOnTheSeed(_ item: Case) {
        for seed in [UInt64(1), 42, 0xDEAD_BEEF] {
            var options = EquivalenceOptions()
            options.seed = seed
            #expect(AnswerEquivalence.compare(reference: item.reference, candidate: item.candidate, options: options).reason == item.reason)
        }
    }

    /// Inputs that make SymPy-based graders hang return at once here. The bound is loose
    /// because this runs in a debug build on a shared machine; scripts/bench measures release.
    @Test(arguments: malformedAndBounded + [
        Case("\\{" + (1...32).map { "\\sqrt{\($0)}x" }.joined(separator: ",") + "\\}",
             "\\{" + (1...32).reversed().map { "\\sqrt{\($0)}x" }.joined(separator: ",") + "\\}", .sameStructure),
        Case("(x+y+z)^{12}", "(z+y+x)^{12}", .symbolicAgreement),
        Case("\\begin{pmatrix}" + (0..<8).map { _ in (0..<8).map { "x^{\($0)}" }.joined(separator: "&") }.joined(separator: "\\\\")
             + "\\end{pmatrix}^{16}", "0", .differentStructure),
        Case((1...399).map(String.init).joined(separator: "+"), "79800", .exactValue),
    ])
    func pathologicalInputsReturnQuickly(_ item: Case) {
        let clock = ContinuousClock()
        var verdict: EquivalenceVerdict?
        let elapsed = clock.measure {
            verdict = AnswerEquivalence.compare(reference: item.reference, candidate: item.candidate)
        }
        #expect(verdict?.reason == item.reason)
        #expect(elapsed < .milliseconds(250))
    }

    @Test func reasonRawValuesAreStable() {
        #expect(Reason.exactValue.rawValue == "exact-value")
        #expect(Reason.beyondNumericRange.rawValue == "beyond-numeric-range")
        #expect(Reason.allCases.filter(\.isEquivalent).count == 13)
        #expect(EquivalenceVerdict(.roundedDecimal).description == "equivalent (rounded-decimal)")
    }
}
