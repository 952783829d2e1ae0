/// A signed integer of bounded but arbitrary size, for comparing integer answers that do not fit
/// an `Int` exactly (`2^{64}` against `18446744073709551617`, `\binom{1000}{500}` against itself
/// plus 1). Floating point would call those equal.
///
/// Magnitudes are little-endian base-2³² limbs without leading zeros; zero has no limbs and is
/// never negative, so `==` is value equality. Every operation that could grow a value returns
/// `nil` past ``maximumBits``, which keeps each one cheap (quadratic in at most 512 limbs).
struct ExactInteger: Sendable, Hashable, CheckedMultiplication {
    private(set) var isNegative: Bool
    private(set) var limbs: [UInt32]

    /// The largest magnitude kept, in bits (about 4,900 decimal digits).
    static let maximumBits = 16_384

    static let zero = ExactInteger(isNegative: false, limbs: [])

    private init(isNegative: Bool, limbs: [UInt32]) {
        var trimmed = limbs
        while trimmed.last == 0 { trimmed.removeLast() }
        self.limbs = trimmed
        self.isNegative = isNegative && !trimmed.isEmpty
    }

    init(_ value: Int) {
        var magnitude = value.magnitude
        var limbs: [UInt32] = []
        while magnitude > 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        }
        self.init(isNegative: value < 0, limbs: limbs)
    }

    /// The integer written with these decimal digits, or `nil` when any is not a digit or the
    /// value is too large.
    init?(decimalDigits: String) {
        var value = ExactInteger.zero
        for c in decimalDigits.unicodeScalars {
            guard LatexText.isDigit(c),
                  let next = value.multipliedAdding(small: 10, addend: c.value - 48) else { return nil }
            value = next
        }
        self = value
    }

    var bitWidth: Int { limbs.isEmpty ? 0 : 32 * limbs.count - limbs[limbs.count - 1].leadingZeroBitCount }

    /// The value as an `Int`, when it fits.
    var intValue: Int? {
        guard limbs.count <= 2 else { return nil }
        let magnitude = limbs.enumerated().reduce(UInt(0)) { $0 | UInt($1.element) << (32 * $1.offset) }
        guard magnitude <= UInt(Int.max) else { return nil }
        return isNegative ? -Int(magnitude) : Int(magnitude)
    }

    var negated: ExactInteger { ExactInteger(isNegative: !isNegative, limbs: limbs) }

    func adding(_ other: ExactInteger) -> ExactInteger? {
        if isNegative == other.isNegative {
            let sum = ExactInteger(isNegative: isNegative, limbs: Self.addMagnitudes(limbs, other.limbs))
            return sum.bitWidth <= Self.maximumBits ? sum : nil
        }
        // Opposite signs: the larger magnitude keeps its sign.
        if Self.compareMagnitudes(limbs, other.limbs) >= 0 {
            return ExactInteger(isNegative: isNegative, limbs: Self.subtractMagnitudes(limbs, other.limbs))
        }
        return ExactInteger(isNegative: other.isNegative, limbs: Self.subtractMagnitudes(other.limbs, limbs))
    }

    func multiplied(by other: ExactInteger) -> ExactInteger? {
        guard bitWidth + other.bitWidth <= Self.maximumBits + 1 else { return nil }
        guard !limbs.isEmpty, !other.limbs.isEmpty else { return .zero }
        var result = [UInt32](repeating: 0, count: limbs.count + other.limbs.count)
        for (i, a) in limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in other.limbs.enumerated() {
                let t = UInt64(a) * UInt64(b) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            result[i + other.limbs.count] = UInt32(carry)
        }
        let product = ExactInteger(isNegative: isNegative != other.isNegative, limbs: result)
        return product.bitWidth <= Self.maximumBits ? product : nil
    }

    /// `self ^ exponent` for `exponent ≥ 0` by repeated squaring, or `nil` when too large.
    func raised(to exponent: Int) -> ExactInteger? {
        guard exponent >= 0 else { return nil }
        if limbs.isEmpty { return exponent == 0 ? ExactInteger(1) : .zero }
        // |self| ≥ 2 grows by at least one bit per factor: refuse hopeless exponents at once.
        if bitWidth > 1, exponent > Self.maximumBits { return nil }
        return power(exponent, one: ExactInteger(1))
    }

    /// `self · small + addend` on the magnitude (the sign is kept), or `nil` when too large.
    func multipliedAdding(small: UInt32, addend: UInt32) -> ExactInteger? {
        var result: [UInt32] = []
        result.reserveCapacity(limbs.count + 1)
        var carry = UInt64(addend)
        for limb in limbs {
            let t = UInt64(limb) * UInt64(small) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        let value = ExactInteger(isNegative: isNegative, limbs: result)
        return value.bitWidth <= Self.maximumBits ? value : nil
    }

    /// The quotient and remainder of the magnitude by `divisor > 0` (the sign is kept).
    func dividedBy(small divisor: UInt32) -> (quotient: ExactInteger, remainder: UInt32) {
        var result = [UInt32](repeating: 0, count: limbs.count)
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let t = remainder << 32 | UInt64(limbs[index])
            result[index] = UInt32(t / UInt64(divisor))
            remainder = t % UInt64(divisor)
        }
        return (ExactInteger(isNegative: isNegative, limbs: result), UInt32(remainder))
    }

    /// `n!` for `0 ≤ n`, or `nil` when too large.
    static func factorial(_ n: Int) -> ExactInteger? {
        guard n >= 0, n <= UInt32.max else { return nil }
        var result = ExactInteger(1)
        for k in stride(from: 2, through: n, by: 1) {
            guard let next = result.multipliedAdding(small: UInt32(k), addend: 0) else { return nil }
            result = next
        }
        return result
    }

    /// `C(n, k)` for `0 ≤ k ≤ n` (0 when `k > n`), or `nil` when too large. Each partial product
    /// `C(n, j)` is an integer, so every division is exact.
    static func binomial(_ n: Int, _ k: Int) -> ExactInteger? {
        guard n >= 0, k >= 0, n <= UInt32.max else { return nil }
        guard k <= n else { return .zero }
        let steps = min(k, n - k)
        var result = ExactInteger(1)
        for j in stride(from: 1, through: steps, by: 1) {
            guard let next = result.multipliedAdding(small: UInt32(n - steps + j), addend: 0) else { return nil }
            result = next.dividedBy(small: UInt32(j)).quotient
        }
        return result
    }

    static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in a.indices.reversed() where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(a.count, b.count) {
            let t = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `a − b` for `|a| ≥ |b|`.
    static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for index in a.indices {
            var t = Int64(a[index]) - Int64(index < b.count ? b[index] : 0) - borrow
            borrow = t < 0 ? 1 : 0
            if t < 0 { t += 1 << 32 }
            result.append(UInt32(t))
        }
        return result
    }
}

