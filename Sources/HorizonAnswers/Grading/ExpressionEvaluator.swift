import Foundation

/// Evaluates a ``MathExpression`` at given values of its variables, exactly where it can.
///
/// Rational arithmetic (`+ - * /`, integer powers, perfect roots such as `\sqrt{4}` or
/// `8^{1/3}`, small factorials and binomials) stays exact on ``BoundedRational``; everything else,
/// or anything that would overflow, continues in complex floating point. Bounded: exponents
/// above ``GradingLimits/maximumExactExponent`` go to floating point, factorials above
/// ``GradingLimits/maximumFactorial`` and any finite computation that leaves the `Double` range
/// throw `beyondNumericRange` at once, so `2^{2^{2^{100}}}` costs a few operations.
struct ExpressionEvaluator {
    let limits: GradingLimits
    /// Values of the free symbols.
    let variables: [String: ScalarValue]

    /// The value of `expression`.
    /// - Throws: ``AnswersError`` with `undefinedValue`, `beyondNumericRange` or
    ///   `unsupportedOperation`.
    /// - Complexity: O(nodes), each operation O(1) (powers O(log exponent)).
    func evaluate(_ expression: MathExpression) throws(AnswersError) -> EvaluatedValue {
        switch expression {
        case .number(let literal):
            if let exact = literal.exact { return .scalar(ScalarValue(exact)) }
            return .scalar(ScalarValue(approximate: ComplexDouble(literal.approximate)))
        case .symbol(let name):
            guard let value = variables[name] else { throw AnswersError(.unsupportedOperation, "unbound symbol") }
            return .scalar(value)
        case .constant(let constant):
            switch constant {
            case .pi: return .scalar(ScalarValue(approximate: ComplexDouble(Double.pi)))
            case .e: return .scalar(ScalarValue(approximate: ComplexDouble(M_E)))
            case .i: return .scalar(ScalarValue(exact: ExactComplex(.zero, .one)))
            case .infinity: return .scalar(ScalarValue(approximate: ComplexDouble(.infinity)))
            }
        case .sum(let terms):
            var total = try evaluate(terms[0])
            for term in terms.dropFirst() { total = try add(total, try evaluate(term)) }
            return total
        case .product(let factors):
            var total = try evaluate(factors[0])
            for factor in factors.dropFirst() { total = try multiply(total, try evaluate(factor)) }
            return total
        case .negation(let x):
            return try map(try evaluate(x)) { Arithmetic.negate($0) }
        case .quotient(let a, let b):
            let divisor = try scalar(try evaluate(b))
            return try map(try evaluate(a)) { (x) throws(AnswersError) in try Arithmetic.divide(x, divisor) }
        case .power(let base, let exponent):
            return try power(try evaluate(base), try scalar(try evaluate(exponent)))
        case .root(let radicand, let index):
            return .scalar(try Arithmetic.root(try scalar(try evaluate(radicand)), index: try scalar(try evaluate(index))))
        case .function(let function, let argument):
            return .scalar(try Arithmetic.apply(function, to: try scalar(try evaluate(argument))))
        case .logarithm(let argument, let base):
            let x = try scalar(try evaluate(argument))
            return .scalar(try Arithmetic.logarithm(x, base: try base.map { (b) throws(AnswersError) in try scalar(try evaluate(b)) }))
        case .factorial(let x):
            return .scalar(try Arithmetic.factorial(try scalar(try evaluate(x)), limit: limits.maximumFactorial))
        case .absoluteValue(let x):
            return .scalar(try Arithmetic.absoluteValue(try scalar(try evaluate(x))))
        case .floor(let x):
            return .scalar(try Arithmetic.rounded(try scalar(try evaluate(x)), rule: .down))
        case .ceiling(let x):
            return .scalar(try Arithmetic.rounded(try scalar(try evaluate(x)), rule: .up))
        case .binomial(let n, let k):
            return .scalar(try Arithmetic.binomial(try scalar(try evaluate(n)), try scalar(try evaluate(k))))
        case .matrix(let rows):
            var cells: [ScalarValue] = []
            cells.reserveCapacity(rows.count * rows[0].count)
            for row in rows {
                for cell in row { cells.append(try scalar(try evaluate(cell))) }
            }
            return .matrix(rows: rows.count, columns: rows[0].count, cells: cells)
        case .plusMinus:
            throw AnswersError(.unsupportedOperation, "unexpanded plus-minus")
        }
    }

