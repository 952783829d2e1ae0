import HorizonAnswers
import Testing

struct BoundedRationalTests {
    @Test func reducesAndKeepsTheSignInTheNumerator() throws {
        let value = try #require(BoundedRational(6, -8))
        #expect(value.numerator == -3)
        #expect(value.denominator == 4)
        #expect(BoundedRational(2, 4) == BoundedRational(1, 2))
        #expect(BoundedRational(1, 0) == nil)
        #expect(BoundedRational(Int.min, 1) == nil)
    }

    @Test func arithmeticMatchesHandComputedFractions() throws {
        let half = try #require(BoundedRational(1, 2))
        let third = try #require(BoundedRational(1, 3))
        #expect(half.adding(third) == BoundedRational(5, 6))
        #expect(half.subtracting(third) == BoundedRational(1, 6))
        #expect(half.multiplied(by: third) == BoundedRational(1, 6))
        #expect(half.divided(by: third) == BoundedRational(3, 2))
        #expect(half.divided(by: .zero) == nil)
        #expect(BoundedRational(2, 3)?.raised(to: -3) == BoundedRational(27, 8))
        #expect(BoundedRational(7).raised(to: 0) == .one)
        #expect(BoundedRational.zero.raised(to: -1) == nil)
    }

    @Test func overflowIsReportedAsNilNotATrap() {
        let big = BoundedRational(Int.max)
        #expect(big.adding(.one) == nil)
        #expect(big.multiplied(by: BoundedRational(2)) == nil)
        #expect(BoundedRational(2).raised(to: 62) == BoundedRational(1 << 62))
        #expect(BoundedRational(2).raised(to: 63) == nil)
        #expect(BoundedRational(2).raised(to: 100_000) == nil, "exponent above the cap")
    }

    @Test func crossReductionDelaysOverflow() throws {
        // (2^40 / 3) * (3 / 2^40) = 1 without forming 2^80.
        let a = try #require(BoundedRational(1 << 40, 3))
        let b = try #require(BoundedRational(3, 1 << 40))
        #expect(a.multiplied(by: b) == .one)
    }

    @Test(arguments: [(27, 50, true), (1, 3, false), (1, 8, true), (7, 12, false), (5, 1, true)])
    func terminatingDecimals(numerator: Int, denominator: Int, terminates: Bool) throws {
        #expect(try #require(BoundedRational(numerator, denominator)).hasTerminatingDecimal == terminates)
    }
}
