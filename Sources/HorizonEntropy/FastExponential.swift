/// An inlinable e^x for the per-token hot loop, where calling the C library's `exp` for every
/// candidate of every token dominated the run time.
///
/// Method (Cody & Waite 1980 range reduction, Taylor polynomial): x = k ln 2 + r with k the integer
/// nearest x / ln 2 and |r| <= ln 2 / 2; ln 2 is split into a high part with 21 trailing zero bits
/// (so k · high is exact) and a low part. e^r is the degree-13 Taylor polynomial, summed by
/// Estrin's scheme; its remainder r^14 / 14! < 4e-18 is far below one ulp. The result is scaled
/// by 2^k through the exponent bits. Measured within 2 ulps of the C library's `exp` over
/// [-708, 709] (the tests allow 4).
///
/// Edge cases: NaN gives NaN; x <= -708 (including -inf) gives 0, ignoring subnormal results below
/// 2^-1021, which no probability sum here can notice; x > 709 gives +inf.
enum FastExponential {
    /// e^x (natural base).
    @inline(__always)
    static func exp(_ x: Double) -> Double {
        guard x > -708 else { return x.isNaN ? x : 0 }
        guard x <= 709 else { return .infinity }
        // Adding and removing 1.5 x 2^52 rounds to the nearest integer without a library call.
        let roundingShift = 6_755_399_441_055_744.0
        let k = (x * 1.4426950408889634 + roundingShift) - roundingShift
        let r = (x - k * 0.693_147_180_369_123_816_49) - k * 1.908_214_929_270_587_700_02e-10
        // Taylor coefficients 1/n!, n = 0...13, summed by Estrin's scheme: independent pairs first,
        // so the processor overlaps them instead of waiting on a 13-step Horner chain.
        let r2 = r * r
        let r4 = r2 * r2
        let r8 = r4 * r4
        let q0 = 1 + r
        let q1 = 1.0 / 2 + r * (1.0 / 6)
        let q2 = 1.0 / 24 + r * (1.0 / 120)
        let q3 = 1.0 / 720 + r * (1.0 / 5_040)
        let q4 = 1.0 / 40_320 + r * (1.0 / 362_880)
        let q5 = 1.0 / 3_628_800 + r * (1.0 / 39_916_800)
        let q6 = 1.0 / 479_001_600 + r * (1.0 / 6_227_020_800)
        let low = (q0 + q1 * r2) + (q2 + q3 * r2) * r4
        let high = (q4 + q5 * r2) + q6 * r4
        let polynomial = low + high * r8
        let scale = Double(bitPattern: UInt64(Int64(k) + 1023) << 52)
        return polynomial * scale
    }
}
