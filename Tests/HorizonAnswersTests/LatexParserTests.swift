@testable import HorizonAnswers
import Testing

struct LatexParserTests {
    func parse(_ text: String, rule: ExtractionRule = .latexSpan) throws -> MathAnswer {
        try LatexParser.parse(AnswerNormalizer.normalize(ExtractedAnswer(text: text, rule: rule)), limits: GradingLimits())
    }

    static func number(_ value: Int) -> MathExpression { .integer(value) }

    @Test func bracketsDecideTheStructure() throws {
        #expect(try parse("(1,2)") == .tuple([.expression(Self.number(1)), .expression(Self.number(2))]))
        #expect(try parse("[0,1)") == .interval(MathInterval(
            lower: Self.number(0), upper: Self.number(1), lowerClosed: true, upperClosed: false)))
        #expect(try parse("\\{1,2\\}") == .set([.expression(Self.number(1)), .expression(Self.number(2))]))
        #expect(try parse("{1,2}") == .list([.expression(Self.number(1)), .expression(Self.number(2))]))
        #expect(try parse("1,2") == .list([.expression(Self.number(1)), .expression(Self.number(2))]))
        #expect(try parse("(7)") == .expression(Self.number(7)))
        #expect(try parse("\\emptyset") == .set([]))
    }

    @Test func commasInsideBracketsSeparateItemsButGroupThousandsOutside() throws {
        guard case .union(let parts) = try parse("(2,12) \\cup (12,102)") else {
            Issue.record("expected a union")
            return
        }
        #expect(parts.last == .tuple([.expression(Self.number(12)), .expression(Self.number(102))]))
        #expect(try parse("10,455") == .expression(Self.number(10455)))
        #expect(try parse("0,111") == .list([.expression(Self.number(0)), .expression(Self.number(111))]))
    }

    @Test func relationsAndMemberships() throws {
        guard case .relation(let chain) = try parse("-2 \\le x \\le 7") else {
            Issue.record("expected a relation")
            return
        }
        #expect(chain.operators == [.lessOrEqual, .lessOrEqual])
        guard case .membership(let element, .interval) = try parse("x \\in [-2,7]") else {
            Issue.record("expected a membership")
            return
        }
        #expect(element == .symbol("x"))
        guard case .relation(let assignment) = try parse("k = \\frac{1}{3}") else {
            Issue.record("expected an assignment")
            return
        }
        #expect(assignment.assignedValue == .expression(.quotient(Self.number(1), Self.number(3))))
    }

    @Test func chainsOfEqualitiesAreTheirLastValue() throws {
        #expect(try parse("x = 5+5+1 = 7 = 11") == .expression(Self.number(11)))
        #expect(try parse("1 = \\zzz = x = 0") == .expression(Self.number(0)))
        #expect(try parse("x=1/3\\approx1.3") == .expression(.quotient(Self.number(1), Self.number(3))))
        // Constants on both sides: a computation, whose value is the right side.
        #expect(try parse("\\frac{1}{2} = \\frac{10}{9}") == .expression(.quotient(Self.number(10), Self.number(9))))
        // A variable on the left of a single `=`: an equation, kept.
        if case .relation = try parse("7 = 11a+c") {} else { Issue.record("expected an equation") }
    }

    @Test func fractionArgumentsTakeOneDigitButExponentsTheWholeNumber() throws {
        #expect(try parse("\\frac12") == .expression(.quotient(Self.number(1), Self.number(2))))
        #expect(try parse("\\frac3{4}") == .expression(.quotient(Self.number(3), Self.number(4))))
        #expect(try parse("x^23") == .expression(.power(.symbol("x"), Self.number(23))))
        #expect(try parse("2^10", rule: .wholeText) == .expression(.power(Self.number(2), Self.number(10))))
        #expect(try parse("x_{10}") == .expression(.symbol("x_10")))
    }

    @Test func mixedNumbersBaseSubscriptsAndInverseFunctions() throws {
        #expect(try parse("15\\frac{39}{40}") == .expression(.sum([Self.number(15), .quotient(Self.number(39), Self.number(40))])))
        #expect(try parse("204_5") == .expression(Self.number(54)))
        #expect(try parse("\\sin^{-1} x") == .expression(.function(.arcsin, .symbol("x"))))
        #expect(try parse("\\sin^2(y)") == .expression(.power(.function(.sin, .symbol("y")), Self.number(2))))
        #expect(try parse("\\sqrt(2)") == .expression(.root(Self.number(2), index: Self.number(2))))
    }

    @Test func matricesHaveRowsOfCells() throws {
        let matrix = MathExpression.matrix([[Self.number(1), Self.number(2)], [Self.number(3), Self.number(4)]])
        #expect(try parse("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}") == .expression(matrix))
        #expect(try parse("\\left[\\begin{array}{cc}1 & 2 \\\\3 & 4\\\\\\end{array}\\right]") == .expression(matrix))
    }

    @Test func plusMinusStandsForBothValues() throws {
        let parsed = try parse("1 \\pm 2")
        let alternatives = try #require(parsed.expression?.alternatives())
        #expect(alternatives == [.sum([Self.number(1), Self.number(2)]), .sum([Self.number(1), .negation(Self.number(2))])])
    }

    @Test func casesAreSystemsOrPiecewiseDefinitions() throws {
        #expect(try parse("\\begin{cases} x = 1 \\\\ y = 2 \\end{cases}") == parse("x = 1, y = 2"))
        let piecewise = try parse("\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}")
        guard case .tuple(let rows) = piecewise else { Issue.record("not a tuple: \(piecewise)"); return }
        #expect(rows.count == 2)
        #expect(rows[0] == .tuple([try parse("1"), try parse("x > 0")]))
    }

    @Test func wordsMakeATextAnswer() throws {
        #expect(try parse("\\text{Evelyn}") == .text("evelyn"))
    }

    @Test(arguments: ["\\frac{1}{2", "(1,2", "1 2", "[1,2,3)", "x^", "\\begin{align} 1 \\end{align}", "\\begin{cases} 1 \\\\ 2", "-[0,1)", "a \\cap b"])
    func malformedOrUnsupportedInputIsRejected(_ text: String) {
        #expect(throws: AnswersError.self) { try parse(text) }
    }

    @Test func deepNestingIsRejectedNotRecursedInto() {
        let deep = String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40)
        #expect { try parse(deep) } throws: { ($0 as? AnswersError)?.reason == .answerTooComplex }
        // No brackets, still deep: a chain of signs must not exhaust the stack.
        let signs = String(repeating: "- ", count: 5_000) + "1"
        #expect { try parse(signs, rule: .wholeText) } throws: { ($0 as? AnswersError)?.reason == .answerTooComplex }
    }
}
