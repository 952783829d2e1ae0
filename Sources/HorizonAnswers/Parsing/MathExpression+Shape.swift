/// Whether a value is a number or a matrix of a given size.
enum ValueShape: Sendable, Hashable {
    case scalar
    case matrix(rows: Int, columns: Int)
}

extension MathExpression {
    /// The shape of the expression's value and an upper bound on the scalar operations its
    /// evaluation takes, found without evaluating; `nil` when the shapes cannot combine
    /// (adding a 2×2 matrix to a number, multiplying 2×3 by 2×3, a function of a matrix).
    ///
    /// Lets the comparison reject a matrix against a number at once, and refuse expressions
    /// whose evaluation would exceed its operation budget (a 20×20 matrix to the 16th power).
    /// - Complexity: O(nodes).
    var shapeAndCost: (shape: ValueShape, cost: Int)? {
        switch self {
        case .number, .symbol, .constant:
            return (.scalar, 1)
        case .matrix(let rows):
            var cost = 0
            for cell in rows.joined() {
                guard let (shape, cellCost) = cell.shapeAndCost, shape == .scalar else { return nil }
                cost += cellCost
            }
            return (.matrix(rows: rows.count, columns: rows[0].count), cost)
        case .sum(let terms):
            guard let first = terms.first?.shapeAndCost else { return nil }
            var cost = first.cost
            for term in terms.dropFirst() {
                guard let (shape, termCost) = term.shapeAndCost, shape == first.shape else { return nil }
                cost += termCost + first.shape.cellCount
            }
            return (first.shape, cost)
        case .product(let factors):
            guard var (shape, cost) = factors.first?.shapeAndCost else { return nil }
            for factor in factors.dropFirst() {
                guard let (next, factorCost) = factor.shapeAndCost else { return nil }
                switch (shape, next) {
                case (.scalar, _), (_, .scalar):
                    shape = shape == .scalar ? next : shape
                    cost += factorCost + shape.cellCount
                case (.matrix(let r1, let c1), .matrix(let r2, let c2)):
                    guard c1 == r2 else { return nil }
                    shape = .matrix(rows: r1, columns: c2)
                    cost += factorCost + r1 * c1 * c2
                }
            }
            return (shape, cost)
        case .negation(let x):
            guard let (shape, cost) = x.shapeAndCost else { return nil }
            return (shape, cost + shape.cellCount)
        case .quotient(let a, let b):
            guard let (shape, cost) = a.shapeAndCost, let (divisor, divisorCost) = b.shapeAndCost, divisor == .scalar
            else { return nil }
            return (shape, cost + divisorCost + shape.cellCount)
        case .power(let base, let exponent):
            guard let (shape, cost) = base.shapeAndCost, let (exponentShape, exponentCost) = exponent.shapeAndCost,
                  exponentShape == .scalar else { return nil }
            guard case .matrix(let rows, let columns) = shape else { return (.scalar, cost + exponentCost + 64) }
            // Matrix powers are evaluated for 1...16 only: at most 15 products.
            guard rows == columns else { return nil }
            return (shape, cost + exponentCost + 15 * rows * rows * rows)
        default:
            var cost = 0
            for child in children {
                guard let (shape, childCost) = child.shapeAndCost, shape == .scalar else { return nil }
                cost += childCost
            }
            return (.scalar, cost + 64)
        }
    }
}

extension ValueShape {
    var cellCount: Int {
        switch self {
        case .scalar: 1
        case .matrix(let rows, let columns): rows * columns
        }
    }
}
