extension AnswerComparer {
    /// Compares relation chains link by link, also against the other chain read backwards
    /// (`a < x < b` is `b > x > a`).
    func compareRelations(_ a: MathRelation, _ b: MathRelation) -> Reason {
        guard a.operators.count == b.operators.count else { return .differentStructure }
        let forward = compareLinks(a, b)
        if forward.isEquivalent || a.operators.count == 1 { return forward }
        let reversed = MathRelation(sides: b.sides.reversed(), operators: b.operators.reversed().map(\.flipped))
        let backward = compareLinks(a, reversed)
        return backward.isEquivalent ? backward : forward
    }

    func compareLinks(_ a: MathRelation, _ b: MathRelation) -> Reason {
        var result = Reason.equivalentEquation
        for index in a.operators.indices {
            let reason = compareRelation(
                a.sides[index], a.operators[index], a.sides[index + 1],
                b.sides[index], b.operators[index], b.sides[index + 1])
            if !reason.isEquivalent { return reason }
            if reason == .equivalentInequality { result = reason }
        }
        return result
    }

    /// One relation against another. Both are turned into `d op 0` with `d = left - right` and
    /// `op` one of `=`, `≠`, `≈`, `<`, `≤` (a `>` or `≥` swaps its sides); they are equivalent
    /// when the operators match and one `d` is a constant multiple of the other: any nonzero
    /// multiple for `=`, `≠`, `≈`, a positive one for orders.
    func compareRelation(
        _ left: MathAnswer, _ op: RelationOperator, _ right: MathAnswer,
        _ otherLeft: MathAnswer, _ otherOp: RelationOperator, _ otherRight: MathAnswer
    ) -> Reason {
        let (l1, o1, r1) = op == .greater || op == .greaterOrEqual ? (right, op.flipped, left) : (left, op, right)
        let (l2, o2, r2) = otherOp == .greater || otherOp == .greaterOrEqual
            ? (otherRight, otherOp.flipped, otherLeft) : (otherLeft, otherOp, otherRight)
        guard o1 == o2 else { return .differentValue }
        guard let a = l1.expression, let b = r1.expression, let c = l2.expression, let d = r2.expression else {
            // Relations between structures (`(p,q) = (1,2)`): compare the sides in place.
            let sides = compareOrdered([l1, r1], [l2, r2])
            return sides.isEquivalent ? .equivalentEquation : sides
        }
        let difference = MathExpression.sum([a, .negation(b)])
        let otherDifference = MathExpression.sum([c, .negation(d)])
        guard let factor = proportionality(difference, otherDifference) else { return .differentValue }
        if o1.isOrder {
            guard let positive = factor, positive > 0 else { return .differentValue }
            return .equivalentInequality
        }
        return .equivalentEquation
    }

    /// Whether `x = k · y` for one constant `k ≠ 0`, checked at seeded random points. Returns
    /// `.some(k)` with the real factor (`nil` inside when it is complex), or `nil` when the two
    /// are not proportional.
    func proportionality(_ x: MathExpression, _ y: MathExpression) -> Double?? {
        let symbols = Array(x.freeSymbols.union(y.freeSymbols))
        let count = max(options.symbolicPointCount, 2) + 1
        let points = symbols.isEmpty ? [[:]] : EvaluationPoints.make(symbols: symbols, count: count, seed: options.seed)
        var factor: ScalarValue?
        var pairs: [(ScalarValue, ScalarValue)] = []
        for point in points {
            let evaluator = ExpressionEvaluator(limits: options.limits, variables: point)
            do {
                guard case .scalar(let u) = try evaluator.evaluate(x), case .scalar(let v) = try evaluator.evaluate(y) else {
                    return nil
                }
                pairs.append((u, v))
                if factor == nil, !agree(v, .zero) { factor = try Arithmetic.divide(u, v) }
            } catch {
                if error.reason == .undefinedValue { continue }
                return nil
            }
        }
        guard !pairs.isEmpty else { return nil }
        guard let k = factor else {
            // `y` vanishes everywhere: proportional only if `x` does too.
            return pairs.allSatisfy({ agree($0.0, .zero) }) ? .some(1) : nil
        }
        guard !agree(k, .zero) else { return nil }
        for (u, v) in pairs {
            guard let scaled = try? Arithmetic.multiply(k, v), agree(u, scaled) else { return nil }
        }
        return .some(k.approximate.isReal ? k.approximate.re : nil)
    }

    /// Compares answers that describe a set of values of one variable: `x \in D`, an interval,
    /// a union, or inequalities (`-2 \le x \le 7`, `x > 5`). `nil` when a side is none of these.
    func compareDomains(_ reference: MathAnswer, _ candidate: MathAnswer) -> Reason? {
        guard let a = domain(of: reference), let b = domain(of: candidate) else { return nil }
        if let x = a.variable, let y = b.variable, x != y { return .differentValue }
        let reason = compare(a.domain, b.domain)
        return reason.isEquivalent ? .sameInterval : reason
    }

