import ArgumentParser
import Foundation
import Horizon
import HorizonCommon

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
        guard let data = FileManager.default.contents(atPath: pairs) else {
            throw CommandError(.unreadable("no such file, or not readable"), at: SourceLocation(file: pairs))
        }
        let graded = grader.grade(try AnswerPair.readJSONLines(data, file: pairs))
        try emit(try AnswerGrader.jsonLines(graded), to: out)
        note(Self.summaryText(GradingSummary(graded)))
    }

    /// The summary for standard error: counts, agreement with `expected`, each disagreement.
    static func summaryText(_ summary: GradingSummary) -> String {
        var text = "\(summary.pairs) pairs graded, \(summary.equivalent) equivalent"
        if let agreement = summary.agreement {
            text += "; agreement with `expected`: \(summary.agreed)/\(summary.labelled) (\(NumberFormat.percent(agreement)))"
        }
        let lines = summary.disagreements.map { graded in
            "  #\(graded.index): gold \(graded.pair.reference.debugDescription) pred \(graded.pair.candidate.prefix(80).debugDescription): "
                + "expected \(!graded.verdict.equivalent), got \(graded.verdict.equivalent) (\(graded.verdict.reason.rawValue))"
        }
        return ([text] + lines).joined(separator: "\n")
    }
}

extension EquivalenceOptions.ListOrder: ExpressibleByArgument {}
extension EquivalenceOptions.FormPolicy: ExpressibleByArgument {}
extension EquivalenceOptions.PercentPolicy: ExpressibleByArgument {}
