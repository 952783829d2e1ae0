import HorizonAnswers
import Testing

/// Deep, long and huge inputs: the verdict is right and comes at once. The time bound is loose
/// because this runs in a debug build on a shared machine.
struct BoundedInputRegressionTests {
    static func nestedFractions(_ depth: Int) -> String {
        String(repeating: "\\frac{1}{", count: depth) + "2" + String(repeating: "}", count: depth)
    }

    /// Bare-brace lists of assignment lists, two per level: `{{x=1, y=2}, {x=1, y=2}}` and deeper.
    static func nestedLists(_ depth: Int) -> String {
        (0..<depth).reduce("x=1, y=2") { inner, _ in "{" + inner + "}, {" + inner + "}" }
    }

    static func setOf(_ values: [Int]) -> String { "\\{" + values.map(String.init).joined(separator: ", ") + "\\}" }

    static let cases: [RegressionCase] = [
        // Identical deep texts are identical whatever their depth; different ones are not equal.
        RegressionCase(nestedFractions(31), nestedFractions(31), true),
        RegressionCase(nestedFractions(100), nestedFractions(100), true),
        RegressionCase(nestedFractions(31), nestedFractions(30), false),
        RegressionCase("$" + nestedFractions(31) + "$", "The answer is $\\boxed{" + nestedFractions(31) + "}$", true),
        // Sets of more than 32 items, in any order, up to the item cap (64).
        RegressionCase(setOf(Array(1...33)), setOf(Array((1...33).reversed())), true),
        RegressionCase(setOf(Array(1...60)), setOf(Array((1...60).reversed())), true),
        RegressionCase(setOf(Array(1...40)), setOf(Array(2...41)), false),
        RegressionCase("$" + setOf(Array(1...40)) + "$", "$\\boxed{" + setOf(Array((1...40).reversed())) + "}$", true),
        // Huge integers: exact when within the bit cap, refused quickly beyond it.
        RegressionCase("2^{16000}", "2^{16000}+1", false),
        RegressionCase(Array(repeating: "2^{16000}", count: 200).joined(separator: "+"), "2^{16000}", false),
        RegressionCase("100000!", "100000!+1", false),
        RegressionCase("\\binom{4000000000}{2000000000}", "\\binom{4000000000}{2000000000}+1", false),
        RegressionCase("2^{2^{2^{100}}}", "2^{2^{2^{100}}}+1", false),
        RegressionCase("(-1)^{9223372036854775807}", "-1", true),
        RegressionCase("(" + Array(repeating: "2^{16000}", count: 100).joined(separator: "+") + ")^{3}", "1", false),
        RegressionCase("0!*1!*" + Array(repeating: "1000!", count: 50).joined(separator: "*"), "1", false),
        RegressionCase("\\binom{1000000}{500000}", "\\binom{1000000}{500000}+1", false),
        // The new readings on long or nested input.
        RegressionCase((0..<60).map { "x_{\($0)}=\($0)" }.joined(separator: ", "),
                       (0..<60).reversed().map { "x_{\($0)}=\($0)" }.joined(separator: ", "), true),
        RegressionCase(Array(repeating: "p=1, q=2", count: 30).joined(separator: "; "),
                       Array(repeating: "(1,2)", count: 30).joined(separator: ", "), true),
        RegressionCase(String(repeating: "\\begin{cases}", count: 15) + "1" + String(repeating: "\\end{cases}", count: 15), "1", true),
        RegressionCase(String(repeating: "\\{x | ", count: 15) + "x>1" + String(repeating: "\\}", count: 15), "(1,\\infty)", true),
        RegressionCase(Array(repeating: "11", count: 500).joined(separator: ":"), Array(repeating: "11", count: 500).joined(separator: ":") + "1", false),
        RegressionCase(Array(repeating: "1 1/2", count: 300).joined(separator: " "), "1", false),
        RegressionCase(String(repeating: "\\sin ", count: 200) + "30^\\circ", "0", false),
        RegressionCase("1e999", "1e998", false),
        RegressionCase(nestedLists(6), nestedLists(6).replacingOccurrences(of: "x=1, y=2", with: "(1, 2)"), true),
        RegressionCase(nestedLists(6), nestedLists(6).replacingOccurrences(of: "x=1, y=2", with: "(2, 1)"), false),
        RegressionCase(nestedLists(7), nestedLists(7).replacingOccurrences(of: "x=1, y=2", with: "(1, 2)"), true),
    ]

    @Test(arguments: cases)
    func boundedInput(_ c: RegressionCase) {
        // A guard against a hang (unbounded work), not a speed goal: gradings take well under a
        // millisecond (docs/benchmarks.md); 5 s leaves room for a machine busy with other builds.
        let elapsed = ContinuousClock().measure { c.check() }
        #expect(elapsed < .seconds(5))
    }
}
