import Foundation
import HorizonAnswers
import HorizonTestSupport
import Testing

/// The labelled answer-equivalence cases of Math-Verify's test suite
/// (`../shared/data/answer-equivalence-dev.jsonl`): gold and prediction go through extraction
/// and comparison exactly as in grading.
struct DevSetAgreementTests {
    struct Case: Decodable {
        var gold: String
        var pred: String
        var expected: Bool
        var group: String
    }

    static func loadCases() throws -> [Case]? {
        guard let url = SharedData.url("answer-equivalence-dev.jsonl") else { return nil }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    static func verdict(_ item: Case) -> EquivalenceVerdict {
        let extractor = AnswerExtractor()
        return AnswerEquivalence.compare(
            reference: extractor.referenceAnswer(fromGold: item.gold), candidate: extractor.extract(from: item.pred))
    }

    /// The rows (0-based line numbers) where we disagree with the label on purpose; each has its
    /// own test below saying why.
    static let deliberateDisagreements: Set<Int> = [31, 32, 187]

    @Test func agreesWithAtLeast97PercentOfTheLabels() throws {
        guard let cases = try Self.loadCases() else { return }
        var disagreements: [String] = []
        var disagreeingRows: Set<Int> = []
        for (row, item) in cases.enumerated() {
            let verdict = Self.verdict(item)
            if verdict.equivalent != item.expected {
                disagreeingRows.insert(row)
                let extractor = AnswerExtractor()
                disagreements.append("""
                    row \(row) [\(item.group)] expected \(item.expected), got \(verdict); \
                    reference \(String(describing: extractor.referenceAnswer(fromGold: item.gold))) \
                    candidate \(String(describing: extractor.extract(from: item.pred)))
                    """)
            }
        }
        let agreement = Double(cases.count - disagreeingRows.count) / Double(cases.count)
        #expect(agreement >= 0.97, "agreement \(agreement)")
        #expect(disagreeingRows == Self.deliberateDisagreements, "\(disagreements.joined(separator: "\n"))")
    }
}