    func scalar(_ value: EvaluatedValue) throws(AnswersError) -> ScalarValue {
        guard case .scalar(let x) = value else { throw AnswersError(.unsupportedOperation, "matrix where a number is needed") }
        return x
    }

    func map(
        _ value: EvaluatedValue, _ transform: (ScalarValue) throws(AnswersError) -> ScalarValue
    ) throws(AnswersError) -> EvaluatedValue {
        switch value {
        case .scalar(let x): return .scalar(try transform(x))
        case .matrix(let rows, let columns, let cells):
            var mapped: [ScalarValue] = []
            mapped.reserveCapacity(cells.count)
            for cell in cells { mapped.append(try transform(cell)) }
            return .matrix(rows: rows, columns: columns, cells: mapped)
        }
    }

    func add(_ a: EvaluatedValue, _ b: EvaluatedValue) throws(AnswersError) -> EvaluatedValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return .scalar(try Arithmetic.add(x, y))
        case (.matrix(let r1, let c1, let x), .matrix(let r2, let c2, let y)) where r1 == r2 && c1 == c2:
            var cells: [ScalarValue] = []
            for index in x.indices { cells.append(try Arithmetic.add(x[index], y[index])) }
            return .matrix(rows: r1, columns: c1, cells: cells)
        default:
            throw AnswersError(.unsupportedOperation, "adding a matrix and a number or matrices of different shapes")
        }
    }

    func multiply(_ a: EvaluatedValue, _ b: EvaluatedValue) throws(AnswersError) -> EvaluatedValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return .scalar(try Arithmetic.multiply(x, y))
        case (.scalar(let x), .matrix), (.matrix, .scalar(let x)):
            let matrix = if case .matrix = a { a } else { b }
            return try map(matrix) { (cell) throws(AnswersError) in try Arithmetic.multiply(x, cell) }
        case (.matrix(let r1, let c1, let x), .matrix(let r2, let c2, let y)):
            guard c1 == r2 else { throw AnswersError(.unsupportedOperation, "matrix shapes do not multiply") }
            var cells: [ScalarValue] = []
            for row in 0..<r1 {
                for column in 0..<c2 {
                    var sum = ScalarValue.zero
                    for k in 0..<c1 {
                        sum = try Arithmetic.add(sum, try Arithmetic.multiply(x[row * c1 + k], y[k * c2 + column]))
                    }
                    cells.append(sum)
                }
            }
            return .matrix(rows: r1, columns: c2, cells: cells)
        }
    }

    func power(_ base: EvaluatedValue, _ exponent: ScalarValue) throws(AnswersError) -> EvaluatedValue {
        switch base {
        case .scalar(let x):
            return .scalar(try Arithmetic.power(x, exponent, maximumExactExponent: limits.maximumExactExponent))
        case .matrix(let rows, let columns, _):
            guard rows == columns, let n = exponent.exactInteger, (1...16).contains(n) else {
                throw AnswersError(.unsupportedOperation, "matrix power")
            }
            var result = base
            for _ in 1..<n { result = try multiply(result, base) }
            return result
        }
    }
}

/// Scalar arithmetic: exact when both operands are exact and the result fits, else floating
/// point with range checks.
enum Arithmetic {
    /// Wraps a floating-point result, rejecting NaN (undefined) and values that left the
    /// `Double` range although every operand was finite and nonzero (beyond range).
    static func checked(_ z: ComplexDouble, from operands: ScalarValue...) throws(AnswersError) -> ScalarValue {
        if z.isNaN { throw AnswersError(.undefinedValue, "undefined value") }
        let finiteOperands = operands.allSatisfy(\.isFinite)
        if !z.isFinite, finiteOperands { throw AnswersError(.beyondNumericRange, "overflow") }
        let magnitude = z.magnitude
        if finiteOperands, magnitude < 1e-280, !operands.contains(where: \.isZero) {
            throw AnswersError(.beyondNumericRange, "underflow")
        }
        return ScalarValue(approximate: z)
    }

    static func negate(_ x: ScalarValue) -> ScalarValue {
        if let exact = x.exact { return ScalarValue(exact: exact.negated) }
        return ScalarValue(approximate: -x.approximate)
    }

    static func add(_ x: ScalarValue, _ y: ScalarValue) throws(AnswersError) -> ScalarValue {
        if let a = x.exact, let b = y.exact, let sum = a.adding(b) { return ScalarValue(exact: sum) }
        let z = x.approximate + y.approximate
        if z.isNaN { throw AnswersError(.undefinedValue, "infinity minus infinity") }
        if !z.isFinite, x.isFinite, y.isFinite { throw AnswersError(.beyondNumericRange, "overflow") }
        return ScalarValue(approximate: z)
    }

