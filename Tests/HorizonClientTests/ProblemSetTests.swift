import Foundation
import HorizonClient
import HorizonTestSupport
import HorizonCommon
import HorizonTraces
import Testing

@Suite("Problem sets")
struct ProblemSetTests {
    private func write(_ text: String) throws -> String {
        let path = try SharedData.temporaryDirectory("problems").appendingPathComponent("p.jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("field aliases, numeric ids and answers, blank lines, index ids when absent")
    func aliases() throws {
        let path = try write("""
            {"unique_id":"test/algebra/1.json","problem":"1+1?","answer":"2"}

            {"id":7,"question":"2+2?","gold":4}
            {"query":"3+3?"}
            """)
        let set = try ProblemSet.load(path: path)
        #expect(set.problems == [
            Problem(id: "test/algebra/1.json", question: "1+1?", gold: "2"),
            Problem(id: "7", question: "2+2?", gold: "4"),
            Problem(id: "2", question: "3+3?", gold: nil),
        ])
        #expect(set.path == path)
        #expect(set.sha256 == SHA256.hexDigest(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    @Test("bad lines name their line number", arguments: [
        ("{\"problem\":\"a\"}\n{\"answer\":\"1\"}", 2, "no question"),
        ("{\"problem\":\"a\"}\n\n{\"problem\":", 3, "invalid JSON"),
        ("{\"id\":\"x\",\"problem\":\"a\"}\n{\"id\":\"x\",\"problem\":\"b\"}", 2, "repeats the one on line 1"),
    ])
    func badLines(text: String, line: Int, message: String) throws {
        let path = try write(text)
        do {
            _ = try ProblemSet.load(path: path)
            Issue.record("loaded \(text)")
        } catch {
            #expect(error.reason == .invalidDataset)
            #expect(error.location?.line == line)
            #expect(error.description.hasPrefix("\(path):\(line): "))
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test("a missing file is an invalidDataset error")
    func missingFile() {
        #expect(throws: ClientError.self) { try ProblemSet.load(path: "/nonexistent/problems.jsonl") }
    }

    @Test("MATH-500: 500 problems keyed by unique_id, with answers", .enabled(if: SharedData.isPresent("math500.jsonl"), "needs ../shared/data/math500.jsonl"))
    func math500() throws {
        let url = try #require(SharedData.url("math500.jsonl"))
        let set = try ProblemSet.load(path: url.path)
        #expect(set.problems.count == 500)
        #expect(Set(set.problems.map(\.id)).count == 500)
        #expect(set.problems.allSatisfy { $0.id.hasPrefix("test/") && $0.gold != nil })
    }

    @Test("GSM8K: 1319 problems keyed by their index, each gold the number after ####", .enabled(if: SharedData.isPresent("gsm8k-test.jsonl"), "needs ../shared/data/gsm8k-test.jsonl"))
    func gsm8k() throws {
        let url = try #require(SharedData.url("gsm8k-test.jsonl"))
        let set = try ProblemSet.load(path: url.path)
        #expect(set.problems.count == 1319)
        #expect(set.problems.first?.id == "0")
        #expect(set.problems.first?.gold == "18")
        #expect(set.problems[2].gold == "70000")
        #expect(set.problems.last?.id == "1318")
        #expect(set.problems.last?.gold == "14")
        // Golds are the answer only: digits, with GSM8K's thousands commas where it wrote them.
        #expect(set.problems.allSatisfy { $0.gold?.allSatisfy { $0.isNumber || $0 == "," || $0 == "-" } == true })
    }

    @Test("a GSM8K worked solution's gold is the number after ####; other golds stay verbatim")
    func gsm8kShapedGolds() throws {
        let path = try write(#"""
            {"question":"q1","answer":"She has 3 + 4 = <<3+4=7>>7 apples.\n#### 7"}
            {"question":"q2","answer":"It costs 1,000 + 250 = <<1000+250=1250>>1,250\n#### 1,250"}
            {"question":"q3","answer":"\\frac{10}{9}"}
            {"question":"q4","answer":"#### "}
            """#)
        let golds = try ProblemSet.load(path: path).problems.map(\.gold)
        #expect(golds == ["7", "1,250", "\\frac{10}{9}", "#### "])
    }

    @Test("an in-memory set's checksum depends on its content only")
    func inMemoryChecksum() {
        let a = ProblemSet(problems: [Problem(id: "1", question: "q", gold: "g")])
        #expect(a.sha256 == ProblemSet(problems: [Problem(id: "1", question: "q", gold: "g")]).sha256)
        #expect(a.sha256 != ProblemSet(problems: [Problem(id: "1", question: "q", gold: "h")]).sha256)
        #expect(a.path == nil)
    }
}
