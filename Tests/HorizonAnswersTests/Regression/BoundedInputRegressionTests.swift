import HorizonAnswers
import Testing

/// Deep, long and huge inputs: the verdict is right and comes at once. The time bound is loose
/// because this runs in a debug build on a shared machine.
struct BoundedInputRegressionTests {
    static func nestedFractions(_ depth: Int) -> String {
        String(repeating: "\\frac{1}{", count: depth) + "2" + String(repeating: "}", count: depth)
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
    ]

    @Test(arguments: cases)
    func boundedInput(_ c: RegressionCase) {
        let elapsed = ContinuousClock().measure { c.check() }
        #expect(elapsed < .milliseconds(500))
    }
}