    static func multiply(_ x: ScalarValue, _ y: ScalarValue) throws(AnswersError) -> ScalarValue {
        if let a = x.exact, let b = y.exact, let product = a.multiplied(by: b) { return ScalarValue(exact: product) }
        if x.isZero || y.isZero {
            guard x.isFinite, y.isFinite else { throw AnswersError(.undefinedValue, "zero times infinity") }
            return .zero
        }
        return try checked(x.approximate * y.approximate, from: x, y)
    }

    static func divide(_ x: ScalarValue, _ y: ScalarValue) throws(AnswersError) -> ScalarValue {
        guard !y.isZero else { throw AnswersError(.undefinedValue, "division by zero") }
        if let a = x.exact, let b = y.exact, let quotient = a.divided(by: b) { return ScalarValue(exact: quotient) }
        if x.isZero { return .zero }
        return try checked(x.approximate / y.approximate, from: x, y)
    }

    static func power(_ x: ScalarValue, _ e: ScalarValue, maximumExactExponent: Int) throws(AnswersError) -> ScalarValue {
        if let exponent = e.exactReal, let base = x.exact {
            if exponent.isInteger {
                if base.isZero, exponent.isNegative { throw AnswersError(.undefinedValue, "zero to a negative power") }
                if let value = base.raised(to: exponent.numerator, maximumExponent: maximumExactExponent) {
                    return ScalarValue(exact: value)
                }
            } else if base.isReal, !base.real.isNegative, exponent.denominator <= 64,
                      let root = exactRoot(base.real, index: exponent.denominator),
                      let value = root.raised(to: exponent.numerator, maximumExponent: maximumExactExponent) {
                return ScalarValue(value)
            }
        }
        if x.isZero {
            guard e.approximate.re > 0 else { throw AnswersError(.undefinedValue, "zero to a non-positive power") }
            return .zero
        }
        return try checked(ComplexDouble.pow(x.approximate, e.approximate), from: x, e)
    }

    /// The `index`-th root; a real odd root of a negative number is the real root (`\sqrt[3]{-8}
    /// = -2`), other roots of negative or complex numbers are principal values.
    static func root(_ x: ScalarValue, index: ScalarValue) throws(AnswersError) -> ScalarValue {
        guard let n = index.exactInteger else {
            return try power(x, try divide(.one, index), maximumExactExponent: 64)
        }
        guard n >= 1 else { throw AnswersError(.undefinedValue, "root of index below 1") }
        if let r = x.exactReal, n <= 64 {
            if let root = exactRoot(r.isNegative ? r.negated : r, index: n) {
                if !r.isNegative { return ScalarValue(root) }
                if n % 2 == 1 { return ScalarValue(root.negated) }
                if n == 2 { return ScalarValue(exact: ExactComplex(.zero, root)) }
            }
        }
        let z = x.approximate
        if z.isReal, z.re < 0, n % 2 == 1 {
            return try checked(ComplexDouble(-Foundation.pow(-z.re, 1 / Double(n))), from: x)
        }
        if n == 2 { return try checked(ComplexDouble.sqrt(z), from: x) }
        return try checked(ComplexDouble.pow(z, ComplexDouble(1 / Double(n))), from: x)
    }

    /// The exact `index`-th root of a non-negative rational when it is rational (`4/9` → `2/3`).
    static func exactRoot(_ r: BoundedRational, index: Int) -> BoundedRational? {
        guard index >= 1, !r.isNegative else { return nil }
        if index == 1 { return r }
        guard let top = integerRoot(r.numerator, index), let bottom = integerRoot(r.denominator, index) else { return nil }
        return BoundedRational(top, bottom)
    }

    static func integerRoot(_ value: Int, _ index: Int) -> Int? {
        guard value >= 0 else { return nil }
        if value < 2 { return value }
        let estimate = Int(Foundation.pow(Double(value), 1 / Double(index)).rounded())
        for candidate in max(estimate - 1, 0)...(estimate + 1) {
            if let power = BoundedRational(candidate).raised(to: index), power == BoundedRational(value) {
                return candidate
            }
        }
        return nil
    }

