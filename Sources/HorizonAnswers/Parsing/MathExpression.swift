/// A number as the answer wrote it: exact when it fits a ``BoundedRational``, with the number of
/// decimal places it was written with (0 for integers), which the rounding rule of
/// ``AnswerEquivalence`` uses (`0.33` was written to 2 places).
struct NumberLiteral: Sendable, Hashable {
    /// Canonical digits, without grouping: `1000.99`.
    var text: String
    var exact: BoundedRational?
    var approximate: Double
    var decimalPlaces: Int

    /// The count of significant digits written (`0.33` has 2, `12.0` has 3).
    var significantDigits: Int {
        let digits = text.unicodeScalars.filter { LatexText.isDigit($0) }
        return max(digits.drop(while: { $0 == "0" }).count, 1)
    }

    init(text: String, exact: BoundedRational?, approximate: Double, decimalPlaces: Int) {
        self.text = text
        self.exact = exact
        self.approximate = approximate
        self.decimalPlaces = decimalPlaces
    }

    /// An integer literal.
    init(_ value: Int) {
        self.init(text: String(value), exact: BoundedRational(value), approximate: Double(value), decimalPlaces: 0)
    }

    /// The literal for `integerDigits.fractionDigits` (either may be empty, not both).
    init?(integerDigits: String, fractionDigits: String) {
        let digits = integerDigits + fractionDigits
        guard !digits.isEmpty else { return nil }
        let text = fractionDigits.isEmpty ? (integerDigits.isEmpty ? "0" : integerDigits)
            : (integerDigits.isEmpty ? "0" : integerDigits) + "." + fractionDigits
        guard let approximate = Double(text) else { return nil }
        var exact: BoundedRational?
        if digits.count <= 18, let numerator = Int(digits),
           let scale = BoundedRational(10).raised(to: fractionDigits.count) {
            exact = BoundedRational(numerator).divided(by: scale)
        }
        self.init(text: text, exact: exact, approximate: approximate, decimalPlaces: fractionDigits.count)
    }
}

/// Named constants of answers.
enum MathConstant: String, Sendable, Hashable {
    case pi, e, i, infinity
}

/// Functions of one argument the evaluator knows. Logarithms are ``MathExpression/logarithm(_:base:)``.
enum MathFunction: String, Sendable, Hashable, CaseIterable {
    case sin, cos, tan, sec, csc, cot, arcsin, arccos, arctan, sinh, cosh, tanh, exp

    /// The inverse function, for `\sin^{-1}`.
    var inverse: MathFunction? {
        switch self {
        case .sin: .arcsin
        case .cos: .arccos
        case .tan: .arctan
        default: nil
        }
    }
}

