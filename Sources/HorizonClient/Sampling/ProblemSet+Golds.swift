extension ProblemSet {
    /// Gold answers by problem id, for joining traces that carry none.
    public var goldsByID: [String: String] {
        var golds: [String: String] = [:]
        for problem in problems {
            if let gold = problem.gold { golds[problem.id] = gold }
        }
        return golds
    }
}
