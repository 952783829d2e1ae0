/// Exact conversion of a decimal `mantissa × 10^exponent` to the nearest `Double`, for the
/// range where it can be done with 64- and 128-bit integer arithmetic.
///
/// Log-probabilities as servers print them (`-1.6094379425048828`, `-3.4028234663852886e+38`)
/// have up to 17 significant digits and small exponents, so nearly all of them take one of
/// the two paths here instead of `strtod`:
///
/// 1. Clinger's fast path (W. D. Clinger, "How to Read Floating Point Numbers Accurately",
///    PLDI 1990): when `mantissa <= 2^53` and `|exponent| <= 22`, both `Double(mantissa)` and
///    `10^|exponent|` are exact, so one IEEE multiplication or division rounds correctly.
/// 2. An exact integer path for `mantissa < 2^64` and `|exponent| <= 27`: since
///    `10^k = 5^k · 2^k` and `5^27 < 2^63`, the value is `mantissa · 5^k · 2^k` (a 128-bit
///    product) or `mantissa / 5^k · 2^-k` (a 128-by-64-bit division whose remainder is the
///    sticky bit). Either way the leading 64 bits plus a sticky bit are known exactly and are
///    rounded to 53 bits, ties to even, as IEEE 754 requires.
///
/// Everything else (more than 19 significant digits, larger exponents) returns `nil`, and
/// the caller falls back to the C library's correctly rounded `strtod`.
enum DecimalToDouble {
    /// `10^k` for `k` in `0...22`, all exact in binary64.
    private static let exactPowersOfTen: [Double] = (0...22).map { k in
        (0..<k).reduce(1.0) { power, _ in power * 10 }
    }

    /// `5^k` for `k` in `0...27`, all below `2^63`.
    private static let powersOfFive: [UInt64] = (0...27).map { k in
        (0..<k).reduce(UInt64(1)) { power, _ in power * 5 }
    }

    /// The largest decimal exponent magnitude the integer path handles.
    static let maximumExactExponent = 27

    /// The `Double` nearest to `mantissa × 10^exponent` (ties to even), negated when
    /// `negative`, or `nil` when the value is outside the exact paths' range.
    ///
    /// - Parameters:
    ///   - mantissa: The decimal significand, as an integer (all its digits, none dropped).
    ///   - exponent: The power of ten it is scaled by.
    ///   - negative: Whether the number had a minus sign (`-0` gives `-0.0`).
    /// - Returns: The correctly rounded value, or `nil`.
    /// - Complexity: O(1): at most one multiplication or one 128-by-64-bit division.
    @inline(__always)
    static func value(mantissa: UInt64, exponent: Int, negative: Bool) -> Double? {
        guard mantissa != 0 else { return negative ? -0.0 : 0.0 }
        let magnitude: Double
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let exact = Double(mantissa)
            magnitude = exponent >= 0 ? exact * exactPowersOfTen[exponent] : exact / exactPowersOfTen[-exponent]
        } else if exponent >= 0, exponent <= maximumExactExponent {
            magnitude = scaledUp(mantissa, byPowerOfTen: exponent)
        } else if exponent < 0, -exponent <= maximumExactExponent {
            magnitude = scaledDown(mantissa, byPowerOfTen: -exponent)
        } else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    /// `mantissa × 10^k`, exactly rounded, via the 128-bit product `mantissa × 5^k`.
    private static func scaledUp(_ mantissa: UInt64, byPowerOfTen k: Int) -> Double {
        let product = mantissa.multipliedFullWidth(by: powersOfFive[k])
        guard product.high != 0 else { return rounded(mantissa: product.low, sticky: false, binaryExponent: k) }
        let shift = product.high.leadingZeroBitCount
        let leading = shift == 0 ? product.high : product.high << shift | product.low >> (64 - shift)
        let rest = shift == 0 ? product.low : product.low << shift
        return rounded(mantissa: leading, sticky: rest != 0, binaryExponent: k + 64 - shift)
    }

    /// `mantissa / 10^k`, exactly rounded, via the 128-by-64-bit division by `5^k`.
    private static func scaledDown(_ mantissa: UInt64, byPowerOfTen k: Int) -> Double {
        let divisor = powersOfFive[k]
        let divisorBits = 64 - divisor.leadingZeroBitCount  // >= 3, since 5^1 = 0b101
        let normalizing = mantissa.leadingZeroBitCount
        let normalized = mantissa << normalizing
        // Dividend = normalized × 2^(divisorBits - 1): its high word is below 2^(divisorBits - 1),
        // hence below the divisor, so the quotient fits in 64 bits and has at least 63 of them.
        let shift = divisorBits - 1
        let dividend = (high: normalized >> (64 - shift), low: normalized << shift)
        let (quotient, remainder) = divisor.dividingFullWidth(dividend)
        return rounded(mantissa: quotient, sticky: remainder != 0, binaryExponent: -shift - normalizing - k)
    }

    /// The `Double` nearest to `(mantissa + ε) × 2^binaryExponent`, where `0 <= ε < 1` is
    /// nonzero exactly when `sticky`; rounding is to nearest, ties to even.
    ///
    /// The result must be a normal number (the exact paths never leave `1e-27...1e47`).
    private static func rounded(mantissa: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        let leadingZeros = mantissa.leadingZeroBitCount
        let normalized = mantissa << leadingZeros
        var significand = normalized >> 11
        let dropped = normalized & 0x7FF
        let half: UInt64 = 0x400
        if dropped > half || (dropped == half && (sticky || significand & 1 == 1)) {
            significand += 1
        }
        // value = significand × 2^exponent, with significand in [2^52, 2^53].
        var exponent = binaryExponent - leadingZeros + 11
        if significand == 1 << 53 {
            significand >>= 1
            exponent += 1
        }
        let biasedExponent = UInt64(exponent + 52 + 1023)
        return Double(bitPattern: biasedExponent << 52 | significand & ((1 << 52) - 1))
    }
}
