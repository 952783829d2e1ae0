/// Which problems got less stable: the largest agreement drops and Branching Factor rises among
/// problems present in both runs, plus the problems only one run has.
public struct ProblemView: Codable, Sendable, Equatable {
    /// The cap each list was cut to (`--top`).
    public var top: Int
    /// Problems present in both runs.
    public var matched: Int
    /// Problems whose agreement fell, largest absolute drop first (ties by problem id), at most
    /// ``top``.
    public var agreementDrops: [ProblemChange]
    /// How many matched problems' agreement fell, before the cap.
    public var agreementDropCount: Int
    /// Problems whose BF (whole output) rose, largest relative rise first (ties by problem id),
    /// at most ``top``. Relative, because problems differ in their BF level.
    public var bfRises: [ProblemChange]
    /// How many matched problems' BF rose, before the cap.
    public var bfRiseCount: Int
    /// Problems only in the current analysis, sorted.
    public var newProblems: [String]
    /// Problems only in the baseline, sorted.
    public var missingProblems: [String]

    enum CodingKeys: String, CodingKey {
        case top, matched, agreementDrops = "agreement_drops", agreementDropCount = "agreement_drop_count"
        case bfRises = "bf_rises", bfRiseCount = "bf_rise_count"
        case newProblems = "new_problems", missingProblems = "missing_problems"
    }

    public init(top: Int, matched: Int, agreementDrops: [ProblemChange], agreementDropCount: Int,
                bfRises: [ProblemChange], bfRiseCount: Int, newProblems: [String], missingProblems: [String]) {
        self.top = top
        self.matched = matched
        self.agreementDrops = agreementDrops
        self.agreementDropCount = agreementDropCount
        self.bfRises = bfRises
        self.bfRiseCount = bfRiseCount
        self.newProblems = newProblems
        self.missingProblems = missingProblems
    }

    /// Matches problems by `problem_id` and ranks the ones that got less stable.
    ///
    /// - Parameters:
    ///   - baseline: the baseline's per-problem values.
    ///   - current: the current run's, in the same shape (the first of a repeated id counts).
    ///   - top: the cap for each list; 0 (or less) gives empty lists.
    /// - Returns: the view; a problem that lacks the metric on either side is not ranked for it.
    /// - Complexity: O(p log p) in the number of problems.
    public static func compare(baseline: [BaselineProblem], current: [BaselineProblem], top: Int) -> ProblemView {
        let currentByID = Dictionary(current.map { ($0.problemID, $0) }, uniquingKeysWith: { first, _ in first })
        let baselineIDs = Set(baseline.map(\.problemID))
        var agreementDrops: [ProblemChange] = []
        var bfRises: [ProblemChange] = []
        var matched = 0
        for held in baseline {
            guard let now = currentByID[held.problemID] else { continue }
            matched += 1
            if let before = held.agreement, let after = now.agreement, after < before {
                agreementDrops.append(ProblemChange(problemID: held.problemID, baseline: before, current: after))
            }
            if let before = held.bf, let after = now.bf, after > before {
                bfRises.append(ProblemChange(problemID: held.problemID, baseline: before, current: after))
            }
        }
        // Rank by how much worse, largest first; equal moves keep a stable order by id.
        func ranked(_ changes: [ProblemChange], by worse: (ProblemChange) -> Double) -> [ProblemChange] {
            Array(changes.sorted { a, b in
                worse(a) != worse(b) ? worse(a) > worse(b) : a.problemID < b.problemID
            }.prefix(max(0, top)))
        }
        return ProblemView(
            top: top, matched: matched,
            agreementDrops: ranked(agreementDrops) { -$0.change }, agreementDropCount: agreementDrops.count,
            bfRises: ranked(bfRises) { $0.relativeChange ?? .infinity }, bfRiseCount: bfRises.count,
            newProblems: Set(currentByID.keys).subtracting(baselineIDs).sorted(),
            missingProblems: baselineIDs.subtracting(currentByID.keys).sorted())
    }
}
