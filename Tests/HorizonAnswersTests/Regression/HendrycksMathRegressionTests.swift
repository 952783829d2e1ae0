import HorizonAnswers
import Testing

/// Cases in the style of hendrycks/math's answer checking (string equality after its
/// normalisation): lists keep their order, mixed numbers and plain text fractions are values.
struct HendrycksMathRegressionTests {
    static let lists: [RegressionCase] = [
        RegressionCase("4, 10, -2", "4, 10, -2", true),
        RegressionCase("4, 10, -2", "10, 4, -2", false),
        RegressionCase("4, 10, -2", "4,10,-2", true),
        RegressionCase("4, 10, -2", "10, 4, -2", true, options: EquivalenceOptions(listOrder: .unordered)),
        RegressionCase("4, 10, -2", "\\{10, 4, -2\\}", true),
        RegressionCase("4, 10, -2", "(4, 10, -2)", true),
        RegressionCase("4, 10, -2", "(10, 4, -2)", false),
    ]

    static let plainText: [RegressionCase] = [
        RegressionCase("\\frac{3}{2}", "1 1/2", true),
        RegressionCase("-\\frac{3}{2}", "-1 1/2", true),
        RegressionCase("\\frac{3}{2}", "1 1/3", false),
        RegressionCase("2^6 \\cdot 3^5 \\cdot 5^4", "2^6 3^5 5^4", true),
        RegressionCase("2^6 \\cdot 3^5 \\cdot 5^4", "2^6 3^5 5^3", false),
        RegressionCase("\\text{20:34}", "8:34 P.M.", true),
        RegressionCase("20:34", "8:34 pm", true),
        RegressionCase("8:34", "8:34 a.m.", true),
        RegressionCase("20:34", "8:34 a.m.", false),
        RegressionCase("8:05", "08:05", true),
        RegressionCase("8:05", "8:50", false),
    ]

    /// Unsimplified fractions: a value match by default, refused under `simplifiedFractions`.
    static let simplified = EquivalenceOptions(formPolicy: .simplifiedFractions)
    static let forms: [RegressionCase] = [
        RegressionCase("\\frac{1}{2}", "\\frac{2}{4}", true),
        RegressionCase("\\frac{1}{2}", "\\frac{2}{4}", false, options: simplified),
        RegressionCase("2", "6/3", false, options: simplified),
        RegressionCase("2", "\\frac{4}{1}", false, options: simplified),
        RegressionCase("\\frac{1}{2}", "\\frac{1}{2}", true, options: simplified),
        RegressionCase("\\frac{1}{2}", "0.5", true, options: simplified),
        RegressionCase("\\frac{2}{4}", "\\frac{2}{4}", true, options: simplified),
        RegressionCase("\\frac{2}{4}", "\\frac{1}{2}", true, options: simplified),
        RegressionCase("(\\frac{1}{3}, 2)", "(\\frac{3}{9}, 2)", false, options: simplified),
        RegressionCase("(\\frac{1}{3}, 2)", "(\\frac{1}{3}, 2)", true, options: simplified),
    ]

    @Test(arguments: forms) func unsimplifiedForm(_ c: RegressionCase) { c.check() }
    @Test(arguments: lists) func list(_ c: RegressionCase) { c.check() }
    @Test(arguments: plainText) func plainTextNumber(_ c: RegressionCase) { c.check() }
}
