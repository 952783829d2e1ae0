import Foundation

/// A complex number in floating point, for values that are not exact rationals.
///
/// Real inputs stay on the real functions (`sin(2.0)` has no imaginary noise); inputs outside a
/// real function's domain (`\sqrt{-1}`, `\ln(-1)`) take the principal complex value.
struct ComplexDouble: Sendable, Hashable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    static let one = ComplexDouble(1)
    static let i = ComplexDouble(0, 1)

    var isReal: Bool { im == 0 }
    var isFinite: Bool { re.isFinite && im.isFinite }
    var isNaN: Bool { re.isNaN || im.isNaN }
    var isZero: Bool { re == 0 && im == 0 }
    /// |z|, without overflow in the intermediate squares.
    var magnitude: Double { isReal ? abs(re) : hypot(re, im) }

    static func + (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble { ComplexDouble(a.re + b.re, a.im + b.im) }
    static func - (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble { ComplexDouble(a.re - b.re, a.im - b.im) }
    static prefix func - (a: ComplexDouble) -> ComplexDouble { ComplexDouble(-a.re, -a.im) }

    static func * (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        if a.isReal, b.isReal { return ComplexDouble(a.re * b.re) }
        return ComplexDouble(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }

    static func / (a: ComplexDouble, b: ComplexDouble) -> ComplexDouble {
        if b.isReal { return ComplexDouble(a.re / b.re, a.im / b.re) }
        // Smith's algorithm avoids overflow in |b|^2.
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re
            let d = b.re + b.im * r
            return ComplexDouble((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        }
        let r = b.re / b.im
        let d = b.re * r + b.im
        return ComplexDouble((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }

    static func exp(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.exp(z.re)) }
        let scale = Foundation.exp(z.re)
        return ComplexDouble(scale * Foundation.cos(z.im), scale * Foundation.sin(z.im))
    }

    /// The principal natural logarithm (imaginary part in (-π, π]).
    static func log(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal, z.re > 0 { return ComplexDouble(Foundation.log(z.re)) }
        return ComplexDouble(Foundation.log(z.magnitude), atan2(z.im, z.re))
    }

    /// The principal value of `z^w`; real when `z > 0`, or `z < 0` with an integer `w`.
    static func pow(_ z: ComplexDouble, _ w: ComplexDouble) -> ComplexDouble {
        if z.isReal, w.isReal, z.re > 0 || w.re.rounded() == w.re {
            return ComplexDouble(Foundation.pow(z.re, w.re))
        }
        return exp(w * log(z))
    }

    /// The principal square root.
    static func sqrt(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal, z.re >= 0 { return ComplexDouble(Foundation.sqrt(z.re)) }
        let m = z.magnitude
        let re = Foundation.sqrt((m + z.re) / 2)
        let im = Foundation.sqrt((m - z.re) / 2)
        return ComplexDouble(re, z.im < 0 ? -im : im)
    }

    static func sin(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.sin(z.re)) }
        return ComplexDouble(Foundation.sin(z.re) * Foundation.cosh(z.im), Foundation.cos(z.re) * Foundation.sinh(z.im))
    }

    static func cos(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.cos(z.re)) }
        return ComplexDouble(Foundation.cos(z.re) * Foundation.cosh(z.im), -Foundation.sin(z.re) * Foundation.sinh(z.im))
    }

    static func sinh(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.sinh(z.re)) }
        return (exp(z) - exp(-z)) / ComplexDouble(2)
    }

    static func cosh(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.cosh(z.re)) }
        return (exp(z) + exp(-z)) / ComplexDouble(2)
    }

    static func arcsin(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal, abs(z.re) <= 1 { return ComplexDouble(Foundation.asin(z.re)) }
        // asin z = -i log(iz + sqrt(1 - z^2))
        return -i * log(i * z + sqrt(one - z * z))
    }

    static func arccos(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal, abs(z.re) <= 1 { return ComplexDouble(Foundation.acos(z.re)) }
        return ComplexDouble(Double.pi / 2) - arcsin(z)
    }

    static func arctan(_ z: ComplexDouble) -> ComplexDouble {
        if z.isReal { return ComplexDouble(Foundation.atan(z.re)) }
        // atan z = (i/2) log((i + z) / (i - z))
        return ComplexDouble(0, 0.5) * log((i + z) / (i - z))
    }

    /// `f(z)` for the named function.
    static func apply(_ function: MathFunction, to z: ComplexDouble) -> ComplexDouble {
        switch function {
        case .sin: sin(z)
        case .cos: cos(z)
        case .tan: sin(z) / cos(z)
        case .sec: one / cos(z)
        case .csc: one / sin(z)
        case .cot: cos(z) / sin(z)
        case .arcsin: arcsin(z)
        case .arccos: arccos(z)
        case .arctan: arctan(z)
        case .sinh: sinh(z)
        case .cosh: cosh(z)
        case .tanh: sinh(z) / cosh(z)
        case .exp: exp(z)
        }
    }
}