extension MathExpression {
    /// The exact value of an expression built only from integers with `+`, `−`, `×`, powers
    /// with non-negative integer exponents, factorials and binomials; `nil` for anything else
    /// (a fraction, a decimal, a variable), a value wider than ``ExactInteger/maximumBits``, or
    /// when the work would exceed `budget` limb operations (each product of m and n limbs
    /// costs m·n), so hostile input stays cheap.
    func exactInteger(budget: inout Int) -> ExactInteger? {
        guard budget > 0 else { return nil }
        switch self {
        case .number(let literal):
            guard literal.decimalPlaces == 0 else { return nil }
            budget -= literal.text.unicodeScalars.count
            return ExactInteger(decimalDigits: literal.text)
        case .negation(let x):
            return x.exactInteger(budget: &budget)?.negated
        case .sum(let terms):
            var total = ExactInteger.zero
            for term in terms {
                guard let value = term.exactInteger(budget: &budget), let next = total.adding(value) else { return nil }
                budget -= next.limbs.count
                total = next
            }
            return total
        case .product(let factors):
            var total = ExactInteger(1)
            for factor in factors {
                guard let value = factor.exactInteger(budget: &budget) else { return nil }
                budget -= total.limbs.count * value.limbs.count
                guard budget > 0, let next = total.multiplied(by: value) else { return nil }
                total = next
            }
            return total
        case .power(let base, let exponent):
            guard let e = exponent.exactInteger(budget: &budget)?.intValue, let b = base.exactInteger(budget: &budget),
                  e >= 0 else { return nil }
            // Squarings cost at most (result limbs)² each, and there are log₂ e of them; 0 and ±1
            // stay one limb.
            let resultBits = b.bitWidth <= 1 ? 1 : min(b.bitWidth.multipliedReportingOverflow(by: e).overflow
                                                       ? Int.max : b.bitWidth * e, ExactInteger.maximumBits)
            let resultLimbs = resultBits / 32 + 1
            budget -= resultLimbs * resultLimbs * (Int.bitWidth - e.leadingZeroBitCount)
            guard budget > 0 else { return nil }
            return b.raised(to: e)
        case .factorial(let x):
            guard let n = x.exactInteger(budget: &budget)?.intValue, n >= 0 else { return nil }
            // Each of the n steps touches at most the cap's limb count.
            budget -= min(n, ExactInteger.maximumBits) * (ExactInteger.maximumBits / 32)
            guard budget > 0 else { return nil }
            return ExactInteger.factorial(n)
        case .binomial(let n, let k):
            guard let top = n.exactInteger(budget: &budget)?.intValue,
                  let bottom = k.exactInteger(budget: &budget)?.intValue else { return nil }
            budget -= 2 * min(max(bottom, 0), ExactInteger.maximumBits) * (ExactInteger.maximumBits / 32)
            guard budget > 0 else { return nil }
            return ExactInteger.binomial(top, bottom)
        default:
            return nil
        }
    }
}
