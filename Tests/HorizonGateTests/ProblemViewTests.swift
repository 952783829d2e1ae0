import HorizonGate
import HorizonStability
import Testing

@Suite struct ProblemViewTests {
    private func problem(_ id: String, bf: Double? = nil, agreement: Double? = nil) -> BaselineProblem {
        BaselineProblem(problemID: id, samples: 8, bf: bf, agreement: agreement)
    }

    @Test func agreementDropsAreRankedByHowFarTheyFell() {
        let baseline = [problem("a", agreement: 0.9), problem("b", agreement: 0.8), problem("c", agreement: 0.7),
                        problem("d", agreement: 0.5), problem("e", agreement: 0.6)]
        let current = [problem("a", agreement: 0.8), problem("b", agreement: 0.4), problem("c", agreement: 0.9),
                       problem("d", agreement: 0.25), problem("e", agreement: 0.6)]
        let view = ProblemView.compare(baseline: baseline, current: current, top: 10)
        // Drops: b 0.4, d 0.25, a 0.1; c rose and e stayed, so they are not listed.
        #expect(view.agreementDrops.map(\.problemID) == ["b", "d", "a"])
        #expect(view.agreementDropCount == 3)
        #expect(abs(view.agreementDrops[0].change - -0.4) < 1e-12)
        #expect(view.matched == 5)
    }

    @Test func bfRisesAreRankedByRelativeRise() {
        // a: 1.0 → 1.5 (+50%, +0.5); b: 3.0 → 4.0 (+33%, +1.0); c: 2.0 → 2.2 (+10%).
        let baseline = [problem("a", bf: 1.0), problem("b", bf: 3.0), problem("c", bf: 2.0), problem("d", bf: 1.5)]
        let current = [problem("a", bf: 1.5), problem("b", bf: 4.0), problem("c", bf: 2.2), problem("d", bf: 1.2)]
        let view = ProblemView.compare(baseline: baseline, current: current, top: 10)
        #expect(view.bfRises.map(\.problemID) == ["a", "b", "c"])
        #expect(abs(view.bfRises[0].relativeChange! - 0.5) < 1e-12)
        #expect(abs(view.bfRises[1].relativeChange! - 1.0 / 3.0) < 1e-12)
    }

    @Test func listsAreCappedAfterRanking() {
        let baseline = (0..<30).map { problem("p\($0)", bf: 1.0, agreement: 1.0) }
        let current = (0..<30).map { problem("p\($0)", bf: 1.0 + Double($0) / 100, agreement: 1.0 - Double($0) / 100) }
        let view = ProblemView.compare(baseline: baseline, current: current, top: 3)
        #expect(view.agreementDrops.map(\.problemID) == ["p29", "p28", "p27"])
        #expect(view.bfRises.map(\.problemID) == ["p29", "p28", "p27"])
        #expect(view.agreementDropCount == 29)
        #expect(view.bfRiseCount == 29)
        #expect(view.top == 3)

        for top in [0, -1] {
            let none = ProblemView.compare(baseline: baseline, current: current, top: top)
            #expect(none.agreementDrops.isEmpty && none.bfRises.isEmpty)
            #expect(none.agreementDropCount == 29)
        }
    }

    @Test func equalMovesAreOrderedByProblemID() {
        let baseline = ["zeta", "alpha", "mid"].map { problem($0, agreement: 0.8) }
        let current = ["zeta", "alpha", "mid"].map { problem($0, agreement: 0.6) }
        let view = ProblemView.compare(baseline: baseline, current: current, top: 10)
        #expect(view.agreementDrops.map(\.problemID) == ["alpha", "mid", "zeta"])
    }

    @Test func problemsAreMatchedByIDAndTheUnmatchedAreNoted() {
        let baseline = [problem("shared", agreement: 0.9), problem("gone-2", agreement: 0.1), problem("gone-1", agreement: 0.1)]
        let current = [problem("new-b", agreement: 0.0), problem("shared", agreement: 0.5), problem("new-a", agreement: 0.0)]
        let view = ProblemView.compare(baseline: baseline, current: current, top: 10)
        #expect(view.matched == 1)
        #expect(view.agreementDrops.map(\.problemID) == ["shared"])
        #expect(view.newProblems == ["new-a", "new-b"])
        #expect(view.missingProblems == ["gone-1", "gone-2"])
    }

    @Test func aProblemWithoutTheMetricOnEitherSideIsNotRanked() {
        let baseline = [problem("a", bf: nil, agreement: 0.9), problem("b", bf: 1.0, agreement: nil)]
        let current = [problem("a", bf: 2.0, agreement: 0.5), problem("b", bf: nil, agreement: 0.1)]
        let view = ProblemView.compare(baseline: baseline, current: current, top: 10)
        #expect(view.agreementDrops.map(\.problemID) == ["a"])
        #expect(view.bfRises.isEmpty)
    }

    @Test func theCheckUsesTheOptionsTopAndTheAnalysisProblems() throws {
        let baseline = try Baseline.make(from: GateFixtures.reference())
        var current = GateFixtures.reference()
        current.problems = [
            GateFixtures.problem("p1", bf: 1.8, agreement: 0.3),   // agreement −0.6, BF +50%
            GateFixtures.problem("p2", bf: 1.3, agreement: 0.5),   // agreement −0.1
            GateFixtures.problem("p4", bf: 1.0, agreement: 1.0),   // new
        ]
        let result = try Gate.check(baseline: baseline, analysis: current, options: GateOptions(top: 1))
        #expect(result.problems.agreementDrops.map(\.problemID) == ["p1"])
        #expect(result.problems.agreementDropCount == 2)
        #expect(result.problems.bfRises.map(\.problemID) == ["p1"])
        #expect(result.problems.newProblems == ["p4"])
        #expect(result.problems.missingProblems == ["p3"])
    }
}
