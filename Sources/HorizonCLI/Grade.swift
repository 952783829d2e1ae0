import ArgumentParser
import Foundation
import Horizon

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide whether two math answers are equivalent, and say why.",
        discussion: """
            `horizon grade GOLD PRED` prints the verdict and the reason. With --pairs, reads JSON \
            lines with `gold` and `pred` (and `expected` when present) and writes one verdict line \
            per pair, in input order; a summary (agreement with `expected`, the disagreements) goes \
            to standard error. The grader is native and bounded: no comparison can hang.
            """)

    @Argument(help: "The reference (gold) answer.")
    var gold: String?

    @Argument(help: "The candidate (predicted) answer or output text.")
    var pred: String?

    @Option(help: "JSONL of pairs: gold (or answer, reference), pred (or prediction, response, candidate), optional expected.")
    var pairs: String?

    @Option(help: "Write verdict lines here (default: standard output).")
    var out: String?

    @Option(help: "Whether a comma list's order matters (hendrycks/math: ordered).")
    var listOrder: EquivalenceOptions.ListOrder = .ordered

    @Option(help: "Whether an unsimplified form (2/4 for 1/2) is accepted.")
    var formPolicy: EquivalenceOptions.FormPolicy = .valueOnly

    @Option(help: "How a percentage compares with a bare number or fraction.")
    var percentPolicy: EquivalenceOptions.PercentPolicy = .fractionOrNumber

    func validate() throws {
        if pairs == nil && (gold == nil || pred == nil) { throw ValidationError("Give GOLD and PRED, or --pairs FILE.") }
        if pairs != nil && gold != nil { throw ValidationError("Give either GOLD PRED or --pairs, not both.") }
    }

    func run() throws {
        let grader = AnswerGrader(
            options: EquivalenceOptions(percentPolicy: percentPolicy, listOrder: listOrder, formPolicy: formPolicy))
        guard let pairs else {
            let graded = grader.grade(AnswerPair(reference: gold!, candidate: pred!))
            print("\(graded.verdict.equivalent ? "equivalent" : "not equivalent") (\(graded.verdict.reason.rawValue))")
            print("  gold: \(graded.referenceAnswer?.text ?? "(none)")")
            print("  pred: \(graded.candidateAnswer?.text ?? "(none)") [\(graded.candidateAnswer?.rule.rawValue ?? "no answer found")]")
            return
        }
        guard let data = FileManager.default.contents(atPath: pairs) else { throw InputError("cannot read \(pairs)") }
        let inputs = try AnswerPair.readJSONLines(data, file: pairs)
        let expected = Self.expectedLabels(data)
        let graded = grader.grade(inputs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        var labelled = 0, agreed = 0
        var disagreements: [String] = []
        for (offset, result) in graded.enumerated() {
            let label = offset < expected.count ? expected[offset] : nil
            let line = VerdictLine(
                index: offset, id: result.id, gold: inputs[offset].reference, pred: inputs[offset].candidate,
                equivalent: result.verdict.equivalent, reason: result.verdict.reason.rawValue, expected: label,
                goldAnswer: result.referenceAnswer?.text, predAnswer: result.candidateAnswer?.text,
                rule: result.candidateAnswer?.rule.rawValue)
            output.append(try encoder.encode(line))
            output.append(UInt8(ascii: "\n"))
            if let label {
                labelled += 1
                if label == result.verdict.equivalent {
                    agreed += 1
                } else {
                    disagreements.append("  #\(offset): gold \(inputs[offset].reference.debugDescription) pred \(inputs[offset].candidate.prefix(80).debugDescription): expected \(label), got \(result.verdict.equivalent) (\(result.verdict.reason.rawValue))")
                }
            }
        }
        try emit(output, to: out)
        let equivalent = graded.filter(\.verdict.equivalent).count
        var summary = "\(graded.count) pairs graded, \(equivalent) equivalent"
        if labelled > 0 {
            summary += String(format: "; agreement with `expected`: %d/%d (%.1f%%)", agreed, labelled, 100 * Double(agreed) / Double(labelled))
        }
        note(([summary] + disagreements).joined(separator: "\n"))
    }

    /// The `expected` label of each non-blank line, in order (`nil` where absent).
    static func expectedLabels(_ data: Data) -> [Bool?] {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .filter { $0.contains { $0 > 0x20 } }
            .map { line in
                let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
                return object?["expected"] as? Bool
            }
    }
}

/// One line of `grade --pairs` output.
struct VerdictLine: Encodable {
    var index: Int
    var id: String?
    var gold: String
    var pred: String
    var equivalent: Bool
    var reason: String
    var expected: Bool?
    var goldAnswer: String?
    var predAnswer: String?
    var rule: String?

    enum CodingKeys: String, CodingKey {
        case index, id, gold, pred, equivalent, reason, expected
        case goldAnswer = "gold_answer", predAnswer = "pred_answer", rule
    }
}

extension EquivalenceOptions.ListOrder: ExpressibleByArgument {}
extension EquivalenceOptions.FormPolicy: ExpressibleByArgument {}
extension EquivalenceOptions.PercentPolicy: ExpressibleByArgument {}
