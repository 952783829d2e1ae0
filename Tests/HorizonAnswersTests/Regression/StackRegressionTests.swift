import HorizonAnswers
import Testing

/// Cases in the style of STACK's answer tests: Maxima syntax (`*`, `%pi`, `%e`, `[x=1, x=2]`,
/// `{3, 2, 1}`) against LaTeX, decided by algebraic equivalence.
struct StackRegressionTests {
    static let maxima: [RegressionCase] = [
        RegressionCase(#"x^2-1"#, #"(x-1)*(x+1)"#, true),
        RegressionCase(#"\frac{\sqrt{2}}{2}"#, #"1/sqrt(2)"#, true),
        RegressionCase(#"2\pi"#, #"2*%pi"#, true),
        RegressionCase(#"e^2"#, #"%e^2"#, true),
        RegressionCase(#"x = 1 \text{ or } x = 2"#, #"[x=1, x=2]"#, true),
        RegressionCase(#"x = 1 \text{ or } x = 2"#, #"[x=1, x=3]"#, false),
        RegressionCase(#"\{1, 2, 3\}"#, #"{3, 2, 1}"#, true),
        RegressionCase(#"(x+1)^2"#, #"x^2+2*x+1"#, true),
        RegressionCase(#"(x+1)^2"#, #"x^2+2*x+2"#, false),
    ]

    @Test(arguments: maxima) func maximaAnswer(_ c: RegressionCase) { c.check() }
}
