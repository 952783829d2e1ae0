import HorizonAnswers
import Testing

/// Cases in the style of the plain-text graders (simple-evals, NeMo-Skills, open-r1, slime,
/// SkyThought): answers written as models and Python code write them.
struct SimpleEvalsRegressionTests {
    static let plainFunctions: [RegressionCase] = [
        RegressionCase("2\\sqrt{2}", "Answer: 2*sqrt(2)", true),
        RegressionCase("2\\sqrt{2}", "Answer: 2*sqrt(3)", false),
        RegressionCase("\\sqrt{x+1}", "sqrt(x+1)", true),
        RegressionCase("|x-1|", "abs(x-1)", true),
        RegressionCase("|x-1|", "abs(x+1)", false),
        RegressionCase("\\ln 2", "log(2)", true),
        RegressionCase("\\cos(x+y)", "cos(x+y)", true),
        RegressionCase("\\cos(x+y)", "cos(x-y)", false),
        RegressionCase("\\frac{\\pi}{3}", "pi/3", true),
        RegressionCase("e^{2}", "exp(2)", true),
    ]

    @Test(arguments: plainFunctions) func plainFunction(_ c: RegressionCase) { c.check() }
}
