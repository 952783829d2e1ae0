/// A complex number with exact rational parts: `1/2 + 3i`.
struct ExactComplex: Sendable, Hashable, CheckedMultiplication {
    var real: BoundedRational
    var imaginary: BoundedRational

    init(_ real: BoundedRational, _ imaginary: BoundedRational = .zero) {
        self.real = real
        self.imaginary = imaginary
    }

    var isReal: Bool { imaginary.isZero }
    var isZero: Bool { real.isZero && imaginary.isZero }
    var approximate: ComplexDouble { ComplexDouble(real.doubleValue, imaginary.doubleValue) }

    func adding(_ other: ExactComplex) -> ExactComplex? {
        guard let re = real.adding(other.real), let im = imaginary.adding(other.imaginary) else { return nil }
        return ExactComplex(re, im)
    }

    var negated: ExactComplex { ExactComplex(real.negated, imaginary.negated) }

    func multiplied(by other: ExactComplex) -> ExactComplex? {
        if isReal, other.isReal { return real.multiplied(by: other.real).map { ExactComplex($0) } }
        guard let ac = real.multiplied(by: other.real), let bd = imaginary.multiplied(by: other.imaginary),
              let ad = real.multiplied(by: other.imaginary), let bc = imaginary.multiplied(by: other.real),
              let re = ac.subtracting(bd), let im = ad.adding(bc) else { return nil }
        return ExactComplex(re, im)
    }

    /// `self / other`, or `nil` on overflow or division by zero.
    func divided(by other: ExactComplex) -> ExactComplex? {
        if other.isReal {
            guard let re = real.divided(by: other.real), let im = imaginary.divided(by: other.real) else { return nil }
            return ExactComplex(re, im)
        }
        // (a+bi)/(c+di) = (a+bi)(c-di) / (c^2+d^2)
        guard let cc = other.real.multiplied(by: other.real), let dd = other.imaginary.multiplied(by: other.imaginary),
              let norm = cc.adding(dd), let top = multiplied(by: ExactComplex(other.real, other.imaginary.negated)),
              let re = top.real.divided(by: norm), let im = top.imaginary.divided(by: norm) else { return nil }
        return ExactComplex(re, im)
    }

    /// `self ^ n` by repeated squaring, or `nil` on overflow or `0^negative`.
    func raised(to n: Int, maximumExponent: Int) -> ExactComplex? {
        if isReal { return real.raised(to: n, maximumExponent: maximumExponent).map { ExactComplex($0) } }
        guard n.magnitude <= UInt(maximumExponent) else { return nil }
        if n < 0 { return ExactComplex(.one).divided(by: self)?.raised(to: -n, maximumExponent: maximumExponent) }
        return power(n, one: ExactComplex(.one))
    }
}

/// A scalar value: exact when every step so far was exact, always with a floating-point value.
struct ScalarValue: Sendable, Hashable {
    var exact: ExactComplex?
    var approximate: ComplexDouble

    init(exact: ExactComplex) {
        self.exact = exact
        self.approximate = exact.approximate
    }

    init(approximate: ComplexDouble) {
        self.exact = nil
        self.approximate = approximate
    }

    init(_ rational: BoundedRational) { self.init(exact: ExactComplex(rational)) }

    static let zero = ScalarValue(.zero)
    static let one = ScalarValue(.one)

    var isZero: Bool { exact?.isZero ?? approximate.isZero }
    var isFinite: Bool { approximate.isFinite }
    /// The exact real value, when there is one.
    var exactReal: BoundedRational? { exact.flatMap { $0.isReal ? $0.real : nil } }
    /// The exact integer value, when there is one.
    var exactInteger: Int? { exactReal.flatMap { $0.isInteger ? $0.numerator : nil } }
}

/// The value of an expression: a scalar or a matrix of scalars (row-major).
enum EvaluatedValue: Sendable, Hashable {
    case scalar(ScalarValue)
    case matrix(rows: Int, columns: Int, cells: [ScalarValue])
}
