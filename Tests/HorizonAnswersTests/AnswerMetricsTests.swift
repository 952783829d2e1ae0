import Foundation
import HorizonAnswers
import Testing

struct AnswerMetricsTests {
    @Test func accuracyIsTheShareOfCorrectSamples() throws {
        #expect(try AnswerMetrics.accuracy([true, false, true, true]) == 0.75)
        #expect(throws: AnswersError.self) { try AnswerMetrics.accuracy([]) }
    }

    /// pass@k against 1 - C(n-c,k)/C(n,k) worked out by hand.
    static let passAtKCases: [(Int, Int, Int, Double)] = [
        (4, 1, 2, 0.5),          // 1 - 3/6
        (5, 2, 2, 0.7),          // 1 - 3/10
        (7, 3, 1, 3.0 / 7),      // k = 1 is c/n
        (10, 0, 5, 0.0),         // no correct sample
        (10, 7, 4, 1.0),         // n - c < k: every draw holds a correct one
        (6, 2, 3, 0.8),          // 1 - C(4,3)/C(6,3) = 1 - 4/20
    ]

    @Test(arguments: passAtKCases)
    func passAtK(n: Int, c: Int, k: Int, expected: Double) throws {
        #expect(abs(try AnswerMetrics.passAtK(sampleCount: n, correctCount: c, k: k) - expected) < 1e-12)
    }

    static let impossibleCounts: [(Int, Int, Int)] = [(4, 5, 1), (4, 1, 0), (4, 1, 5), (0, 0, 1), (4, -1, 1)]

