import HorizonAnswers
import Testing

/// Cases in the style of the RL reward graders (AReaL, slime, NeMo-RL, MindSpeed-RL), which wrap
/// Math-Verify or the PRM800K grader: named answers, ranges, plain-text maths, labels after
/// numbers, large integers, ordered lists. Written as a held-out batch before the fixes they
/// prompted (subscripted names, Python-style lists, trailing labels).
struct RewardGraderRegressionTests {
    static let namedAndAssigned: [RegressionCase] = [
        RegressionCase(#"$r = 5$"#, #"The radius is $\boxed{5}$."#, true),
        RegressionCase(#"$h(t)=-16t^2+64t$"#, #"$\boxed{-16t^2 + 64t}$"#, true),
        RegressionCase(#"$g(x) = \frac{1}{x}$"#, #"$\boxed{x^{-1}}$"#, true),
        RegressionCase(#"$BC = 4\sqrt{3}$"#, #"$\boxed{\sqrt{48}}$"#, true),
        RegressionCase(#"$\overline{BC} = 7$"#, #"$\boxed{7}$"#, true),
        RegressionCase(#"$T \approx 2.01$"#, #"$\boxed{2.01}$"#, true),
        RegressionCase(#"$\Delta E = -13.6$"#, #"$\boxed{-13.6 \text{ eV}}$"#, true),
        RegressionCase(#"$v_0 = 10$"#, #"$\boxed{v = 10}$"#, true),
        RegressionCase(#"$n = 4$"#, #"$\boxed{5}$"#, false),
        RegressionCase(#"$x = -1, y = 3$"#, #"$\boxed{(-1, 3)}$"#, true),
        RegressionCase(#"$x=-1,y=3$"#, #"$\boxed{(3, -1)}$"#, false),
        RegressionCase(#"$a=3, b=4; a=4, b=3$"#, #"$\boxed{(3,4), (4,3)}$"#, true),
        RegressionCase(#"$(3,4),(4,3)$"#, #"$\boxed{(4,3),(3,4)}$"#, false),
    ]

    static let rangesAndSeveral: [RegressionCase] = [
        RegressionCase(#"$[-3, 5]$"#, #"$\boxed{-3 \leq x \leq 5}$"#, true),
        RegressionCase(#"$(0, 1) \cup (2, 3)$"#, #"$\boxed{0 < x < 1 \text{ or } 2 < x < 3}$"#, true),
        RegressionCase(#"$(0, 1) \cup (2, 3)$"#, #"$\boxed{0 < x < 1 \text{ or } 2 < x \le 3}$"#, false),
        RegressionCase(#"$x > 4$"#, #"$\boxed{(4, \infty)}$"#, true),
        RegressionCase(#"$x \geq 4$"#, #"$\boxed{(4, \infty)}$"#, false),
        RegressionCase(#"$3, 7$"#, #"so $\boxed{3}$ and $\boxed{7}$"#, true),
        RegressionCase(#"$(3, 7)$"#, #"so $m = 3$ and $n = 7$"#, true),
        RegressionCase(#"$\{-1, 4\}$"#, #"The roots are $-1$ and $4$."#, true),
        RegressionCase(#"$\{-1, 4\}$"#, #"The roots are $-1$ and $5$."#, false),
    ]

    static let plainTextAndIdentities: [RegressionCase] = [
        RegressionCase(#"\sqrt{5}"#, #"sqrt(5)"#, true),
        RegressionCase(#"\frac{1}{2}\sqrt{3}"#, #"sqrt(3)/2"#, true),
        RegressionCase(#"|-7|"#, #"abs(-7)"#, true),
        RegressionCase(#"\log_{10} 1000"#, #"3"#, true),
        RegressionCase(#"\cos(x) + \sin(y)"#, #"cos(x)+sin(y)"#, true),
        RegressionCase(#"6^3 \cdot 2"#, #"6^3 2"#, true),
        RegressionCase(#"3\frac{1}{4}"#, #"3 1/4"#, true),
        RegressionCase(#"\frac{13}{4}"#, #"3 1/4"#, true),
        RegressionCase(#"5:45"#, #"5:45 PM"#, false),
        RegressionCase(#"17:45"#, #"5:45 PM"#, true),
        RegressionCase(#"\frac{\sqrt{2}}{2}"#, #"\sin 45^\circ"#, true),
        RegressionCase(#"\cos 30^\circ"#, #"\frac{\sqrt{3}}{2}"#, true),
        RegressionCase(#"\tan 45^\circ"#, #"1"#, true),
        RegressionCase(#"\ln 8"#, #"3\ln 2"#, true),
        RegressionCase(#"\log_3 9"#, #"2"#, true),
        RegressionCase(#"4^{1/2}"#, #"2"#, true),
        RegressionCase(#"27^{-1/3}"#, #"\frac13"#, true),
        RegressionCase(#"\begin{pmatrix} 2 \\ 3 \end{pmatrix}"#, #"(2,3)"#, true),
        RegressionCase(#"\begin{pmatrix} 2 \\ 3 \end{pmatrix}"#, #"(3,2)"#, false),
        RegressionCase(#"\begin{bmatrix} 1 & 2 \end{bmatrix}"#, #"[1, 2]"#, true),
        RegressionCase(#"\begin{cases} x = 2 \\ y = -1 \end{cases}"#, #"(2, -1)"#, true),
    ]

    static let labelsNumbersAndLists: [RegressionCase] = [
        RegressionCase(#"answer is 12"#, #"12"#, true),
        RegressionCase(#"The answer is 12 apples"#, #"12"#, true),
        RegressionCase(#"$15\text{ m}$"#, #"$15$"#, true),
        RegressionCase(#"$15m$"#, #"$15$"#, false),
        RegressionCase(#"$20\%$"#, #"$0.2$"#, true),
        RegressionCase(#"$2^{70}$"#, #"$1180591620717411303424$"#, true),
        RegressionCase(#"$2^{70}$"#, #"$1180591620717411303425$"#, false),
        RegressionCase(#"$\binom{60}{30}$"#, #"$118264581564861424$"#, true),
        RegressionCase(#"$\binom{70}{35}$"#, #"$112186277816662845432$"#, true),
        RegressionCase(#"$\binom{70}{35}$"#, #"$112186277816662845433$"#, false),
        RegressionCase(#"$4, 10, -2$"#, #"$\boxed{4, 10, -2}$"#, true),
        RegressionCase(#"$4, 10, -2$"#, #"$\boxed{-2, 4, 10}$"#, false),
        RegressionCase(#"$\frac{3}{2}$"#, #"$\boxed{1.5}$"#, true),
        RegressionCase(#"$x = \frac{3}{2}$"#, #"$\boxed{\frac{6}{4}}$"#, true),
        RegressionCase(#"$\text{Monday}$"#, #"Monday"#, true),
        RegressionCase(#"$\text{Monday}$"#, #"Tuesday"#, false),
    ]

    /// `<answer>` tags, answer labels and boxed numbers written with trailing zeros.
    static let tagsAndLabels: [RegressionCase] = [
        RegressionCase(#"\frac{1}{2}"#, #"<think>so it is 1/3?</think><answer>\frac{1}{2}</answer>"#, true),
        RegressionCase(#"\frac{1}{2}"#, #"<answer>\frac{1}{3}</answer>"#, false),
        RegressionCase(#"5"#, #"<answer> The answer is 5 </answer>"#, true),
        RegressionCase(#"(1,2)"#, #"<answer>\boxed{(1, 2)}</answer>"#, true),
        RegressionCase(#"2"#, #"Answer: 2"#, true),
        RegressionCase(#"2"#, #"**Answer:** $2$"#, true),
        RegressionCase(#"2"#, #"Final answer: \boxed{2}"#, true),
        RegressionCase(#"\frac{\sqrt{3}}{2}"#, #"The answer is $\boxed{\dfrac{\sqrt{3}}{2}}$."#, true),
        RegressionCase(#"x^2"#, #"\boxed{x^{2}}"#, true),
        RegressionCase(#"-1"#, #"\boxed{-1.0}"#, true),
        RegressionCase(#"100"#, #"\boxed{100.00}"#, true),
        RegressionCase(#"3.5"#, #"\boxed{\frac{7}{2}}"#, true),
        RegressionCase(#"3.5"#, #"\boxed{3.50}"#, true),
        RegressionCase(#"3.5"#, #"\boxed{3.6}"#, false),
    ]

    @Test(arguments: tagsAndLabels) func tagOrLabel(_ c: RegressionCase) { c.check() }
    @Test(arguments: namedAndAssigned) func namedOrAssigned(_ c: RegressionCase) { c.check() }
    @Test(arguments: rangesAndSeveral) func rangeOrSeveralAnswers(_ c: RegressionCase) { c.check() }
    @Test(arguments: plainTextAndIdentities) func plainTextOrIdentity(_ c: RegressionCase) { c.check() }
    @Test(arguments: labelsNumbersAndLists) func labelNumberOrList(_ c: RegressionCase) { c.check() }
}
