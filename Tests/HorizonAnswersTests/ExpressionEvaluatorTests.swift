@testable import HorizonAnswers
import Testing

struct ExpressionEvaluatorTests {
    func value(_ text: String, variables: [String: ScalarValue] = [:]) throws -> EvaluatedValue {
        let answer = try LatexParser.parse(
            AnswerNormalizer.normalize(ExtractedAnswer(text: text, rule: .latexSpan)), limits: GradingLimits())
        let expression = try #require(answer.expression)
        return try ExpressionEvaluator(limits: GradingLimits(), variables: variables).evaluate(expression)
    }

    func exact(_ text: String) throws -> ExactComplex? {
        guard case .scalar(let x) = try value(text) else { return nil }
        return x.exact
    }

    func approximate(_ text: String) throws -> ComplexDouble? {
        guard case .scalar(let x) = try value(text) else { return nil }
        return x.approximate
    }

    static func rational(_ n: Int, _ d: Int = 1) -> ExactComplex { ExactComplex(BoundedRational(n, d)!) }

    static let exactCases: [(String, Int, Int)] = [
        ("\\frac{1}{3} + \\frac{1}{6}", 1, 2),
        ("\\sqrt{\\frac{4}{9}}", 2, 3),
        ("8^{1/3}", 2, 1),
        ("\\sqrt[3]{-8}", -2, 1),
        ("\\log_2 8", 3, 1),
        ("20!", 2_432_902_008_176_640_000, 1),
        ("\\binom{60}{30}", 118_264_581_564_861_424, 1),
        ("|-3|", 3, 1),
        ("\\lfloor -2.5 \\rfloor", -3, 1),
        ("\\lceil 2.1 \\rceil", 3, 1),
        ("0^0", 1, 1),
        ("1112122_3", 1124, 1),
    ]

    @Test(arguments: exactCases)
    func rationalArithmeticStaysExact(_ text: String, numerator: Int, denominator: Int) throws {
        #expect(try exact(text) == Self.rational(numerator, denominator))
    }

    @Test func gaussianRationalsAreExactToo() throws {
        #expect(try exact("(1+i)^2") == ExactComplex(.zero, BoundedRational(2)))
        #expect(try exact("\\frac{1}{i}") == ExactComplex(.zero, BoundedRational(-1)))
    }

    @Test func irrationalValuesUseFloatingPoint() throws {
        let root = try #require(try approximate("\\sqrt{2}"))
        #expect(abs(root.re - 2.0.squareRoot()) < 1e-15)
        #expect(try exact("\\sqrt{2}") == nil)
        let euler = try #require(try approximate("e^{i\\pi}"))
        #expect(abs(euler.re + 1) < 1e-15 && abs(euler.im) < 1e-15)
        // A power of a negative base is the principal value; only `\sqrt[n]{}` takes the real root.
        let principal = try #require(try approximate("(-8)^{1/3}"))
        #expect(abs(principal.re - 1) < 1e-12 && abs(principal.im - 3.0.squareRoot()) < 1e-12)
        let big = try #require(try approximate("21!"))
        #expect(abs(big.re / 51_090_942_171_709_440_000 - 1) < 1e-12)
    }

    @Test func matricesMultiplyByShape() throws {
        let product = try value("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}\\begin{pmatrix}5\\\\6\\end{pmatrix}")
        #expect(product == .matrix(rows: 2, columns: 1, cells: [ScalarValue(BoundedRational(17)), ScalarValue(BoundedRational(39))]))
        #expect { try value("\\begin{pmatrix}1&2\\end{pmatrix} + 1") } throws: {
            ($0 as? AnswersError)?.reason == .unsupportedOperation
        }
    }

    @Test func variablesTakeTheGivenValues() throws {
        let x = ScalarValue(BoundedRational(3, 2)!)
        #expect(try value("x^2 - 1", variables: ["x": x]) == .scalar(ScalarValue(BoundedRational(5, 4)!)))
    }

    @Test(arguments: [
        ("2^{2^{2^{100}}}", AnswersError.Reason.beyondNumericRange),
        ("10^{10^{10}}", .beyondNumericRange),
        ("171!", .beyondNumericRange),
        ("\\frac{1}{2004!}", .beyondNumericRange),
        ("2^{-5000}", .beyondNumericRange),
        ("\\frac{1}{0}", .undefinedValue),
        ("\\log 0", .undefinedValue),
        ("(-3)!", .undefinedValue),
    ])
    func valuesOutsideTheRangeAreReportedNotRounded(_ text: String, reason: AnswersError.Reason) {
        #expect { try value(text) } throws: { ($0 as? AnswersError)?.reason == reason }
    }
}