/// An arithmetic expression parsed from an answer's LaTeX.
///
/// Subtraction is a ``sum(_:)`` with a ``negation(_:)``; `a \pm b` is kept as ``plusMinus(_:_:)``
/// until ``alternatives`` expands it into the two answers it stands for.
indirect enum MathExpression: Sendable, Hashable {
    case number(NumberLiteral)
    case symbol(String)
    case constant(MathConstant)
    case sum([MathExpression])
    case product([MathExpression])
    case negation(MathExpression)
    case quotient(MathExpression, MathExpression)
    case power(MathExpression, MathExpression)
    /// The `index`-th root (`\sqrt[3]{x}`); a real odd root of a negative number is real.
    case root(MathExpression, index: MathExpression)
    case function(MathFunction, MathExpression)
    /// `\log_b x`; `nil` base is the natural logarithm (`\ln`, and `\log` without a base).
    case logarithm(MathExpression, base: MathExpression?)
    case factorial(MathExpression)
    case absoluteValue(MathExpression)
    case floor(MathExpression)
    case ceiling(MathExpression)
    case binomial(MathExpression, MathExpression)
    case matrix([[MathExpression]])
    /// `a \pm b` (or `\pm b` with no left side).
    case plusMinus(MathExpression?, MathExpression)

    static func integer(_ value: Int) -> MathExpression { .number(NumberLiteral(value)) }

    /// The direct children, in order.
    var children: [MathExpression] {
        switch self {
        case .number, .symbol, .constant: []
        case .sum(let terms), .product(let terms): terms
        case .negation(let x), .function(_, let x), .factorial(let x), .absoluteValue(let x), .floor(let x),
             .ceiling(let x): [x]
        case .quotient(let a, let b), .power(let a, let b), .binomial(let a, let b): [a, b]
        case .root(let x, let index): [x, index]
        case .logarithm(let x, let base): [x] + (base.map { [$0] } ?? [])
        case .matrix(let rows): rows.flatMap { $0 }
        case .plusMinus(let a, let b): (a.map { [$0] } ?? []) + [b]
        }
    }

    /// The variables the expression uses, e.g. `{x, y}` for `2x + y`.
    var freeSymbols: Set<String> {
        if case .symbol(let name) = self { return [name] }
        return children.reduce(into: Set<String>()) { $0.formUnion($1.freeSymbols) }
    }

    var containsPlusMinus: Bool {
        if case .plusMinus = self { return true }
        return children.contains { $0.containsPlusMinus }
    }

    var isMatrixLiteral: Bool {
        if case .matrix = self { return true }
        return false
    }

    /// A number written with decimals (`0.33`, `-2.5`): its literal and sign, else `nil`.
    var writtenDecimal: (literal: NumberLiteral, negative: Bool)? {
        switch self {
        case .number(let literal) where literal.decimalPlaces > 0: (literal, false)
        case .negation(.number(let literal)) where literal.decimalPlaces > 0: (literal, true)
        default: nil
        }
    }

    /// The expressions `self` stands for once every `\pm` is read both ways: `1 \pm \sqrt{19}`
    /// gives `1 + \sqrt{19}` and `1 - \sqrt{19}`. At most `limit` results (then `nil`).
    func alternatives(limit: Int = 8) -> [MathExpression]? {
        guard containsPlusMinus else { return [self] }
        switch self {
        case .plusMinus(let left, let right):
            var lefts: [MathExpression?] = [nil]
            if let left {
                guard let options = left.alternatives(limit: limit) else { return nil }
                lefts = options
            }
            guard let rights = right.alternatives(limit: limit) else { return nil }
            var results: [MathExpression] = []
            for l in lefts {
                for r in rights {
                    if let l {
                        results.append(.sum([l, r]))
                        results.append(.sum([l, .negation(r)]))
                    } else {
                        results.append(r)
                        results.append(.negation(r))
                    }
                }
            }
            return results.count <= limit ? results : nil
        default:
            var combinations: [[MathExpression]] = [[]]
            for child in children {
                guard let options = child.alternatives(limit: limit) else { return nil }
                combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
                guard combinations.count <= limit else { return nil }
            }
            return combinations.map { rebuilt(children: $0) }
        }
    }

    /// The same node with new children (in ``children`` order).
    func rebuilt(children new: [MathExpression]) -> MathExpression {
        switch self {
        case .number, .symbol, .constant: self
        case .sum: .sum(new)
        case .product: .product(new)
        case .negation: .negation(new[0])
        case .function(let f, _): .function(f, new[0])
        case .factorial: .factorial(new[0])
        case .absoluteValue: .absoluteValue(new[0])
        case .floor: .floor(new[0])
        case .ceiling: .ceiling(new[0])
        case .quotient: .quotient(new[0], new[1])
        case .power: .power(new[0], new[1])
        case .binomial: .binomial(new[0], new[1])
        case .root: .root(new[0], index: new[1])
        case .logarithm(_, let base): .logarithm(new[0], base: base == nil ? nil : new[1])
        case .matrix(let rows):
            Self.matrix(rows.indices.map { r in
                let start = rows[..<r].reduce(0) { $0 + $1.count }
                return Array(new[start..<(start + rows[r].count)])
            })
        case .plusMinus(let left, _): .plusMinus(left == nil ? nil : new[0], new[new.count - 1])
        }
    }
}
