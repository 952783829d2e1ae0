@testable import HorizonAnswers
import Testing

struct ExactIntegerTests {
    func integer(_ digits: String) -> ExactInteger { ExactInteger(decimalDigits: digits)! }

    @Test func decimalDigitsAndIntRoundTrip() {
        #expect(integer("0") == .zero)
        #expect(integer("9223372036854775807").intValue == Int.max)
        #expect(integer("9223372036854775808").intValue == nil)
        #expect(ExactInteger(-42).intValue == -42)
        #expect(ExactInteger(decimalDigits: "12a") == nil)
    }

    @Test func arithmeticPastInt() {
        // 2^64 = 18446744073709551616, worked by hand from 2^32 = 4294967296 squared.
        let twoTo64 = ExactInteger(2).raised(to: 64)!
        #expect(twoTo64 == integer("18446744073709551616"))
        #expect(twoTo64.adding(ExactInteger(1)) == integer("18446744073709551617"))
        #expect(twoTo64.adding(ExactInteger(1))! != twoTo64)
        // Signs: 5 - 2^64 is -(2^64 - 5).
        #expect(ExactInteger(5).adding(twoTo64.negated) == integer("18446744073709551611").negated)
        #expect(twoTo64.adding(twoTo64.negated) == .zero)
        #expect(ExactInteger(-3).multiplied(by: twoTo64) == integer("55340232221128654848").negated)
        #expect(ExactInteger(-2).raised(to: 3) == ExactInteger(-8))
    }

    @Test func factorialsAndBinomials() {
        #expect(ExactInteger.factorial(0) == ExactInteger(1))
        #expect(ExactInteger.factorial(20) == ExactInteger(2_432_902_008_176_640_000))
        #expect(ExactInteger.factorial(21) == integer("51090942171709440000"))
        #expect(ExactInteger.binomial(10, 3) == ExactInteger(120))
        #expect(ExactInteger.binomial(3, 10) == .zero)
        // C(66, 33) = 7219428434016265740, the largest central binomial below 2^63.
        #expect(ExactInteger.binomial(66, 33) == ExactInteger(7_219_428_434_016_265_740))
        #expect(ExactInteger.binomial(68, 34) == integer("28453041475240576740"))
    }

    @Test func valuesPastTheBitCapAreRefused() {
        #expect(ExactInteger(2).raised(to: ExactInteger.maximumBits - 1) != nil)
        #expect(ExactInteger(2).raised(to: ExactInteger.maximumBits) == nil)
        #expect(ExactInteger(-1).raised(to: Int.max) == ExactInteger(-1))
        #expect(ExactInteger.factorial(100_000) == nil)
    }

    @Test func expressionsBeyondTheBudgetAreNotEvaluated() {
        var budget = 10
        let big = MathExpression.power(.integer(3), .integer(5_000))
        #expect(big.exactInteger(budget: &budget) == nil)
        var enough = 4_000_000
        #expect(big.exactInteger(budget: &enough) != nil)
    }
}
