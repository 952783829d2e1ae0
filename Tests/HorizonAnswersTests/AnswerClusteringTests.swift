import HorizonAnswers
import Testing

struct AnswerClusteringTests {
    static func answers(_ texts: [String?]) -> [ExtractedAnswer?] {
        texts.map { $0.map { ExtractedAnswer(text: $0, rule: .boxed) } }
    }

    @Test func equivalentAnswersShareAClusterAndTheNoAnswerGroupComesLast() {
        let clusters = AnswerClustering.cluster(Self.answers(["1/2", "0.5", "3", nil, "\\frac{1}{2}", "3.0"]))
        #expect(clusters.map(\.members) == [[0, 1, 4], [2, 5], [3]])
        #expect(clusters.map(\.isNoAnswer) == [false, false, true])
        #expect(clusters[0].representative?.text == "1/2", "the first member represents the cluster")
    }

    @Test func equalSizesAreOrderedByFirstOccurrence() {
        let clusters = AnswerClustering.cluster(Self.answers(["2", "1", "1", "2", "7"]))
        #expect(clusters.map(\.members) == [[0, 3], [1, 2], [4]])
    }

    @Test func theNoAnswerGroupIsLastEvenWhenLargest() {
        let clusters = AnswerClustering.cluster(Self.answers([nil, nil, nil, "1"]))
        #expect(clusters.map(\.members) == [[3], [0, 1, 2]])
        #expect(clusters.last?.isNoAnswer == true)
    }

    @Test func emptyInputGivesNoClusters() {
        #expect(AnswerClustering.cluster([]).isEmpty)
        #expect(AnswerClustering.cluster([nil]).map(\.members) == [[0]])
    }

    @Test func clustersPartitionTheSamples() {
        let texts: [String?] = ["x+1", "1+x", "2", nil, "(1,2)", "\\{2,1\\}", "1,2", "28\\%", "0.28", nil, "2.0"]
        let clusters = AnswerClustering.cluster(Self.answers(texts))
        #expect(clusters.flatMap(\.members).sorted() == Array(texts.indices))
        #expect(clusters.allSatisfy { $0.members == $0.members.sorted() })
    }
}
