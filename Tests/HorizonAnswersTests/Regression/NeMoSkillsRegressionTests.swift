import HorizonAnswers
import Testing

/// Cases in the style of NeMo-Skills' and open-r1's math graders: plain-text answers, percent,
/// several answers in one output, large integers, units, equations in other forms, decimals
/// and one-word answers.
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
        RegressionCase(#"3\sqrt{2}"#, #"3*sqrt(3)"#, false),
        RegressionCase(#"x^2+2x+1"#, #"(x-1)**2"#, false),
        RegressionCase(#"\frac{3}{4}"#, #"0.7"#, false),
        RegressionCase(#"1\frac{1}{2}"#, #"1 1/4"#, false),
        RegressionCase(#"10:30"#, #"10:30 p.m."#, false),
        RegressionCase(#"2:30 PM"#, #"2:30"#, false),
        RegressionCase(#"2:30 PM"#, #"2:30 pm"#, true),
        RegressionCase(#"\frac{7}{2}"#, #"7/2"#, true),
        RegressionCase(#"\frac{7}{2}"#, #"3 1/2"#, true),
        RegressionCase(#"2^{10}"#, #"1024"#, true),
        RegressionCase(#"2^6 \cdot 3^5"#, #"2^6 * 3^5"#, true),
        RegressionCase(#"2^{6}3^{5}"#, #"15552"#, true),
        RegressionCase(#"-\frac{\sqrt{2}}{2}"#, #"-sqrt(2)/2"#, true),
        RegressionCase(#"\frac{1}{\sqrt{2}}"#, #"1/sqrt(2)"#, true),
        RegressionCase(#"\sqrt{2}/2"#, #"sqrt(2)/2"#, true),
        RegressionCase(#"2\sqrt{3}"#, #"2 sqrt 3"#, true),
        RegressionCase(#"\ln(2)"#, #"ln 2"#, true),
        RegressionCase(#"e^x"#, #"exp(x)"#, true),
        RegressionCase(#"|x|"#, #"abs(x)"#, true),
        RegressionCase(#"x^{1/2}"#, #"sqrt(x)"#, true),
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
        RegressionCase(#"50\%"#, #"0.05"#, false),
        RegressionCase(#"12.5\%"#, #"\frac{1}{8}"#, true),
        RegressionCase(#"12.5\%"#, #"12.5"#, true),
        RegressionCase(#"$2, 3$"#, #"The solutions are $x = 2$ and $x = 4$."#, false),
        RegressionCase(#"$(2, 3)$"#, #"$x = 3$, $y = 2$"#, false),
        RegressionCase(#"$\{1, 2, 3\}$"#, #"$\boxed{1}, \boxed{2}$"#, false),
        RegressionCase(#"$1, 2, 3$"#, #"$\boxed{3}, \boxed{2}, \boxed{1}$"#, true),
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
        RegressionCase(#"$2^{63}$"#, #"$9223372036854775808$"#, true),
        RegressionCase(#"$2^{63}$"#, #"$9223372036854775807$"#, false),
        RegressionCase(#"$2^{63}-1$"#, #"$9223372036854775807$"#, true),
        RegressionCase(#"$-2^{63}$"#, #"$-9223372036854775808$"#, true),
        RegressionCase(#"$10^{20}$"#, #"$1 \times 10^{20}$"#, true),
        RegressionCase(#"$100000000000000000000$"#, #"$1e20$"#, true),
        RegressionCase(#"$\binom{100}{50}$"#, #"$100891344545564193334812497256$"#, true),
        RegressionCase(#"$\binom{100}{50}$"#, #"$100891344545564193334812497257$"#, false),
        RegressionCase(#"$25!$"#, #"$15511210043330985984000000$"#, true),
        RegressionCase(#"$10$"#, #"$10cm$"#, false),
        RegressionCase(#"$10\text{ cm}$"#, #"$10\text{ cm}$"#, true),
        RegressionCase(#"$10 \mathrm{~cm}$"#, #"$10$"#, true),
        RegressionCase(#"5 \text{ inches}"#, #"5"#, true),
        RegressionCase(#"5"#, #"5 inches"#, true),
        RegressionCase(#"$12\text{ m}^2$"#, #"$12$"#, true),
        RegressionCase(#"$3.14$"#, #"$\pi$"#, true),
    ]

    static let sentencesAndEquations: [RegressionCase] = [
        RegressionCase(#"The answer is $\frac{1}{4}$."#, #"$\boxed{0.25}$"#, true),
        RegressionCase(#"answer is 0.25+3"#, #"$\boxed{3.25}$"#, true),
        RegressionCase(#"\frac{2}{4}"#, #"\frac{1}{2}"#, true),
        RegressionCase(#"$y = -2x + 3$"#, #"$\boxed{2x + y - 3 = 0}$"#, true),
        RegressionCase(#"$x^2 + y^2 = 4$"#, #"$\boxed{x^2 + y^2 = 4}$"#, true),
        RegressionCase(#"$\frac{x^2}{4} + \frac{y^2}{3} = 1$"#, #"$\boxed{3x^2 + 4y^2 = 12}$"#, true),
    ]

    static let decimalsAndText: [RegressionCase] = [
        RegressionCase(#"$0.333$"#, #"$\frac13$"#, true),
        RegressionCase(#"$\frac13$"#, #"$0.3$"#, false),
        RegressionCase(#"$1.5$"#, #"$\frac{3}{2}$"#, true),
        RegressionCase(#"\text{Yes}"#, #"yes"#, true),
        RegressionCase(#"\text{No}"#, #"yes"#, false),
        RegressionCase(#"\text{(B)}"#, #"B"#, true),
        RegressionCase(#"(B)"#, #"\text{(C)}"#, false),
        RegressionCase(#"\text{odd}"#, #"odd"#, true),
    ]

    @Test(arguments: plainText) func plainTextAnswer(_ c: RegressionCase) { c.check() }
    @Test(arguments: percentAndSeveral) func percentOrSeveralAnswers(_ c: RegressionCase) { c.check() }
    @Test(arguments: bigIntegersAndUnits) func bigIntegerOrUnit(_ c: RegressionCase) { c.check() }
    @Test(arguments: sentencesAndEquations) func sentenceOrEquation(_ c: RegressionCase) { c.check() }
    @Test(arguments: decimalsAndText) func decimalOrText(_ c: RegressionCase) { c.check() }
}