    @Test(arguments: impossibleCounts)
    func passAtKRejectsImpossibleCounts(n: Int, c: Int, k: Int) {
        #expect { try AnswerMetrics.passAtK(sampleCount: n, correctCount: c, k: k) } throws: {
            ($0 as? AnswersError)?.reason == .invalidMetricArgument
        }
    }

    @Test func passAtKIsStableForLargeN() throws {
        #expect(abs(try AnswerMetrics.passAtK(sampleCount: 1000, correctCount: 1, k: 1) - 0.001) < 1e-15)
        // 1 - C(990, 50) / C(1000, 50) as a product of (990 - i) / (1000 - i), i < 50.
        let allWrong = (0..<50).reduce(1.0) { $0 * Double(990 - $1) / Double(1000 - $1) }
        let value = try AnswerMetrics.passAtK(sampleCount: 1000, correctCount: 10, k: 50)
        #expect(abs(value - (1 - allWrong)) < 1e-12)
    }

    static func votes(_ texts: [String?]) -> [ExtractedAnswer?] {
        texts.map { $0.map { ExtractedAnswer(text: $0, rule: .boxed) } }
    }

    @Test func majorityVoteBreaksTiesByWhoReachedTheCountFirst() throws {
        let reference = ExtractedAnswer(text: "B", rule: .wholeText)
        // A, B, B, A: both have 2 votes; B reached 2 at sample 2, A only at sample 3.
        let tied = try AnswerMetrics.majorityVote(Self.votes(["A", "B", "B", "A"]), k: 4, reference: reference)
        #expect(tied.winner?.representative?.text == "B")
        #expect(tied.tiedClusterCount == 2)
        #expect(tied.wasTied && tied.isCorrect)
        // A, B, A, B: A reaches 2 at sample 2 first.
        let other = try AnswerMetrics.majorityVote(Self.votes(["A", "B", "A", "B"]), k: 4, reference: reference)
        #expect(other.winner?.representative?.text == "A")
        #expect(!other.isCorrect)
    }

    @Test func majorityVoteUsesOnlyTheFirstKAndClustersEquivalentAnswers() throws {
        let reference = ExtractedAnswer(text: "\\frac{1}{2}", rule: .wholeText)
        let answers = Self.votes(["0.5", "3", "1/2", "3", "3", "3"])
        let firstThree = try AnswerMetrics.majorityVote(answers, k: 3, reference: reference)
        #expect(firstThree.winner?.members == [0, 2])
        #expect(firstThree.isCorrect && !firstThree.wasTied)
        let all = try AnswerMetrics.majorityVote(answers, k: 6, reference: reference)
        #expect(all.winner?.members == [1, 3, 4, 5])
        #expect(!all.isCorrect)
    }

    @Test func samplesWithoutAnAnswerDoNotVote() throws {
        let reference = ExtractedAnswer(text: "7", rule: .wholeText)
        let vote = try AnswerMetrics.majorityVote(Self.votes([nil, nil, "7"]), k: 3, reference: reference)
        #expect(vote.winner?.members == [2])
        #expect(vote.isCorrect)
        let none = try AnswerMetrics.majorityVote(Self.votes([nil, nil]), k: 2, reference: reference)
        #expect(none.winner == nil && !none.isCorrect && none.tiedClusterCount == 0)
        #expect(throws: AnswersError.self) { try AnswerMetrics.majorityVote(Self.votes(["1"]), k: 2, reference: reference) }
    }

    static func clusters(_ sizes: [Int], unanswered: Int = 0) -> [AnswerCluster] {
        var next = 0
        var clusters = sizes.map { size -> AnswerCluster in
            defer { next += size }
            return AnswerCluster(representative: ExtractedAnswer(text: "\(next)", rule: .boxed), members: Array(next..<(next + size)))
        }
        if unanswered > 0 { clusters.append(AnswerCluster(representative: nil, members: Array(next..<(next + unanswered)))) }
        return clusters
    }

    @Test func agreementIsTheModalShareOfAllSamples() throws {
        #expect(try AnswerMetrics.agreement(Self.clusters([3, 2], unanswered: 1)) == 0.5)
        #expect(try AnswerMetrics.agreement(Self.clusters([1], unanswered: 4)) == 0.2)
        #expect(try AnswerMetrics.agreement(Self.clusters([], unanswered: 3)) == 0)
        #expect(throws: AnswersError.self) { try AnswerMetrics.agreement([]) }
    }

    /// Entropy in nats of known splits.
    static let splits: [([Int], Int, Double)] = [
        ([4], 0, 0.0),
        ([2, 2], 0, log(2.0)),
        ([1, 1, 1, 1], 0, log(4.0)),
        ([2, 1, 1], 0, 1.5 * log(2.0)),
        ([2], 2, log(2.0)),          // the no-answer group is one outcome
        ([], 5, 0.0),                // all failing to answer is perfectly stable
    ]

    @Test(arguments: splits)
    func answerEntropyOfKnownSplits(sizes: [Int], unanswered: Int, nats: Double) throws {
        #expect(abs(try AnswerMetrics.answerEntropy(Self.clusters(sizes, unanswered: unanswered)) - nats) < 1e-12)
    }

    @Test func entropyDoesNotDependOnClusterOrder() throws {
        let clusters = Self.clusters([5, 3, 1, 1])
        let forward = try AnswerMetrics.answerEntropy(clusters)
        let backward = try AnswerMetrics.answerEntropy(clusters.reversed())
        #expect(abs(forward - backward) < 1e-15)
    }

    /// G-Pass@k_τ against hypergeometric tails worked out by hand.
    static let gPassCases: [(Int, Int, Int, Double, Double)] = [
        (4, 2, 2, 1.0, 1.0 / 6),            // C(2,2)C(2,0)/C(4,2)
        (4, 2, 2, 0.5, 5.0 / 6),            // j = 1, 2: (4 + 1)/6, which is pass@2
        (10, 5, 4, 0.5, 155.0 / 210),       // j = 2..4: (100 + 50 + 5)/210
        (10, 5, 4, 1.0, 5.0 / 210),         // C(5,4)/C(10,4)
        (10, 2, 4, 0.75, 0.0),              // needs 3 correct, only 2 exist
        (10, 10, 4, 1.0, 1.0),
    ]

    @Test(arguments: gPassCases)
    func gPassAtK(n: Int, c: Int, k: Int, tau: Double, expected: Double) throws {
        #expect(abs(try AnswerMetrics.gPassAtK(sampleCount: n, correctCount: c, k: k, threshold: tau) - expected) < 1e-12)
    }

    @Test func thresholdIsCeiledWithoutFloatingPointDrift() throws {
        // 0.7 * 10 is 7.000000000000001 in binary floating point; the threshold must be 7.
        let seventy = try AnswerMetrics.gPassAtK(sampleCount: 20, correctCount: 15, k: 10, threshold: 0.7)
        let sixtyOne = try AnswerMetrics.gPassAtK(sampleCount: 20, correctCount: 15, k: 10, threshold: 0.61)
        let seventyOne = try AnswerMetrics.gPassAtK(sampleCount: 20, correctCount: 15, k: 10, threshold: 0.71)
        #expect(seventy == sixtyOne)
        #expect(seventyOne < seventy)
        #expect(throws: AnswersError.self) { try AnswerMetrics.gPassAtK(sampleCount: 4, correctCount: 1, k: 2, threshold: 0) }
    }

    @Test func gPassWithTheSmallestThresholdIsPassAtK() throws {
        let gPass = try AnswerMetrics.gPassAtK(sampleCount: 1000, correctCount: 10, k: 50, threshold: 0.01)
        let pass = try AnswerMetrics.passAtK(sampleCount: 1000, correctCount: 10, k: 50)
        #expect(abs(gPass - pass) < 1e-9)
    }

    @Test func gPassIsStableForLargeN() throws {
        // τ = 1: C(600,100)/C(1000,100) = Π_{i<100} (600 - i)/(1000 - i), about 1e-24.
        let product = (0..<100).reduce(1.0) { $0 * Double(600 - $1) / Double(1000 - $1) }
        let value = try AnswerMetrics.gPassAtK(sampleCount: 1000, correctCount: 600, k: 100, threshold: 1)
        #expect(value > 0)
        #expect(abs(value / product - 1) < 1e-9)
    }

    @Test func mGPassAveragesTheUpperThresholds() throws {
        // k = 4: (2/4) [G-Pass@4_{3/4} + G-Pass@4_{4/4}] = 0.5 (55/210 + 5/210) = 1/7.
        #expect(abs(try AnswerMetrics.mGPassAtK(sampleCount: 10, correctCount: 5, k: 4) - 1.0 / 7) < 1e-12)
        #expect(try AnswerMetrics.mGPassAtK(sampleCount: 16, correctCount: 16, k: 16) == 1)
        #expect(try AnswerMetrics.mGPassAtK(sampleCount: 16, correctCount: 0, k: 16) == 0)
        // k = 1: no threshold above one half is left, so the sum is empty.
        #expect(try AnswerMetrics.mGPassAtK(sampleCount: 3, correctCount: 3, k: 1) == 0)
    }
}
