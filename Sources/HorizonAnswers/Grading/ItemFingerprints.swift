/// The values of a collection's plain expression items at shared random points, so that
/// matching items of two sets compares values rather than re-running full comparisons.
///
/// An item has a fingerprint when it is an expression without `\pm`, not a matrix literal, not
/// a written decimal (those follow the rounding rule) and defined at every point; for two such
/// items, "their values agree at every point" is exactly what ``AnswerComparer`` decides.
struct ItemFingerprints {
    let values: [[EvaluatedValue]?]
    let comparer: AnswerComparer

    init(_ items: [MathAnswer], comparer: AnswerComparer) {
        self.comparer = comparer
        let expressions = items.map { item -> MathExpression? in
            guard case .expression(let e) = item, !e.containsPlusMinus, !e.isMatrixLiteral, e.writtenDecimal == nil
            else { return nil }
            return e
        }
        let symbols = expressions.reduce(into: Set<String>()) { $0.formUnion($1?.freeSymbols ?? []) }
        let options = comparer.options
        let points = symbols.isEmpty
            ? [[:]] : EvaluationPoints.make(symbols: Array(symbols), count: max(options.symbolicPointCount, 1), seed: options.seed)
        let evaluators = points.map { ExpressionEvaluator(limits: options.limits, variables: $0) }
        values = expressions.map { expression in
            guard let expression else { return nil }
            var fingerprint: [EvaluatedValue] = []
            for evaluator in evaluators {
                guard let value = try? evaluator.evaluate(expression) else { return nil }
                fingerprint.append(value)
            }
            return fingerprint
        }
    }

    /// Whether items `i` and `j` agree, or `nil` when either lacks a fingerprint.
    func match(_ i: Int, _ j: Int) -> Bool? {
        guard let x = values[i], let y = values[j] else { return nil }
        return zip(x, y).allSatisfy { comparer.agree($0, $1) }
    }
}
