/// The Branching Factor of a set of problems (a task or benchmark): the mean over problems of
/// each problem's Branching Factor, every one already exponentiated, as in the paper's task-level
/// numbers.
///
/// ```swift
/// let set = SetBranchingFactor(problems: perProblem)
/// print(set?.value ?? .nan)
/// ```
public struct SetBranchingFactor: Sendable, Equatable, Codable {
    /// Mean of the problems' ``ProblemBranchingFactor/value``.
    public var value: Double
    /// Mean of the problems' ``ProblemBranchingFactor/perplexityStyle``.
    public var perplexityStyle: Double
    /// How many problems were averaged.
    public var problemCount: Int
    /// How many problems used the NLL estimator (the rest used entropy); under
    /// ``BranchingFactorEstimator/auto`` a set can mix both.
    public var nllProblemCount: Int

    public init(value: Double, perplexityStyle: Double, problemCount: Int, nllProblemCount: Int) {
        self.value = value
        self.perplexityStyle = perplexityStyle
        self.problemCount = problemCount
        self.nllProblemCount = nllProblemCount
    }

    /// Averages per-problem Branching Factors.
    ///
    /// - Parameter problems: One estimate per problem.
    /// - Returns: `nil` for no problems.
    /// - Complexity: O(n).
    public init?(problems: [ProblemBranchingFactor]) {
        guard !problems.isEmpty else { return nil }
        let count = Double(problems.count)
        self.init(
            value: problems.reduce(0) { $0 + $1.value } / count,
            perplexityStyle: problems.reduce(0) { $0 + $1.perplexityStyle } / count,
            problemCount: problems.count,
            nllProblemCount: problems.count { $0.estimator == .nll }
        )
    }
}
