/// How a batch of pairs graded, and how the verdicts compare with the pairs' `expected` labels.
public struct GradingSummary: Sendable, Hashable {
    public var pairs: Int
    public var equivalent: Int
    /// Pairs that carry an `expected` label.
    public var labelled: Int
    /// Labelled pairs whose verdict matches the label.
    public var agreed: Int
    /// The labelled pairs whose verdict differs from the label, in input order.
    public var disagreements: [GradedPair]

    /// - Complexity: O(n).
    public init(_ graded: [GradedPair]) {
        pairs = graded.count
        equivalent = graded.count { $0.verdict.equivalent }
        labelled = graded.count { $0.pair.expected != nil }
        agreed = graded.count { $0.agreesWithLabel == true }
        disagreements = graded.filter { $0.agreesWithLabel == false }
    }

    /// The share of labelled pairs graded as labelled; `nil` without labels.
    public var agreement: Double? { labelled > 0 ? Double(agreed) / Double(labelled) : nil }
}
