import HorizonAnswers
import Testing

/// Cases in the style of open-r1's accuracy reward (Math-Verify on boxed LaTeX answers): a third
/// held-out batch over every family, including times with the meridiem in `\text{}`.
struct OpenR1RegressionTests {
    static let namedAndAssigned: [RegressionCase] = [
        RegressionCase(#"$\Delta p \approx 4.2\,\text{kg m/s}$"#, #"$\boxed{4.2}$"#, true),
        RegressionCase(#"$\Delta p \approx 4.2\,\text{kg m/s}$"#, #"$\boxed{4.3 \text{ kg m/s}}$"#, false),
        RegressionCase(#"$\Delta x = 3$"#, #"$\boxed{3}$"#, true),
        RegressionCase(#"$\vec{F} = (1, 2)$"#, #"$\boxed{(1,2)}$"#, true),
        RegressionCase(#"$|\vec{a}| = 5$"#, #"$\boxed{5}$"#, true),
        RegressionCase(#"$\sin\alpha = \frac{3}{5}$"#, #"$\boxed{0.6}$"#, true),
        RegressionCase(#"$\cos \angle A = \frac{1}{3}$"#, #"$\boxed{\frac13}$"#, true),
        RegressionCase(#"$P = 0.25$"#, #"$\boxed{\frac{1}{4}}$"#, true),
        RegressionCase(#"$E(X) = 2$"#, #"$\boxed{2}$"#, true),
        RegressionCase(#"$E(X)=2$"#, #"$\boxed{3}$"#, false),
        RegressionCase(#"$x_1 = 1, x_2 = 2$"#, #"$\boxed{1, 2}$"#, true),
        RegressionCase(#"$x_1 = 1, x_2 = 2$"#, #"$\boxed{x_1 = 1, x_2 = 3}$"#, false),
        RegressionCase(#"$x=1,y=-1,z=2$"#, #"$\boxed{(1,-1,2)}$"#, true),
        RegressionCase(#"$(a,b,c) = (1,-1,2)$"#, #"$\boxed{a=1,b=-1,c=2}$"#, true),
    ]

    static let rangesAndSeveral: [RegressionCase] = [
        RegressionCase(#"$k \in (-\infty, 0]$"#, #"$\boxed{k \le 0}$"#, true),
        RegressionCase(#"$k \in (-\infty, 0]$"#, #"$\boxed{k < 0}$"#, false),
        RegressionCase(#"$a > 2$ or $a < -2$"#, #"$\boxed{(-\infty,-2)\cup(2,+\infty)}$"#, true),
        RegressionCase(#"$0 < t \le 1$"#, #"$\boxed{t \in (0,1]}$"#, true),
        RegressionCase(#"$(-\infty,-3] \cup [1,\infty)$"#, #"$\boxed{x \le -3 \text{ or } x \ge 1}$"#, true),
        RegressionCase(#"$-3 \leq m \leq 1$"#, #"$\boxed{[-3,1]}$"#, true),
        RegressionCase(#"$3$ and $-3$"#, #"$\boxed{\pm 3}$"#, true),
        RegressionCase(#"$\boxed{3}$ and $\boxed{-3}$"#, #"$\boxed{-3, 3}$"#, true),
        RegressionCase(#"$(1, 2)$ and $(2, 1)$"#, #"$\boxed{(1,2),(2,1)}$"#, true),
    ]

    static let plainTextClocksDegrees: [RegressionCase] = [
        RegressionCase(#"\sqrt(7)"#, #"sqrt(7)"#, true),
        RegressionCase(#"\frac{\log 5}{\log 2}"#, #"log(5)/log(2)"#, true),
        RegressionCase(#"\log_2 5"#, #"log(5)/log(2)"#, true),
        RegressionCase(#"\log_2 5"#, #"log(2)/log(5)"#, false),
        RegressionCase(#"\cos(x+y)"#, #"cos x cos y - sin x sin y"#, true),
        RegressionCase(#"2^{6} \cdot 3^{5} \cdot 5^{4}"#, #"2^6 3^5 5^4"#, true),
        RegressionCase(#"12 \frac{1}{2}"#, #"12 1/2"#, true),
        RegressionCase(#"12.5"#, #"12 1/2"#, true),
        RegressionCase(#"20:34"#, #"8:34 PM"#, true),
        RegressionCase(#"8:34 \text{ P.M.}"#, #"20:34"#, true),
        RegressionCase(#"8:34 \text{ P.M.}"#, #"8:34"#, false),
        RegressionCase(#"\tan 30^\circ"#, #"\frac{\sqrt3}{3}"#, true),
        RegressionCase(#"\sin 60^{\circ}"#, #"\frac{1}{2}"#, false),
        RegressionCase(#"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"#, #"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}"#, true),
        RegressionCase(#"\begin{vmatrix} 1 & 0 \end{vmatrix}"#, #"(1, 0)"#, true),
        RegressionCase(#"\begin{cases} 2x & x > 0 \\ 0 & x \le 0 \end{cases}"#, #"\begin{cases} 2x & x > 0 \\ 0 & x \leq 0 \end{cases}"#, true),
    ]

    static let sentencesUnitsIntegers: [RegressionCase] = [
        RegressionCase(#"The answer is 0.25 + 3"#, #"3.25"#, true),
        RegressionCase(#"answer: 7"#, #"7"#, true),
        RegressionCase(#"$10\text{ cm}$"#, #"$10cm$"#, false),
        RegressionCase(#"$10$"#, #"$10\,\text{cm}$"#, true),
        RegressionCase(#"$10\text{ cm}^2$"#, #"$10$"#, true),
        RegressionCase(#"$2^{64}$"#, #"$18446744073709551617$"#, false),
        RegressionCase(#"$2^{64}$"#, #"$18446744073709551616$"#, true),
        RegressionCase(#"$\binom{1000}{500}$"#, #"$\binom{1000}{500}+1$"#, false),
        RegressionCase(#"$10^{18}+1$"#, #"$1000000000000000001$"#, true),
        RegressionCase(#"$10^{18}+1$"#, #"$1000000000000000000$"#, false),
    ]

    @Test(arguments: namedAndAssigned) func namedOrAssigned(_ c: RegressionCase) { c.check() }
    @Test(arguments: rangesAndSeveral) func rangeOrSeveralAnswers(_ c: RegressionCase) { c.check() }
    @Test(arguments: plainTextClocksDegrees) func plainTextClockOrDegree(_ c: RegressionCase) { c.check() }
    @Test(arguments: sentencesUnitsIntegers) func sentenceUnitOrInteger(_ c: RegressionCase) { c.check() }
}
