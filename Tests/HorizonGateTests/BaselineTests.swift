import HorizonCommon
import Foundation
import HorizonGate
import HorizonStability
import HorizonTestSupport
import Testing

@Suite struct BaselineTests {
    typealias F = GateFixtures

    @Test func holdsTheAnalysisMetricsSettingsAndProblems() throws {
        let analysis = F.reference()
        let baseline = try Baseline.make(from: analysis)
        #expect(baseline.schema == "horizon.baseline")
        #expect(baseline.schemaVersion == 1)
        #expect(baseline.label == "reference")
        #expect(baseline.model == "test-model")
        #expect(baseline.horizonVersion == "0.1.0")
        #expect(baseline.settings == analysis.settings)
        #expect(baseline.estimatorUsed == "entropy")
        #expect(baseline.metrics == (try GateMetric.all(in: analysis)))
        #expect(baseline.problems.map(\.problemID) == ["p1", "p2", "p3"])
        #expect(baseline.problems[1] == BaselineProblem(problemID: "p2", samples: 8, bf: 1.3, agreement: 0.6))
    }

    @Test func writesAndLoadsTheSameBaseline() throws {
        let directory = try SharedData.temporaryDirectory("gate-baseline")
        let url = directory.appendingPathComponent("baseline.json")
        let baseline = try Baseline.make(from: F.reference())
        try baseline.write(to: url)
        #expect(try Baseline.load(from: url) == baseline)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(json["schema"] as? String == "horizon.baseline")
        #expect(json["schema_version"] as? Int == 1)
        let first = try #require((json["metrics"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "bf.overall")
        #expect(first["family"] as? String == "bf")
        #expect(first["ci"] as? [Double] == [1.25 - 0.01, 1.25 + 0.01])
        #expect((json["settings"] as? [String: Any])?["truncation_value"] as? Double == 0.9)
    }

    /// A malformed baseline file and the words its message must carry besides the file's path.
    struct MalformedCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The file's text: the reference baseline's compact JSON passed through this.
        var content: @Sendable (String) -> String
        var reason: String
        var testDescription: String { name }

        init(_ name: String, _ reason: String, content: @escaping @Sendable (String) -> String) {
            self.name = name
            self.reason = reason
            self.content = content
        }

        init(_ name: String, _ reason: String, text: String) {
            self.init(name, reason) { _ in text }
        }

