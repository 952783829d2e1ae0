import HorizonAnswers
import Testing

/// Cases in the style of the PRM800K grader (which slime's and verl's math rewards use): mostly
/// the "no" side of each family — a name that is not the answer, a ratio reversed, a mixed
/// number against its digits run together, a vector against a set — with their "yes" neighbours.
struct PRM800KRegressionTests {
    static let namesAndRanges: [RegressionCase] = [
        RegressionCase(#"$y = 2x$"#, #"$\boxed{2}$"#, false),
        RegressionCase(#"$f(x) = 3$"#, #"$\boxed{3}$"#, true),
        RegressionCase(#"$f(3) = 7$"#, #"$\boxed{7}$"#, true),
        RegressionCase(#"$f(3) = 7$"#, #"$\boxed{3}$"#, false),
        RegressionCase(#"$AB = 2$"#, #"$\boxed{BC = 2}$"#, true),
        RegressionCase(#"$x + y = 10$"#, #"$\boxed{10}$"#, true),
        RegressionCase(#"$x = 2$"#, #"$\boxed{x = 2 \text{ or } x = 3}$"#, false),
        RegressionCase(#"$x = 2, y = 3$"#, #"$\boxed{x = 2}$"#, false),
        RegressionCase(#"$(2, 3)$"#, #"$\boxed{x = 2, y = 3, z = 4}$"#, false),
        RegressionCase(#"$30^\circ$"#, #"$\boxed{\frac{\pi}{6}}$"#, false),
        RegressionCase(#"$1:2$"#, #"$\boxed{0.5}$"#, true),
        RegressionCase(#"$1:2$"#, #"$\boxed{2:1}$"#, false),
        RegressionCase(#"$3:4$"#, #"$\boxed{6:8}$"#, true),
        RegressionCase(#"$(1, 2]$"#, #"$\boxed{1 < x \le 2}$"#, true),
        RegressionCase(#"$(1, 2]$"#, #"$\boxed{1 \le x < 2}$"#, false),
        RegressionCase(#"$x < 1$"#, #"$\boxed{x \le 1}$"#, false),
        RegressionCase(#"$\{2\}$"#, #"$\boxed{2}$"#, true),
        RegressionCase(#"$\emptyset$"#, #"$\boxed{\varnothing}$"#, true),
        RegressionCase(#"$\emptyset$"#, #"$\boxed{0}$"#, false),
    ]

    static let plainText: [RegressionCase] = [
        RegressionCase(#"1 1/2"#, #"1.5"#, true),
        RegressionCase(#"1 1/2"#, #"0.5"#, false),
        RegressionCase(#"1 1/2"#, #"11/2"#, false),
        RegressionCase(#"\frac{11}{2}"#, #"11/2"#, true),
        RegressionCase(#"2\sqrt{2}"#, #"2 sqrt(2)"#, true),
        RegressionCase(#"2\sqrt{2}"#, #"sqrt(8)"#, true),
        RegressionCase(#"2\sqrt{2}"#, #"sqrt(2)"#, false),
        RegressionCase(#"3"#, #"3 apples"#, true),
        RegressionCase(#"3"#, #"4 apples"#, false),
        RegressionCase(#"e"#, #"exp(1)"#, true),
        RegressionCase(#"\ln 2"#, #"log(2)"#, true),
        RegressionCase(#"\log_{10} 2"#, #"log10(2)"#, true),
        RegressionCase(#"6"#, #"2 3"#, false),
        RegressionCase(#"2^6 3^5"#, #"2^6 \cdot 3^5"#, true),
        RegressionCase(#"2^6 3^5"#, #"2^6 + 3^5"#, false),
        RegressionCase(#"10:30"#, #"10:30"#, true),
        RegressionCase(#"10:30"#, #"10:31"#, false),
        RegressionCase(#"12:00 \text{ noon}"#, #"12:00"#, true),
    ]

    static let structuresAndPercent: [RegressionCase] = [
        RegressionCase(#"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"#, #"\begin{pmatrix} 1 & 2 \end{pmatrix}"#, false),
        RegressionCase(#"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"#, #"\{1, 2\}"#, false),
        RegressionCase(#"(1, 2)"#, #"\{1, 2\}"#, false),
        RegressionCase(#"$20$"#, #"$20\%$"#, true),
        RegressionCase(#"$0.2$"#, #"$20\%$"#, true),
        RegressionCase(#"$2$"#, #"$20\%$"#, false),
    ]

    @Test(arguments: namesAndRanges) func nameOrRange(_ c: RegressionCase) { c.check() }
    @Test(arguments: plainText) func plainTextAnswer(_ c: RegressionCase) { c.check() }
    @Test(arguments: structuresAndPercent) func structureOrPercent(_ c: RegressionCase) { c.check() }
}
