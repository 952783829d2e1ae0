@testable import HorizonAnswers
import Foundation
import HorizonTestSupport
import Testing

@Test func scratch() throws {
    let url = SharedData.url("answer-equivalence-dev.jsonl")!
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    let ex = AnswerExtractor()
    for (i, line) in lines.enumerated() {
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let r = ex.referenceAnswer(fromGold: obj["gold"] as! String)
        let c = ex.extract(from: obj["pred"] as! String)
        let v = AnswerEquivalence.compare(reference: r, candidate: c)
        func short(_ a: ExtractedAnswer?) -> String { a.map { "\($0.rule.rawValue):\($0.text.prefix(60))" } ?? "nil" }
        print(i, obj["expected"] as! Bool, v.reason.rawValue, "|", short(r), "|", short(c))
    }
}