    static func apply(_ function: MathFunction, to x: ScalarValue) throws(AnswersError) -> ScalarValue {
        if x.isZero, x.exact != nil {
            switch function {
            case .sin, .tan, .arcsin, .arctan, .sinh, .tanh: return .zero
            case .cos, .cosh, .exp, .sec: return .one
            default: break
            }
        }
        return try checked(ComplexDouble.apply(function, to: x.approximate), from: x)
    }

    /// `log_base(x)`; natural when `base` is `nil`.
    static func logarithm(_ x: ScalarValue, base: ScalarValue?) throws(AnswersError) -> ScalarValue {
        guard !x.isZero else { throw AnswersError(.undefinedValue, "logarithm of zero") }
        if x.exact == ExactComplex(.one) { return .zero }
        let value = ComplexDouble.log(x.approximate)
        guard let base else { return try checked(value, from: x) }
        guard !base.isZero, base.exact != ExactComplex(.one) else { throw AnswersError(.undefinedValue, "bad log base") }
        if let b = base.exact, let target = x.exact, b.isReal, target.isReal,
           let k = integerLogarithm(target.real, base: b.real) {
            return ScalarValue(BoundedRational(k))
        }
        return try checked(value / ComplexDouble.log(base.approximate), from: x, base)
    }

    /// `k` with `base^k == x` exactly, for small integer `k` (so `\log_2 8` is exactly 3).
    static func integerLogarithm(_ x: BoundedRational, base: BoundedRational) -> Int? {
        guard !base.isNegative, !x.isNegative, base.doubleValue != 1 else { return nil }
        let estimate = (Foundation.log(x.doubleValue) / Foundation.log(base.doubleValue)).rounded()
        guard estimate.isFinite, abs(estimate) <= 64 else { return nil }
        return base.raised(to: Int(estimate)) == x ? Int(estimate) : nil
    }

    static func factorial(_ x: ScalarValue, limit: Int) throws(AnswersError) -> ScalarValue {
        if let n = x.exactInteger {
            guard n >= 0 else { throw AnswersError(.undefinedValue, "factorial of a negative integer") }
            guard n <= limit else { throw AnswersError(.beyondNumericRange, "factorial too large") }
            var product = BoundedRational.one
            for k in stride(from: 2, through: n, by: 1) {
                guard let next = product.multiplied(by: BoundedRational(k)) else {
                    return try checked(ComplexDouble(tgamma(Double(n) + 1)), from: x)
                }
                product = next
            }
            return ScalarValue(product)
        }
        guard x.approximate.isReal else { throw AnswersError(.unsupportedOperation, "complex factorial") }
        return try checked(ComplexDouble(tgamma(x.approximate.re + 1)), from: x)
    }

    static func absoluteValue(_ x: ScalarValue) throws(AnswersError) -> ScalarValue {
        if let r = x.exactReal { return ScalarValue(r.isNegative ? r.negated : r) }
        return ScalarValue(approximate: ComplexDouble(x.approximate.magnitude))
    }

    static func rounded(_ x: ScalarValue, rule: FloatingPointRoundingRule) throws(AnswersError) -> ScalarValue {
        if let r = x.exactReal {
            var quotient = r.numerator / r.denominator
            let remainder = r.numerator % r.denominator
            if remainder != 0 {
                if rule == .down, r.isNegative { quotient -= 1 }
                if rule == .up, !r.isNegative { quotient += 1 }
            }
            return ScalarValue(BoundedRational(quotient))
        }
        guard x.approximate.isReal else { throw AnswersError(.unsupportedOperation, "rounding a complex number") }
        return try checked(ComplexDouble(x.approximate.re.rounded(rule)), from: x)
    }

    /// `C(n, k)` for integers; exact while it fits, else through log-gamma (n ≥ 0 only).
    static func binomial(_ n: ScalarValue, _ k: ScalarValue) throws(AnswersError) -> ScalarValue {
        guard let top = n.exactInteger, let choose = k.exactInteger else {
            throw AnswersError(.unsupportedOperation, "binomial of non-integers")
        }
        if choose < 0 || (top >= 0 && choose > top) { return .zero }
        guard top >= 0 else { throw AnswersError(.unsupportedOperation, "binomial of a negative integer") }
        let smaller = min(choose, top - choose)
        var value = BoundedRational.one
        for i in stride(from: 1, through: smaller, by: 1) {
            guard let next = value.multiplied(by: BoundedRational(top - smaller + i, i)!) else {
                let logValue = AnswerMetrics.logBinomial(top, smaller)
                return try checked(ComplexDouble(Foundation.exp(logValue)), from: n, k)
            }
            value = next
        }
        return ScalarValue(value)
    }
}
