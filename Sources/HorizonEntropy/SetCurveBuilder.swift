/// Averages per-problem ``PositionCurve``s into a set-level curve, a problem at a time.
///
/// Each point is the mean over the problems whose curve has a finite value there (NumPy's
/// `nanmean`); its count is the number of such problems. Builders merge, so problems can be
/// processed in any grouping.
///
/// ```swift
/// var set = SetCurveBuilder()
/// for problem in problems { set.add(problem.windowed.curve()) }
/// let plotted = try set.curve().smoothed()
/// ```
public struct SetCurveBuilder: Sendable, Equatable, Codable {
    private var positions: [Int] = []
    private var sums: [Double] = []
    private var counts: [Int] = []

    public init() {}

    /// Adds one problem's curve. Points are matched by index.
    ///
    /// - Precondition: All curves added are of one kind (same window length), so that the same
    ///   index means the same position.
    /// - Complexity: O(points).
    public mutating func add(_ curve: PositionCurve) {
        merge(positions: curve.positions, sums: curve.values.map { $0.isFinite ? $0 : 0 }, counts: curve.values.map { $0.isFinite ? 1 : 0 })
    }

    /// Adds the problems another builder has seen.
    public mutating func merge(_ other: SetCurveBuilder) {
        merge(positions: other.positions, sums: other.sums, counts: other.counts)
    }

    private mutating func merge(positions otherPositions: [Int], sums otherSums: [Double], counts otherCounts: [Int]) {
        for index in otherPositions.indices {
            if index < positions.count {
                precondition(positions[index] == otherPositions[index], "curves of different kinds: position \(positions[index]) vs \(otherPositions[index])")
                sums[index] += otherSums[index]
                counts[index] += otherCounts[index]
            } else {
                positions.append(otherPositions[index])
                sums.append(otherSums[index])
                counts.append(otherCounts[index])
            }
        }
    }

    /// The set-level curve.
    ///
    /// - Parameter minimumProblems: Points averaging fewer problems are left out (at least 1).
    /// - Returns: The mean Branching Factor per point, with the number of problems averaged.
    public func curve(minimumProblems: Int = 1) -> PositionCurve {
        let kept = counts.indices.filter { counts[$0] >= max(1, minimumProblems) }
        return PositionCurve(
            positions: kept.map { positions[$0] },
            values: kept.map { sums[$0] / Double(counts[$0]) },
            counts: kept.map { counts[$0] }
        )
    }
}
