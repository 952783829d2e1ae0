import Foundation

extension AnswerComparer {
    /// Compares two expressions: identical trees, then `\pm` expansions, matrix literals cell by
    /// cell, constants by value, and expressions with variables at random points.
    func compareExpressions(_ reference: MathExpression, _ candidate: MathExpression) -> Reason {
        if reference == candidate { return .sameExpression }
        if reference.containsPlusMinus || candidate.containsPlusMinus {
            guard let left = reference.alternatives(), let right = candidate.alternatives() else { return .beyondLimits }
            return compareUnordered(left.map { .expression($0) }, right.map { .expression($0) })
        }
        if case .matrix(let rows) = reference, case .matrix(let otherRows) = candidate {
            guard rows.count == otherRows.count, rows[0].count == otherRows[0].count else { return .differentStructure }
            for (cell, otherCell) in zip(rows.joined(), otherRows.joined()) {
                let reason = compareExpressions(cell, otherCell)
                if !reason.isEquivalent { return reason }
            }
            return .sameStructure
        }
        // Shapes and costs are known before evaluating: a matrix never equals a number, and
        // an evaluation over the operation budget is not attempted.
        guard let (referenceShape, referenceCost) = reference.shapeAndCost,
              let (candidateShape, candidateCost) = candidate.shapeAndCost else { return .differentStructure }
        guard referenceShape == candidateShape else { return .differentStructure }
        guard max(referenceCost, candidateCost) <= options.limits.maximumOperations else { return .beyondLimits }
        let symbols = reference.freeSymbols.union(candidate.freeSymbols)
        if symbols.isEmpty { return compareConstants(reference, candidate) }
        return compareAtRandomPoints(reference, candidate, symbols: symbols)
    }

    /// Limb operations the exact integer path may spend on one comparison (a few milliseconds
    /// at most; `\binom{1000}{500}` takes about a tenth of it).
    static let exactIntegerBudget = 4_000_000

    /// The reason an evaluation failure gives to the comparison.
    static func reason(for failure: AnswersError) -> Reason {
        switch failure.reason {
        case .beyondNumericRange: .beyondNumericRange
        case .undefinedValue: .undefinedValue
        default: .differentStructure
        }
    }

    func compareConstants(_ reference: MathExpression, _ candidate: MathExpression) -> Reason {
        // Integers past `Int` are exact too: floating point would call 2^64 and 2^64 + 1 equal.
        var budget = Self.exactIntegerBudget
        if let a = reference.exactInteger(budget: &budget), let b = candidate.exactInteger(budget: &budget) {
            return a == b ? .exactValue : .differentValue
        }
        let evaluator = ExpressionEvaluator(limits: options.limits, variables: [:])
        let referenceValue: EvaluatedValue
        let candidateValue: EvaluatedValue
        do {
            referenceValue = try evaluator.evaluate(reference)
            candidateValue = try evaluator.evaluate(candidate)
        } catch {
            return Self.reason(for: error)
        }
        switch (referenceValue, candidateValue) {
        case (.scalar(let r), .scalar(let c)):
            return compareScalars(r, c, referenceDecimal: reference.writtenDecimal, candidateDecimal: candidate.writtenDecimal)
        case (.matrix(let rows, let columns, let cells), .matrix(let otherRows, let otherColumns, let otherCells)):
            guard rows == otherRows, columns == otherColumns else { return .differentStructure }
            return zip(cells, otherCells).allSatisfy { agree($0, $1) } ? .sameStructure : .differentValue
        default:
            return .differentStructure
        }
    }