        init(_ name: String, _ reason: String, replacing old: String, with new: String) {
            self.init(name, reason) { $0.replacingOccurrences(of: old, with: new) }
        }
    }

    static let malformed: [MalformedCase] = [
        MalformedCase("not JSON", "not a valid baseline", text: #"{ "schema": "#),
        MalformedCase("not an object", "not a valid baseline", text: "[1, 2]"),
        MalformedCase("no schema", "missing key 'schema' at top level", text: #"{"schema_version": 1}"#),
        MalformedCase("an analysis", "this is an analysis, not a baseline; make one with `horizon baseline",
                      text: #"{"schema": "horizon.analysis", "schema_version": 1}"#),
        MalformedCase("another schema", "schema is 'something.else', expected 'horizon.baseline'",
                      text: #"{"schema": "something.else"}"#),
        MalformedCase("a newer version", "schema_version 2 is newer than this horizon understands (1)",
                      replacing: #""schema_version":1"#, with: #""schema_version":2"#),
        MalformedCase("a missing key", "missing key 'settings' at top level",
                      replacing: #""settings":"#, with: #""settings_":"#),
        MalformedCase("a wrong type deep inside", "metrics.[0].value",
                      replacing: #""value":1.25"#, with: #""value":"high""#),
        MalformedCase("an unknown family", "metrics.[0].family",
                      replacing: #""family":"bf""#, with: #""family":"speed""#),
        MalformedCase("a repeated metric", "inconsistent baseline: metric 'bf.overall' appears more than once",
                      replacing: #""id":"bf.thinking""#, with: #""id":"bf.overall""#),
        MalformedCase("a repeated problem", "inconsistent baseline: problems[1].problem_id 'p1' appears more than once",
                      replacing: #""problem_id":"p2""#, with: #""problem_id":"p1""#),
        MalformedCase("an upside-down interval",
                      "metric 'bf.overall': metrics[0].ci [2, 1.5] has its lower end above its upper end") {
            $0.replacingOccurrences(of: #""ci":[1.24,1.26]"#, with: #""ci":[2,1.5]"#)
        },
        MalformedCase("a negative BF", "metric 'bf.overall': metrics[0].value is -1.25; a Branching Factor is at least 1",
                      replacing: #""value":1.25"#, with: #""value":-1.25"#),
        MalformedCase("an accuracy of 2", "metric 'accuracy': metrics[3].value is 2; a share lies in [0, 1]",
                      replacing: #""value":0.8}"#, with: #""value":2}"#),
        MalformedCase("an interval end out of range",
                      "metric 'bf.overall': metrics[0].ci [0.5, 1.26] has the end 0.5; a Branching Factor is at least 1",
                      replacing: #""ci":[1.24,1.26]"#, with: #""ci":[0.5,1.26]"#),
        MalformedCase("a negative problem BF", "problems[0].bf is -1.2; a Branching Factor is at least 1 (problem 'p1')",
                      replacing: #""bf":1.2,"#, with: #""bf":-1.2,"#),
        MalformedCase("a problem without samples", "problems[0].samples is 0 (problem 'p1')",
                      replacing: #""samples":8"#, with: #""samples":0"#),
        MalformedCase("schema version 0", "inconsistent baseline: schema_version 0 is not a version horizon writes",
                      replacing: #""schema_version":1"#, with: #""schema_version":0"#),
        MalformedCase("a missing schema version", "missing key 'schema_version'",
                      replacing: #""schema_version":1,"#, with: ""),
        MalformedCase("no problems", "inconsistent baseline: problems is empty") { text in
            let start = text.range(of: #""problems":["#)!.upperBound
            let end = text.range(of: #"],"schema""#)!.lowerBound
            return text.replacingCharacters(in: start..<end, with: "")
        },
        MalformedCase("no metrics", "inconsistent baseline: it holds no metrics") { text in
            let start = text.range(of: #""metrics":["#)!.upperBound
            let end = text.range(of: #"],"model""#)!.lowerBound
            return text.replacingCharacters(in: start..<end, with: "")
        },
    ]

    @Test(arguments: malformed)
    func aMalformedBaselineIsAClearErrorWithExitTwo(malformed: MalformedCase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let valid = String(decoding: try encoder.encode(try Baseline.make(from: F.reference())), as: UTF8.self)
        let content = malformed.content(valid)
        #expect(content != valid || malformed.name.hasPrefix("not"), "the case must change the file")
        let url = try SharedData.temporaryDirectory("gate-malformed").appendingPathComponent("baseline.json")
        try Data(content.utf8).write(to: url)
        let error = #expect(throws: GateError.self) { try Baseline.load(from: url) }
        #expect(error?.exitCode == 2)
        // The file, and its line when the JSON itself is broken (`FILE:3: ...`).
        #expect(error?.description.hasPrefix(url.path + ":") == true)
        #expect(error?.description.contains(malformed.reason) == true, "\(error?.description ?? "no error")")
    }

    @Test func aJSONSyntaxErrorNamesItsLine() throws {
        let url = try SharedData.temporaryDirectory("gate-syntax").appendingPathComponent("baseline.json")
        // The stray `}` closing an array sits on line 4.
        try Data("{\n \"schema\": 1,\n \"b\": [1,\n }\n".utf8).write(to: url)
        let error = #expect(throws: GateError.self) { try Baseline.load(from: url) }
        #expect(error?.location?.line == 4)
        #expect(error?.description.hasPrefix("\(url.path):4: not a valid baseline: not valid JSON: ") == true,
                "\(error?.description ?? "")")
    }

    @Test func aMissingFileIsUnreadable() throws {
        let url = try SharedData.temporaryDirectory("gate-missing").appendingPathComponent("nowhere.json")
        let error = #expect(throws: GateError.self) { try Baseline.load(from: url) }
        guard case .unreadable = error?.reason else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(error?.location?.file == url.path)
    }

    @Test func writingIntoAMissingFolderIsAnError() throws {
        let url = try SharedData.temporaryDirectory("gate-write").appendingPathComponent("no/such/dir/baseline.json")
        let error = #expect(throws: GateError.self) { try Baseline.make(from: F.reference()).write(to: url) }
        guard case .unwritable = error?.reason else {
            Issue.record("expected unwritable, got \(String(describing: error))")
            return
        }
    }

    @Test func analysesAreLoadedWithGateErrors() throws {
        let directory = try SharedData.temporaryDirectory("gate-analysis")
        let good = directory.appendingPathComponent("analysis.json")
        try F.reference().write(to: good)
        #expect(try Gate.loadAnalysis(from: good) == F.reference())

        let bad = directory.appendingPathComponent("broken.json")
        try Data(#"{"schema": "horizon.analysis"}"#.utf8).write(to: bad)
        let error = #expect(throws: GateError.self) { try Gate.loadAnalysis(from: bad) }
        #expect(error?.exitCode == 2)
        #expect(error?.description.hasPrefix(bad.path) == true)
        #expect(error?.description.contains("not a valid analysis") == true)
    }
}
