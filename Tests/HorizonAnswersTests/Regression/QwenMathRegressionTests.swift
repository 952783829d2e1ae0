import HorizonAnswers
import Testing

/// Cases in the style of Qwen2.5-Math's grader and the suites derived from it (MARIO_EVAL,
/// SkyThought, simple-evals' examples, hendrycks/math's normalisation, OlympiadBench): a second
/// held-out batch, plus the percent option they use.
struct QwenMathRegressionTests {
    static let simpleEvals: [RegressionCase] = [
        RegressionCase(#"2x+3"#, #"3+2x"#, true),
        RegressionCase(#"\frac{3}{2}"#, #"1.5"#, true),
        RegressionCase(#"x^2+2x+1"#, #"y^2+2y+1"#, false),
        RegressionCase(#"-\frac{2}{3}"#, #"\frac{2}{-3}"#, true),
        RegressionCase(#"72"#, #"72^\circ"#, true),
        RegressionCase(#"64"#, #"64 square feet"#, true),
    ]

    static let marioEval: [RegressionCase] = [
        RegressionCase(#"\frac{1}{2}"#, #"\dfrac{1}{2}"#, true),
        RegressionCase(#"(1,2)"#, #"\left(1, 2\right)"#, true),
        RegressionCase(#"x \in [1, 2]"#, #"[1,2]"#, true),
        RegressionCase(#"\$18.90"#, #"18.9"#, true),
        RegressionCase(#"18.90"#, #"\$18.9"#, true),
        RegressionCase(#"\text{(A)}"#, #"A"#, true),
        RegressionCase(#"10\sqrt{3}"#, #"17.32"#, true),
        RegressionCase(#"10\sqrt{3}"#, #"17.3"#, true),
        RegressionCase(#"10\sqrt{3}"#, #"17.4"#, false),
        RegressionCase(#"5\%"#, #"0.05"#, true),
    ]

    static let hendrycks: [RegressionCase] = [
        RegressionCase(#"\frac{1}{2}"#, #"1/2"#, true),
        RegressionCase(#"\sqrt{3}"#, #"\sqrt3"#, true),
        RegressionCase(#"\frac{9}{4}"#, #"\frac94"#, true),
        RegressionCase(#"0.5"#, #".5"#, true),
        RegressionCase(#"\text{Tuesday}"#, #"Tuesday"#, true),
        RegressionCase(#"k = 3"#, #"3"#, true),
        RegressionCase(#"\$5"#, #"5 dollars"#, true),
        RegressionCase(#"90^\circ"#, #"90"#, true),
        RegressionCase(#"90^\circ"#, #"\frac{\pi}{2}"#, false),
    ]

    static let olympiad: [RegressionCase] = [
        RegressionCase(#"$\frac{n(n+1)}{2}$"#, #"$\boxed{\frac{n^2+n}{2}}$"#, true),
        RegressionCase(#"$2^{n}-1$"#, #"$\boxed{2^n - 1}$"#, true),
        RegressionCase(#"$(2, 3), (3, 2)$"#, #"$\boxed{(2,3),(3,2)}$"#, true),
        RegressionCase(#"$a_n = 3^n$"#, #"$\boxed{a_n=3^{n}}$"#, true),
        RegressionCase(#"$f(x)=x$"#, #"$\boxed{f(x) = x}$"#, true),
        RegressionCase(#"$f(x)=x$"#, #"$\boxed{f(x) = -x}$"#, false),
        RegressionCase(#"$[1, +\infty)$"#, #"$\boxed{[1,+\infty)}$"#, true),
        RegressionCase(#"$\frac{\sqrt{5}-1}{2}$"#, #"$\boxed{0.618}$"#, true),
        RegressionCase(#"$\frac{\sqrt{5}-1}{2}$"#, #"$\boxed{0.62}$"#, true),
        RegressionCase(#"$\frac{\sqrt{5}-1}{2}$"#, #"$\boxed{0.61}$"#, false),
    ]

    static let sentencesClocksDegrees: [RegressionCase] = [
        RegressionCase(#"The value is 42."#, #"42"#, true),
        RegressionCase(#"So the answer is $x = 7$."#, #"$\boxed{7}$"#, true),
        RegressionCase(#"Therefore, the answer is $\frac{1}{3}$."#, #"0.333"#, true),
        RegressionCase(#"9:00"#, #"9:00 AM"#, true),
        RegressionCase(#"21:00"#, #"9:00 PM"#, true),
        RegressionCase(#"9:00"#, #"9:00 PM"#, false),
        RegressionCase(#"\cos 60^\circ"#, #"0.5"#, true),
        RegressionCase(#"\sin^2 30^\circ"#, #"\frac{1}{4}"#, true),
        RegressionCase(#"2\frac{3}{4}"#, #"2 3/4"#, true),
        RegressionCase(#"2\frac{3}{4}"#, #"11/4"#, true),
        RegressionCase(#"2\frac{3}{4}"#, #"6/4"#, false),
    ]

    /// `include_percentage`: a number also matches a hundred times or a hundredth of itself.
    static let anyScale = EquivalenceOptions(percentPolicy: .anyScale)
    static let percentScale: [RegressionCase] = [
        RegressionCase("0.5", "50", false),
        RegressionCase("0.5", "50", true, options: anyScale),
        RegressionCase("50", "0.5", true, options: anyScale),
        RegressionCase("0.5", "5", false, options: anyScale),
        RegressionCase("0.5", "50\\%", true, options: anyScale),
        RegressionCase("0.5", "0.5", true, options: anyScale),
        RegressionCase("(0.5, 1)", "(50, 100)", false, options: anyScale),
    ]

    @Test(arguments: simpleEvals) func simpleEvalsExample(_ c: RegressionCase) { c.check() }
    @Test(arguments: marioEval) func marioEvalStyle(_ c: RegressionCase) { c.check() }
    @Test(arguments: hendrycks) func hendrycksStyle(_ c: RegressionCase) { c.check() }
    @Test(arguments: olympiad) func olympiadStyle(_ c: RegressionCase) { c.check() }
    @Test(arguments: sentencesClocksDegrees) func sentenceClockOrDegree(_ c: RegressionCase) { c.check() }
    @Test(arguments: percentScale) func percentAtAnyScale(_ c: RegressionCase) { c.check() }
}