    /// The number rules: exact values, written decimals (rounding), floating-point tolerance.
    func compareScalars(
        _ r: ScalarValue, _ c: ScalarValue,
        referenceDecimal: (literal: NumberLiteral, negative: Bool)?,
        candidateDecimal: (literal: NumberLiteral, negative: Bool)?
    ) -> Reason {
        if let a = r.exact, let b = c.exact, a == b { return .exactValue }
        if !r.isFinite || !c.isFinite {
            let sameInfinity = !r.isFinite && !c.isFinite
                && r.approximate.re.sign == c.approximate.re.sign && r.approximate.im.sign == c.approximate.im.sign
            return sameInfinity ? .exactValue : .differentValue
        }
        if options.acceptsRoundedDecimals, r.approximate.isReal, c.approximate.isReal {
            if let candidateDecimal {
                if let referenceDecimal {
                    // Both written as decimals: a more precise candidate may round to the reference.
                    let places = referenceDecimal.literal.decimalPlaces
                    if candidateDecimal.literal.decimalPlaces > places, rounds(c, to: r, places: places) {
                        return .roundedDecimal
                    }
                } else if roundingApplies(to: r, decimal: candidateDecimal.literal),
                          rounds(r, to: c, places: candidateDecimal.literal.decimalPlaces) {
                    return .roundedDecimal
                }
            } else if let referenceDecimal, roundingApplies(to: c, decimal: referenceDecimal.literal),
                      rounds(c, to: r, places: referenceDecimal.literal.decimalPlaces) {
                return .roundedDecimal
            }
        }
        if r.exact != nil, c.exact != nil { return .differentValue }
        return agree(r, c) ? .numericTolerance : .differentValue
    }

    /// Rounding to a decimal's places is fair only against a value that has no exact decimal
    /// form of its own (an irrational or a repeating fraction), and for a decimal with enough
    /// significant digits.
    func roundingApplies(to value: ScalarValue, decimal: NumberLiteral) -> Bool {
        guard decimal.significantDigits >= options.minimumSignificantDigitsForRounding else { return false }
        return !(value.exactReal?.hasTerminatingDecimal ?? false)
    }

    /// Whether `value` rounded to `places` decimal places is `target`.
    func rounds(_ value: ScalarValue, to target: ScalarValue, places: Int) -> Bool {
        let halfUnit = 0.5 * Foundation.pow(10, -Double(places))
        let x = value.approximate.re
        let difference = abs(x - target.approximate.re)
        return difference <= halfUnit * (1 + 1e-9) + 1e-12 * max(1, abs(x))
    }

    /// Whether two scalars are equal: exactly when both are exact, else within the relative
    /// tolerance (with an absolute floor of 1e-12 for floating-point noise around zero).
    func agree(_ x: ScalarValue, _ y: ScalarValue) -> Bool {
        if let a = x.exact, let b = y.exact { return a == b }
        if !x.isFinite || !y.isFinite { return x.approximate == y.approximate }
        let difference = (x.approximate - y.approximate).magnitude
        let scale = max(x.approximate.magnitude, y.approximate.magnitude)
        return difference <= options.relativeTolerance * scale || scale <= 1e-12
    }

    func agree(_ x: EvaluatedValue, _ y: EvaluatedValue) -> Bool {
        switch (x, y) {
        case (.scalar(let a), .scalar(let b)): agree(a, b)
        case (.matrix(let r1, let c1, let a), .matrix(let r2, let c2, let b)):
            r1 == r2 && c1 == c2 && zip(a, b).allSatisfy { agree($0, $1) }
        default: false
        }
    }

    /// Evaluates both sides at seeded random points; equal when they agree at every point.
    /// Points where either side is undefined are skipped (up to twice the point count is tried).
    func compareAtRandomPoints(_ reference: MathExpression, _ candidate: MathExpression, symbols: Set<String>) -> Reason {
        let wanted = max(options.symbolicPointCount, 1)
        let points = EvaluationPoints.make(symbols: Array(symbols), count: 2 * wanted, seed: options.seed)
        var agreed = 0
        for point in points {
            let evaluator = ExpressionEvaluator(limits: options.limits, variables: point)
            let r: EvaluatedValue
            let c: EvaluatedValue
            do {
                r = try evaluator.evaluate(reference)
                c = try evaluator.evaluate(candidate)
            } catch {
                if error.reason == .undefinedValue { continue }
                return Self.reason(for: error)
            }
            guard agree(r, c) else {
                if case .scalar = r, case .scalar = c { return .differentValue }
                return .differentStructure
            }
            agreed += 1
            if agreed == wanted { return .symbolicAgreement }
        }
        return .undefinedValue
    }
}
