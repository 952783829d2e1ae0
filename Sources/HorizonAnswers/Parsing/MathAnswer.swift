/// The structure of a parsed answer: a value, or a tuple, interval, set, relation, ...
///
/// Structures decide how ``AnswerEquivalence`` compares: tuples in order, sets in any order,
/// intervals with their bracket kinds, relations up to scaling.
indirect enum MathAnswer: Sendable, Hashable {
    /// A number, expression or matrix.
    case expression(MathExpression)
    /// Words (`\text{Evelyn}`), compared case-insensitively as normalised text.
    case text(String)
    /// `(a, b, c)`: ordered. A 2-tuple is also read as an open interval when compared with one.
    case tuple([MathAnswer])
    case interval(MathInterval)
    /// `\{a, b\}`: unordered.
    case set([MathAnswer])
    /// A bare comma list `a, b`: unordered against a set or list, ordered against a tuple.
    case list([MathAnswer])
    /// `A \cup B \cup ...`: unordered parts.
    case union([MathAnswer])
    case relation(MathRelation)
    /// `x \in D`.
    case membership(element: MathExpression, domain: MathAnswer)

    var expression: MathExpression? {
        if case .expression(let e) = self { return e }
        return nil
    }

    var isRelation: Bool {
        if case .relation = self { return true }
        return false
    }

    /// A text `H:MM` (how the tokenizer reads a clock time) as the ratio H/MM.
    var clockTimeAsRatio: MathAnswer? {
        guard case .text(let text) = self else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hours = NumberLiteral(integerDigits: String(parts[0]), fractionDigits: ""),
              let minutes = NumberLiteral(integerDigits: String(parts[1]), fractionDigits: ""),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return .expression(.quotient(.number(hours), .number(minutes)))
    }

    /// Whether some fraction of two integers in the answer is not in lowest terms (`\frac{2}{4}`,
    /// `6/3`).
    var containsUnreducedFraction: Bool {
        switch self {
        case .expression(let e): e.containsUnreducedFraction
        case .text: false
        case .tuple(let items), .set(let items), .list(let items), .union(let items): items.contains { $0.containsUnreducedFraction }
        case .interval(let interval): interval.lower.containsUnreducedFraction || interval.upper.containsUnreducedFraction
        case .relation(let relation): relation.sides.contains { $0.containsUnreducedFraction }
        case .membership(let element, let domain): element.containsUnreducedFraction || domain.containsUnreducedFraction
        }
    }
}

/// An interval with its bracket kinds: `[0, 1)` is closed below and open above.
struct MathInterval: Sendable, Hashable {
    var lower: MathExpression
    var upper: MathExpression
    var lowerClosed: Bool
    var upperClosed: Bool
}

/// A chain of relations `s0 op0 s1 op1 s2 ...` (`-2 \le x \le 7` has two operators).
struct MathRelation: Sendable, Hashable {
    var sides: [MathAnswer]
    var operators: [RelationOperator]

    /// A single `name = value` (or `name ≈ value`) whose left side names a quantity (`x`,
    /// `f(x)`, `|AB|`, `V_1:V_2`, `\Delta p`, `(p,q,r)`): an assignment, which counts as its
    /// value when compared with a bare value.
    var assignedValue: MathAnswer? {
        guard operators == [.equal] || operators == [.approximately], Self.isName(sides[0]) else { return nil }
        return sides[1]
    }

    /// The assigned name when it is a single variable (`x`, `k`, `x_1`).
    var assignedVariable: String? {
        guard assignedValue != nil, case .expression(.symbol(let name)) = sides[0] else { return nil }
        return name
    }

    /// Whether the assignment is to a one-letter variable without subscript (`x = 5`).
    var assignsOneLetter: Bool { assignedVariable.map { $0.unicodeScalars.count == 1 } ?? false }

    static func isName(_ side: MathAnswer) -> Bool {
        switch side {
        case .expression(let e): e.namesQuantity
        case .tuple(let items): items.allSatisfy(isName)
        case .text: true
        default: false
        }
    }
}

extension MathExpression {
    var containsUnreducedFraction: Bool {
        if case .quotient(.number(let top), .number(let bottom)) = self, top.decimalPlaces == 0, bottom.decimalPlaces == 0,
           let a = top.exact?.numerator, let b = bottom.exact?.numerator, b != 0 {
            return b == 1 || BoundedRational.greatestCommonDivisor(a.magnitude, b.magnitude) > 1
        }
        return children.contains { $0.containsUnreducedFraction }
    }

    /// Whether the expression reads as the name of a quantity rather than a formula: variables
    /// combined without numbers (`AB`, `\Delta p`, `|AB|`, `V_1/V_2`, `a+b`), or a one-letter
    /// function applied to something (`f(x)`, `P(2)`, `\sin A`).
    var namesQuantity: Bool {
        switch self {
        case .symbol: true
        case .product(let factors):
            if factors.count == 2, case .symbol(let name) = factors[0], name.unicodeScalars.count == 1 { true }
            else { factors.allSatisfy(\.namesQuantity) }
        case .sum(let terms): terms.allSatisfy(\.namesQuantity)
        case .absoluteValue(let x), .function(_, let x): x.namesQuantity
        case .quotient(let a, let b): a.namesQuantity && b.namesQuantity
        default: false
        }
    }
}

enum RelationOperator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "≠"
    case less = "<"
    case lessOrEqual = "≤"
    case greater = ">"
    case greaterOrEqual = "≥"
    case approximately = "≈"

    /// The same relation read right to left (`a < b` is `b > a`).
    var flipped: RelationOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }

    var isOrder: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    var isStrict: Bool { self == .less || self == .greater }
}
