import HorizonAnswers
import Testing

/// Cases in the style of MARIO_EVAL's and OlympiadBench's suites: competition answers that name
/// their quantity, intervals and set-builder sets, systems and piecewise definitions in `cases`,
/// identities decided by evaluation.
struct MarioEvalRegressionTests {
    static let identities: [RegressionCase] = [
        RegressionCase(#"$\frac{\sqrt{3}}{3}$"#, #"$\boxed{\frac{1}{\sqrt{3}}}$"#, true),
        RegressionCase(#"$\tan 60^\circ$"#, #"$\boxed{\sqrt{3}}$"#, true),
        RegressionCase(#"$\sin(2x)$"#, #"$\boxed{2\sin x\cos x}$"#, true),
        RegressionCase(#"$\cos 2x$"#, #"$\boxed{\cos^2 x - \sin^2 x}$"#, true),
        RegressionCase(#"$\log_2 8$"#, #"$\boxed{3}$"#, true),
        RegressionCase(#"$\log 100$"#, #"$\boxed{2\log 10}$"#, true),
        RegressionCase(#"$2^{3/2}$"#, #"$\boxed{2\sqrt{2}}$"#, true),
        RegressionCase(#"$8^{2/3}$"#, #"$\boxed{4}$"#, true),
        RegressionCase(#"$\sqrt[4]{16}$"#, #"$\boxed{2}$"#, true),
        RegressionCase(#"$e^{\ln 5}$"#, #"$\boxed{5}$"#, true),
        RegressionCase(#"$\arctan 1$"#, #"$\boxed{\frac{\pi}{4}}$"#, true),
        RegressionCase(#"$\sin 45^{\circ}$"#, #"$\boxed{\frac{\sqrt2}{2}}$"#, true),
        RegressionCase(#"$\cos(\pi/3)$"#, #"$\boxed{0.5}$"#, true),
        RegressionCase(#"$\frac{\sqrt{3}}{3}$"#, #"$\boxed{\frac{1}{\sqrt{2}}}$"#, false),
        RegressionCase(#"$\tan 60^\circ$"#, #"$\boxed{\sqrt{2}}$"#, false),
        RegressionCase(#"$\sin(2x)$"#, #"$\boxed{2\sin x}$"#, false),
        RegressionCase(#"$\log_2 8$"#, #"$\boxed{\log_3 8}$"#, false),
        RegressionCase(#"$8^{2/3}$"#, #"$\boxed{8^{3/2}}$"#, false),
        RegressionCase(#"$\cos(\pi/3)$"#, #"$\boxed{0.6}$"#, false),
    ]

    static let structures: [RegressionCase] = [
        RegressionCase(#"$\begin{cases} x^2 & x \ge 0 \\ -x & x < 0 \end{cases}$"#, #"$\boxed{\begin{cases} x^2 & x \geq 0 \\ -x & x < 0 \end{cases}}$"#, true),
        RegressionCase(#"$\begin{cases} x = 1 \\ y = 2 \end{cases}$"#, #"$\boxed{(1, 2)}$"#, true),
        RegressionCase(#"$\begin{cases} x = 1 \\ y = 2 \end{cases}$"#, #"$\boxed{(2, 1)}$"#, false),
        RegressionCase(#"$\begin{pmatrix} 1 \\ -2 \\ 3 \end{pmatrix}$"#, #"$\boxed{\begin{bmatrix} 1 \\ -2 \\ 3 \end{bmatrix}}$"#, true),
        RegressionCase(#"$\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix}$"#, #"$\boxed{\begin{vmatrix} 1 & 2 \\ 3 & 4 \end{vmatrix}}$"#, true),
        RegressionCase(#"$\begin{cases} x^2 & x \ge 0 \\ -x & x < 0 \end{cases}$"#, #"$\boxed{\begin{cases} x^2 & x > 0 \\ -x & x < 0 \end{cases}}$"#, false),
        RegressionCase(#"$\begin{cases} x^2 & x \ge 0 \\ -x & x < 0 \end{cases}$"#, #"$\boxed{\begin{cases} x^2 & 0 \le x \\ -x & x < 0 \end{cases}}$"#, true),
        RegressionCase(#"$\begin{cases} x = 1 \\ y = 2 \end{cases}$"#, #"$\boxed{x = 1, y = 2}$"#, true),
        RegressionCase(#"$\begin{cases} x = 1 \\ y = 2 \end{cases}$"#, #"$\boxed{\begin{cases} y = 2 \\ x = 1 \end{cases}}$"#, true),
        RegressionCase(#"$\begin{pmatrix} 1 \\ -2 \\ 3 \end{pmatrix}$"#, #"$\boxed{(1, -2, 3)}$"#, true),
        RegressionCase(#"$\begin{pmatrix} 1 \\ -2 \\ 3 \end{pmatrix}$"#, #"$\boxed{(1, 2, 3)}$"#, false),
        RegressionCase(#"$\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$"#, #"$\boxed{(1, 2, 3, 4)}$"#, false),
    ]

    static let named: [RegressionCase] = [
        RegressionCase(#"$k=-\frac{1}{2}$"#, #"$\boxed{-0.5}$"#, true),
        RegressionCase(#"$y=2x+1$"#, #"$\boxed{2x+1}$"#, true),
        RegressionCase(#"$S_{\triangle ABC}=6$"#, #"$\boxed{6}$"#, true),
        RegressionCase(#"$\angle A = 60^\circ$"#, #"$\boxed{60}$"#, true),
        RegressionCase(#"$P(A) = \frac{1}{3}$"#, #"$\boxed{\frac13}$"#, true),
        RegressionCase(#"$a_n = 2n - 1$"#, #"$\boxed{2n-1}$"#, true),
        RegressionCase(#"$a_n=2n-1$"#, #"$\boxed{a_n = 2n+1}$"#, false),
        RegressionCase(#"$m = 2$ or $m = -3$"#, #"$\boxed{m=2 \text{ or } m=-3}$"#, true),
        RegressionCase(#"$x=2$"#, #"$\boxed{2}$"#, true),
        RegressionCase(#"$\lambda=2$"#, #"$\boxed{2}$"#, true),
        RegressionCase(#"$\overline{AB} = 5$"#, #"$\boxed{5}$"#, true),
        RegressionCase(#"$AB = 5$"#, #"$\boxed{5}$"#, true),
        RegressionCase(#"$E = mc^2$"#, #"$\boxed{mc^2}$"#, true),
        RegressionCase(#"$S_{\triangle ABC}=6$"#, #"$\boxed{8}$"#, false),
        RegressionCase(#"$P(A) = \frac{1}{3}$"#, #"$\boxed{\frac23}$"#, false),
        RegressionCase(#"$k=-\frac{1}{2}$"#, #"$\boxed{0.5}$"#, false),
        RegressionCase(#"$f(x) = 2x+1$"#, #"$\boxed{f(x) = 2x + 1}$"#, true),
        RegressionCase(#"$f(x) = 2x+1$"#, #"$\boxed{g(x) = 2x + 1}$"#, true),
        RegressionCase(#"$f(x) = 2x+1$"#, #"$\boxed{f(x) = 2x - 1}$"#, false),
        RegressionCase(#"$x = 3$"#, #"$\boxed{x = 3}$"#, true),
        RegressionCase(#"$x=3$"#, #"$\boxed{3}$"#, true),
        RegressionCase(#"$x=3$"#, #"$\boxed{-3}$"#, false),
        RegressionCase(#"$m = 2$ or $m = -3$"#, #"$\boxed{2, -3}$"#, true),
        RegressionCase(#"$m = 2$ or $m = -3$"#, #"$\boxed{-3, 2}$"#, true),
        RegressionCase(#"$m = 2$ or $m = -3$"#, #"$\boxed{2}$"#, false),
    ]

    static let intervals: [RegressionCase] = [
        RegressionCase(#"$[2, +\infty)$"#, #"$\boxed{x \geq 2}$"#, true),
        RegressionCase(#"$(-\infty, 0) \cup (1, +\infty)$"#, #"$\boxed{x<0 \text{ or } x>1}$"#, true),
        RegressionCase(#"$(-\infty, 0) \cup (1, +\infty)$"#, #"$\boxed{\{x | x<0 \text{ or } x>1\}}$"#, true),
        RegressionCase(#"$\{x | x > 1\}$"#, #"$\boxed{(1, +\infty)}$"#, true),
        RegressionCase(#"$(1,3)$"#, #"$\boxed{1<x<3}$"#, true),
        RegressionCase(#"$x \in [1, 3)$"#, #"$\boxed{[1, 3)}$"#, true),
        RegressionCase(#"$(-2, 2)$"#, #"$\boxed{-2 < x < 2}$"#, true),
        RegressionCase(#"$(-2, 2)$"#, #"$\boxed{|x| < 2}$"#, true),
        RegressionCase(#"$[2, +\infty)$"#, #"$\boxed{x > 2}$"#, false),
        RegressionCase(#"$(-\infty, 0) \cup (1, +\infty)$"#, #"$\boxed{(-\infty, 0) \cup (1, +\infty)}$"#, true),
        RegressionCase(#"$(-\infty, 0) \cup (1, +\infty)$"#, #"$\boxed{(1, +\infty) \cup (-\infty, 0)}$"#, true),
        RegressionCase(#"$(-\infty, 0) \cup (1, +\infty)$"#, #"$\boxed{(-\infty, 0] \cup (1, +\infty)}$"#, false),
        RegressionCase(#"$\{x | x > 1\}$"#, #"$\boxed{[1, +\infty)}$"#, false),
        RegressionCase(#"$\{x \mid x > 1\}$"#, #"$\boxed{x>1}$"#, true),
        RegressionCase(#"$(-2, 2)$"#, #"$\boxed{|x| \le 2}$"#, false),
        RegressionCase(#"$(-\infty,-2)\cup(2,\infty)$"#, #"$\boxed{|x| > 2}$"#, true),
    ]

    @Test(arguments: identities) func identity(_ c: RegressionCase) { c.check() }
    @Test(arguments: structures) func casesAndMatrices(_ c: RegressionCase) { c.check() }
    @Test(arguments: named) func namedQuantity(_ c: RegressionCase) { c.check() }
    @Test(arguments: intervals) func intervalOrInequality(_ c: RegressionCase) { c.check() }
}