    /// The variable (if named) and the set an answer describes.
    func domain(of answer: MathAnswer) -> (variable: String?, domain: MathAnswer)? {
        switch answer {
        case .membership(.symbol(let name), let domain): return (name, domain)
        case .interval, .union, .set: return (nil, answer)
        case .tuple(let pair):
            // `(5, \infty)` against inequalities is the open interval.
            return MathInterval(pairAsOpenInterval: pair).map { (nil, .interval($0)) }
        case .relation(let relation): return intervalForm(of: relation)
        case .list(let items):
            // `x < -1 or x > 2` (the normaliser makes "or" a comma): the union of the parts,
            // when every part is a range of the same variable.
            var parts: [MathAnswer] = []
            var variable: String?
            for item in items {
                guard case .relation = item, let (name, part) = domain(of: item), let name,
                      variable == nil || variable == name else { return nil }
                variable = name
                parts.append(part)
            }
            if parts.count == 2, let overlap = overlap(of: parts[0], parts[1]) { return (variable, overlap) }
            return (variable, .union(parts.flatMap { if case .union(let inner) = $0 { inner } else { [$0] } }))
        default: return nil
        }
    }

    /// Two half-lines that overlap (`x > 1`, `x < 3`) were joined by "and" (the normaliser made
    /// it a comma): their intersection, `(1, 3)`. Joined by "or" they would cover every number,
    /// which nobody writes that way; half-lines that do not overlap (`x < -1`, `x > 2`) stay a
    /// union. `nil` unless both parts are half-lines pointing towards each other.
    func overlap(of first: MathAnswer, _ second: MathAnswer) -> MathAnswer? {
        let infinity = MathExpression.constant(.infinity)
        guard case .interval(let a) = first, case .interval(let b) = second else { return nil }
        let (below, above): (MathInterval, MathInterval)
        if a.lower == .negation(infinity), b.upper == infinity {
            (below, above) = (a, b)
        } else if b.lower == .negation(infinity), a.upper == infinity {
            (below, above) = (b, a)
        } else {
            return nil
        }
        let evaluator = ExpressionEvaluator(limits: options.limits, variables: [:])
        guard case .scalar(let low)? = try? evaluator.evaluate(above.lower),
              case .scalar(let high)? = try? evaluator.evaluate(below.upper),
              low.approximate.isReal, high.approximate.isReal, low.approximate.re < high.approximate.re else { return nil }
        return .interval(MathInterval(lower: above.lower, upper: below.upper, lowerClosed: above.lowerClosed, upperClosed: below.upperClosed))
    }

    /// `a op x op b` (ops both `<`/`≤` or both `>`/`≥`) or `x op a` / `a op x` as an interval of
    /// the symbol `x`, when the bounds are constants.
    func intervalForm(of relation: MathRelation) -> (variable: String?, domain: MathAnswer)? {
        let isConstant = { (side: MathAnswer) -> MathExpression? in
            guard let e = side.expression, e.freeSymbols.isEmpty else { return nil }
            return e
        }
        let infinity = MathExpression.constant(.infinity)
        switch relation.operators.count {
        case 1:
            let op = relation.operators[0]
            if op == .notEqual, case .expression(.symbol(let name)) = relation.sides[0],
               let point = isConstant(relation.sides[1]) {
                // `x \ne 3` is everything but a point: (-∞, 3) ∪ (3, ∞).
                return (name, .union([
                    .interval(MathInterval(lower: .negation(infinity), upper: point, lowerClosed: false, upperClosed: false)),
                    .interval(MathInterval(lower: point, upper: infinity, lowerClosed: false, upperClosed: false)),
                ]))
            }
            guard op.isOrder else { return nil }
            if case .expression(.absoluteValue(.symbol(let name))) = relation.sides[0], let bound = isConstant(relation.sides[1]) {
                // `|x| < a` is (-a, a); `|x| > a` is (-∞, -a) ∪ (a, ∞).
                if op == .less || op == .lessOrEqual {
                    return intervalForm(of: MathRelation(
                        sides: [.expression(.negation(bound)), .expression(.symbol(name)), .expression(bound)], operators: [op, op]))
                }
                let closed = op == .greaterOrEqual
                return (name, .union([
                    .interval(MathInterval(lower: .negation(infinity), upper: .negation(bound), lowerClosed: false, upperClosed: closed)),
                    .interval(MathInterval(lower: bound, upper: infinity, lowerClosed: closed, upperClosed: false)),
                ]))
            }
            if case .expression(.symbol(let name)) = relation.sides[0], let bound = isConstant(relation.sides[1]) {
                let below = op == .less || op == .lessOrEqual
                return (name, .interval(below
                    ? MathInterval(lower: .negation(infinity), upper: bound, lowerClosed: false, upperClosed: !op.isStrict)
                    : MathInterval(lower: bound, upper: infinity, lowerClosed: !op.isStrict, upperClosed: false)))
            }
            if case .expression(.symbol) = relation.sides[1], isConstant(relation.sides[0]) != nil {
                return intervalForm(of: MathRelation(sides: relation.sides.reversed(), operators: [op.flipped]))
            }
            return nil
        case 2:
            var ops = relation.operators
            var sides = relation.sides
            if ops.allSatisfy({ $0 == .greater || $0 == .greaterOrEqual }) {
                ops = ops.reversed().map(\.flipped)
                sides.reverse()
            }
            guard ops.allSatisfy({ $0 == .less || $0 == .lessOrEqual }),
                  case .expression(.symbol(let name)) = sides[1],
                  let lower = isConstant(sides[0]), let upper = isConstant(sides[2]) else { return nil }
            return (name, .interval(MathInterval(
                lower: lower, upper: upper, lowerClosed: !ops[0].isStrict, upperClosed: !ops[1].isStrict)))
        default:
            return nil
        }
    }
}
