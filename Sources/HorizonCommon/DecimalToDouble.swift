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
/// 2. For `mantissa < 2^64` and `|exponent| <= 27`, with `10^k = 5^k · 2^k`:
///    - scaling up, the 128-bit product `mantissa · 5^k` (`5^27 < 2^63`) is exact; its leading
///      64 bits plus a sticky bit are rounded to 53 bits, ties to even;
///    - scaling down, the mantissa is multiplied by a 128-bit reciprocal of `5^k` (rounded
///      down), which gives the quotient's leading 128 bits too low by less than 4 units of
///      the lower 64; unless those bits sit exactly on, or within 4 units below, a rounding
///      boundary, that decides the rounding. This is the idea of Eisel and Lemire's algorithm
///      (D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
///      Experience 51(8), 2021), cut down to the exponents needed here; it avoids a
///      128-by-64-bit division, several times slower than two multiplications, which is
///      kept for the undecided cases (mostly exact quotients, about 1% of float32 values).
///
/// Everything else (more than 19 significant digits, larger exponents) returns `nil`, and
/// the caller falls back to the C library's correctly rounded `strtod`.
@usableFromInline package enum DecimalToDouble {
    /// `10^k` for `k` in `0...22`, all exact in binary64. (Literal tables are emitted as
    /// static data, so reading them costs no lazy-initialisation check.)
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `floor(2^(127 + b) / 5^k)` for `k` in `1...27`, where `b` is the bit length of `5^k`:
    /// 128-bit reciprocals of the powers of five with their top bit set, as (high, low) words.
    static let reciprocalsOfPowersOfFive: [(high: UInt64, low: UInt64)] = [
        (0xCCCCCCCCCCCCCCCC, 0xCCCCCCCCCCCCCCCC),  // k = 1
        (0xA3D70A3D70A3D70A, 0x3D70A3D70A3D70A3),  // k = 2
        (0x83126E978D4FDF3B, 0x645A1CAC083126E9),  // k = 3
        (0xD1B71758E219652B, 0xD3C36113404EA4A8),  // k = 4
        (0xA7C5AC471B478423, 0x0FCF80DC33721D53),  // k = 5
        (0x8637BD05AF6C69B5, 0xA63F9A49C2C1B10F),  // k = 6
        (0xD6BF94D5E57A42BC, 0x3D32907604691B4C),  // k = 7
        (0xABCC77118461CEFC, 0xFDC20D2B36BA7C3D),  // k = 8
        (0x89705F4136B4A597, 0x31680A88F8953030),  // k = 9
        (0xDBE6FECEBDEDD5BE, 0xB573440E5A884D1B),  // k = 10
        (0xAFEBFF0BCB24AAFE, 0xF78F69A51539D748),  // k = 11
        (0x8CBCCC096F5088CB, 0xF93F87B7442E45D3),  // k = 12
        (0xE12E13424BB40E13, 0x2865A5F206B06FB9),  // k = 13
        (0xB424DC35095CD80F, 0x538484C19EF38C94),  // k = 14
        (0x901D7CF73AB0ACD9, 0x0F9D37014BF60A10),  // k = 15
        (0xE69594BEC44DE15B, 0x4C2EBE687989A9B3),  // k = 16
        (0xB877AA3236A4B449, 0x09BEFEB9FAD487C2),  // k = 17
        (0x9392EE8E921D5D07, 0x3AFF322E62439FCF),  // k = 18
        (0xEC1E4A7DB69561A5, 0x2B31E9E3D06C32E5),  // k = 19
        (0xBCE5086492111AEA, 0x88F4BB1CA6BCF584),  // k = 20
        (0x971DA05074DA7BEE, 0xD3F6FC16EBCA5E03),  // k = 21
        (0xF1C90080BAF72CB1, 0x5324C68B12DD6338),  // k = 22
        (0xC16D9A0095928A27, 0x75B7053C0F178293),  // k = 23
        (0x9ABE14CD44753B52, 0xC4926A9672793542),  // k = 24
        (0xF79687AED3EEC551, 0x3A83DDBD83F52204),  // k = 25
        (0xC612062576589DDA, 0x95364AFE032A819D),  // k = 26
        (0x9E74D1B791E07E48, 0x775EA264CF55347D),  // k = 27
    ]

    /// `5^k` for `k` in `0...27`, all below `2^63`.
    static let powersOfFive: [UInt64] = [
        1, 5, 25, 125, 625, 3125,
        15625, 78125, 390625, 1953125, 9765625, 48828125,
        244140625, 1220703125, 6103515625, 30517578125, 152587890625, 762939453125,
        3814697265625, 19073486328125, 95367431640625, 476837158203125, 2384185791015625, 11920928955078125,
        59604644775390625, 298023223876953125, 1490116119384765625, 7450580596923828125,
    ]

    /// The largest decimal exponent magnitude the integer path handles.
    static let maximumExactExponent = 27

    /// The `Double` nearest to `mantissa × 10^exponent` (ties to even), negated when
    /// `negative`, or `nil` when the value is outside these paths' range.
    ///
    /// - Parameters:
    ///   - mantissa: The decimal significand, as an integer (all its digits, none dropped).
    ///   - exponent: The power of ten it is scaled by.
    ///   - negative: Whether the number had a minus sign (`-0` gives `-0.0`).
    /// - Returns: The correctly rounded value, or `nil`.
    /// - Complexity: O(1): two 64-by-64-bit multiplications, rarely a 128-by-64-bit division.
    @usableFromInline package static func value(mantissa: UInt64, exponent: Int, negative: Bool) -> Double? {
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

    /// `mantissa / 10^k` for `k` in `1...27`, correctly rounded.
    @inline(__always)
    private static func scaledDown(_ mantissa: UInt64, byPowerOfTen k: Int) -> Double {
        let reciprocal = reciprocalsOfPowersOfFive[k - 1]
        let fiveBits = 64 - powersOfFive[k].leadingZeroBitCount
        let normalizing = mantissa.leadingZeroBitCount
        let normalized = mantissa << normalizing
        // The top 128 bits of the 192-bit product normalized × reciprocal.
        let high = normalized.multipliedFullWidth(by: reciprocal.high)
        let low = normalized.multipliedFullWidth(by: reciprocal.low)
        let (middle, carry) = high.low.addingReportingOverflow(low.high)
        var leading = high.high &+ (carry ? 1 : 0)
        var following = middle
        var shift = 0
        if leading >> 63 == 0 {
            leading = leading << 1 | following >> 63
            following <<= 1
            shift = 1
        }
        // The exact quotient is leading · 2^64 + following + f with 0 <= f < 4 (the dropped
        // low word and the reciprocal's truncation), so `leading` is exact unless `following`
        // is about to carry, and the rounding is known unless the dropped bits are exactly
        // half. The undecided cases are mostly exact quotients (a float32 value printed in
        // full, such as -4.2650604248046875, lands just below a boundary): divide exactly.
        guard following < UInt64.max - 3, leading & 0x7FF != 0x400 || following != 0 else {
            return dividedExactly(mantissa, byPowerOfTen: k)
        }
        return rounded(mantissa: leading, sticky: true, binaryExponent: 1 - fiveBits - normalizing - k - shift)
    }

    /// `mantissa / 10^k`, correctly rounded, by a 128-by-64-bit division by `5^k` whose
    /// remainder is the sticky bit.
    private static func dividedExactly(_ mantissa: UInt64, byPowerOfTen k: Int) -> Double {
        let divisor = powersOfFive[k]
        let divisorBits = 64 - divisor.leadingZeroBitCount  // >= 3, since 5^1 = 0b101
        let normalizing = mantissa.leadingZeroBitCount
        let normalized = mantissa << normalizing
        // Dividend = normalized × 2^(divisorBits − 1): its high word is below 2^(divisorBits − 1),
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
    @inline(__always)
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
