import HorizonAnswers
import Testing

/// Cases in the style of NeMo-Skills' and open-r1's math graders: plain-text answers, percent,
/// several answers in one output, large integers, units, equations in other forms.
struct NeMoSkillsRegressionTests {
    static let plainText: [RegressionCase] = [
        RegressionCase(#"3\sqrt{2}"#, #"3*sqrt(2)"#, true),
        RegressionCase(#"3\sqrt{2}"#, #"3 sqrt(2)"#, true),
        RegressionCase(#"\frac{1}{2}\log 3"#, #"log(3)/2"#, true),
        RegressionCase(#"x^2+2x+1"#, #"(x+1)**2"#, true),
        RegressionCase(#"\pi/4"#, #"pi/4"#, true),
        RegressionCase(#"2\pi"#, #"2pi"#, true),
        RegressionCase(#"\frac{3}{4}"#, #"0.75"#, true),
        RegressionCase(#"1\frac{1}{2}"#, #"1 1/2"#, true),
        RegressionCase(#"7\frac{3}{4}"#, #"7 3/4"#, true),
        RegressionCase(#"10:30"#, #"10:30 a.m."#, true),
        RegressionCase(#"12:00"#, #"12:00 p.m."#, true),
    ]

    static let percentAndSeveral: [RegressionCase] = [
        RegressionCase(#"2:30 PM"#, #"14:30"#, true),
        RegressionCase(#"50\%"#, #"0.5"#, true),
        RegressionCase(#"50\%"#, #"50"#, true),
        RegressionCase(#"0.5"#, #"50\%"#, true),
        RegressionCase(#"$2, 3$"#, #"The solutions are $x = 2$ and $x = 3$."#, true),
        RegressionCase(#"$(2, 3)$"#, #"$x = 2$, $y = 3$"#, true),
        RegressionCase(#"$x=2, y=3$"#, #"$\boxed{x=2}, \boxed{y=3}$"#, true),
        RegressionCase(#"$\{1, 2, 3\}$"#, #"$\boxed{1}, \boxed{2}, \boxed{3}$"#, true),
    ]

    static let bigIntegersAndUnits: [RegressionCase] = [
        RegressionCase(#"$1000000000000000000000$"#, #"$10^{21}$"#, true),
        RegressionCase(#"$10^{21}$"#, #"$1000000000000000000001$"#, false),
        RegressionCase(#"$3^{50}$"#, #"$717897987691852588770249$"#, true),
        RegressionCase(#"$3^{50}$"#, #"$717897987691852588770248$"#, false),
        RegressionCase(#"$5\text{ cm}$"#, #"$5$"#, true),
        RegressionCase(#"$5$"#, #"$5\text{ meters}$"#, true),
        RegressionCase(#"$5\,\mathrm{m}$"#, #"$5$"#, true),
        RegressionCase(#"$60^\circ$"#, #"$\frac{\pi}{3}$"#, false),
    ]

    static let sentencesAndEquations: [RegressionCase] = [
        RegressionCase(#"The answer is $\frac{1}{4}$."#, #"$\boxed{0.25}$"#, true),
        RegressionCase(#"answer is 0.25+3"#, #"$\boxed{3.25}$"#, true),
        RegressionCase(#"\frac{2}{4}"#, #"\frac{1}{2}"#, true),
        RegressionCase(#"$y = -2x + 3$"#, #"$\boxed{2x + y - 3 = 0}$"#, true),
        RegressionCase(#"$x^2 + y^2 = 4$"#, #"$\boxed{x^2 + y^2 = 4}$"#, true),
        RegressionCase(#"$\frac{x^2}{4} + \frac{y^2}{3} = 1$"#, #"$\boxed{3x^2 + 4y^2 = 12}$"#, true),
    ]

    @Test(arguments: plainText) func plainTextAnswer(_ c: RegressionCase) { c.check() }
    @Test(arguments: percentAndSeveral) func percentOrSeveralAnswers(_ c: RegressionCase) { c.check() }
    @Test(arguments: bigIntegersAndUnits) func bigIntegerOrUnit(_ c: RegressionCase) { c.check() }
    @Test(arguments: sentencesAndEquations) func sentenceOrEquation(_ c: RegressionCase) { c.check() }
}
