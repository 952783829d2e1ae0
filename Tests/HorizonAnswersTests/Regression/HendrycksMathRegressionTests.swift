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

    @Test(arguments: lists) func list(_ c: RegressionCase) { c.check() }
    @Test(arguments: plainText) func plainTextNumber(_ c: RegressionCase) { c.check() }
}
