/// An exact fraction of two `Int` values whose arithmetic reports overflow instead of trapping.
///
/// The grader evaluates answers exactly whenever it can (`1/3 + 1/6` is exactly `1/2`, with no
/// tolerance), but a bounded type keeps every operation O(1): when a result would not fit, the
/// operation returns `nil` and the evaluator falls back to floating point. Values are always
/// reduced and the denominator is always positive, so `==` is value equality.
///
/// ```swift
/// let half = BoundedRational(1, 2)!
/// half.adding(BoundedRational(1, 3)!)   // 5/6
/// BoundedRational(Int.max).adding(BoundedRational(1))  // nil: overflow
/// ```
public struct BoundedRational: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The reduced numerator; carries the sign.
    public let numerator: Int
    /// The reduced denominator; always positive.
    public let denominator: Int

    /// The integer `value`. `Int.min` is outside the type's range (its negation overflows).
    public init(_ value: Int) {
        precondition(value != .min, "BoundedRational excludes Int.min")
        self.init(reducedNumerator: value, positiveDenominator: 1)
    }

    /// The fraction `numerator / denominator`, reduced; `nil` when the denominator is zero or
    /// either part is `Int.min`.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = BoundedRational.greatestCommonDivisor(numerator.magnitude, denominator.magnitude)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    private init(reducedNumerator: Int, positiveDenominator: Int) {
        numerator = reducedNumerator
        denominator = positiveDenominator
    }

    public static let zero = BoundedRational(reducedNumerator: 0, positiveDenominator: 1)
    public static let one = BoundedRational(reducedNumerator: 1, positiveDenominator: 1)

    public var isInteger: Bool { denominator == 1 }
    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }

    /// The nearest `Double` (exact for small values).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Whether the value has a finite decimal expansion (its denominator has no prime factor
    /// other than 2 and 5), e.g. `27/50 = 0.54` but not `1/3`.
    public var hasTerminatingDecimal: Bool {
        var rest = denominator
        while rest % 2 == 0 { rest /= 2 }
        while rest % 5 == 0 { rest /= 5 }
        return rest == 1
    }

    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// `-self`; never overflows because `Int.min` is excluded at construction.
    public var negated: BoundedRational {
        BoundedRational(reducedNumerator: -numerator, positiveDenominator: denominator)
    }

    /// `self + other`, or `nil` on overflow.
    /// - Complexity: O(log max(denominator)) for the gcd.
    public func adding(_ other: BoundedRational) -> BoundedRational? {
        guard let left = Self.multiply(numerator, other.denominator),
              let right = Self.multiply(other.numerator, denominator),
              let top = Self.add(left, right),
              let bottom = Self.multiply(denominator, other.denominator)
        else { return nil }
        return BoundedRational(top, bottom)
    }

    /// `self - other`, or `nil` on overflow.
    public func subtracting(_ other: BoundedRational) -> BoundedRational? { adding(other.negated) }

    /// `self * other`, or `nil` on overflow. Cross-reduces first so that products of reduced
    /// fractions overflow as late as possible.
    public func multiplied(by other: BoundedRational) -> BoundedRational? {
        let first = Int(Self.greatestCommonDivisor(numerator.magnitude, other.denominator.magnitude))
        let second = Int(Self.greatestCommonDivisor(other.numerator.magnitude, denominator.magnitude))
        guard let top = Self.multiply(numerator / first, other.numerator / second),
              let bottom = Self.multiply(denominator / second, other.denominator / first)
        else { return nil }
        return BoundedRational(top, bottom)
    }

    /// `self / other`, or `nil` on overflow or division by zero.
    public func divided(by other: BoundedRational) -> BoundedRational? {
        guard let inverse = BoundedRational(other.denominator, other.numerator) else { return nil }
        return multiplied(by: inverse)
    }

    /// `self ^ exponent` by repeated squaring, or `nil` on overflow, `0^negative`, or when
    /// `|exponent| > maximumExponent` (the caller then uses floating point).
    /// - Complexity: O(log |exponent|) multiplications.
    public func raised(to exponent: Int, maximumExponent: Int = 4096) -> BoundedRational? {
        guard exponent.magnitude <= UInt(maximumExponent) else { return nil }
        if exponent < 0 {
            guard !isZero, let inverse = BoundedRational(denominator, numerator) else { return nil }
            return inverse.raised(to: -exponent, maximumExponent: maximumExponent)
        }
        return power(exponent, one: .one)
    }

    static func add(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow || value == .min ? nil : value
    }

    static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow || value == .min ? nil : value
    }

    static func greatestCommonDivisor(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
extension BoundedRational: CheckedMultiplication {}
