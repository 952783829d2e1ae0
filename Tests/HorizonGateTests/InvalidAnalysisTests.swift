import Foundation
import HorizonGate
import HorizonStability
import HorizonTestSupport
import Testing

/// Analyses the gate must refuse (issue 9: `baseline`/`check` accepted a negative BF, an
/// accuracy of 2, reversed intervals, duplicate problems, schema version 0), and the guarantee
/// that whatever `baseline` writes, `check` reads.
@Suite struct InvalidAnalysisTests {
    typealias F = GateFixtures

    /// One fault in the reference analysis and the words the error must carry.
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var message: String
        var change: @Sendable (inout Analysis) -> Void
        var testDescription: String { name }

        init(_ name: String, _ message: String, _ change: @escaping @Sendable (inout Analysis) -> Void) {
            self.name = name
            self.message = message
            self.change = change
        }
    }

    static let faults: [Fault] = [
        Fault("a negative BF", "bf.overall is -1.2; a Branching Factor is at least 1") { $0.bf.overall = -1.2 },
        Fault("a BF below 1", "bf.thinking is 0.5; a Branching Factor is at least 1") { $0.bf.thinking = 0.5 },
        Fault("a NaN BF", "bf.answer is nan; it must be a finite number") { $0.bf.answer = .nan },
        Fault("an infinite BF", "bf.overall is inf; it must be a finite number") { $0.bf.overall = .infinity },
        Fault("a BF interval upside down", "bf.overall_ci [1.3, 1.2] has its lower end above its upper end") {
            $0.bf.overallCI = ConfidenceInterval(lower: 1.3, upper: 1.2)
        },
        Fault("a BF interval below 1", "bf.thinking_ci [0.9, 1.5] has the end 0.9; a Branching Factor is at least 1") {
            $0.bf.thinkingCI = ConfidenceInterval(lower: 0.9, upper: 1.5)
        },
        Fault("accuracy 2", "accuracy is 2; a share lies in [0, 1]") { $0.accuracy = 2 },
        Fault("accuracy -0.1", "accuracy is -0.1; a share lies in [0, 1]") { $0.accuracy = -0.1 },
        Fault("an accuracy interval upside down", "accuracy_ci [0.9, 0.7] has its lower end above its upper end") {
            $0.accuracyCI = ConfidenceInterval(lower: 0.9, upper: 0.7)
        },
        Fault("agreement 1.5", "agreement is 1.5; a share lies in [0, 1]") { $0.agreement = 1.5 },
        Fault("a negative answer entropy", "answers.answer_entropy is -0.5; an entropy is not negative") {
            $0.answers?.answerEntropy = -0.5
        },
        Fault("maj@k above 1", "answers.maj_at_k[0].value is 1.2; a share lies in [0, 1]") {
            $0.answers?.majAtK = [MetricAtK(k: 4, value: 1.2)]
        },
        Fault("a probe's answer BF below 1", "probes.truncation[0].answer_bf is 0.3; a Branching Factor is at least 1") {
            $0.probes = ProbeSummary(truncation: [
                TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 1, samples: 3, problems: 3, answerBF: 0.3),
            ])
        },
        Fault("duplicate problems", "problems[1].problem_id 'p1' appears more than once") {
            $0.problems[1].problemID = "p1"
        },
        Fault("no problems", "problems is empty; an analysis measures at least one problem") { $0.problems = [] },
        Fault("a problem without samples", "problems[2].samples is 0 (problem 'p3'); a problem has at least 1 sample") {
            $0.problems[2].samples = 0
        },
        Fault("a problem's agreement of 2", "problems[0].agreement is 2; a share lies in [0, 1] (problem 'p1')") {
            $0.problems[0].agreement = 2
        },
        Fault("a problem's negative BF", "problems[1].bf.overall is -3; a Branching Factor is at least 1 (problem 'p2')") {
            $0.problems[1].bf.overall = -3
        },
        Fault("schema version 0", "schema_version 0 is not a version horizon writes (1 to \(Analysis.currentSchemaVersion))") { $0.schemaVersion = 0 },
        Fault("a negative schema version", "schema_version -1 is not a version horizon writes (1 to \(Analysis.currentSchemaVersion))") { $0.schemaVersion = -1 },
        Fault("confidence 1", "settings.confidence is 1; a confidence level lies strictly between 0 and 1") {
            $0.settings.confidence = 1
        },
        Fault("a NaN top-p", "settings.truncation_value is nan; a top-p or min-p value lies in [0, 1]") {
            $0.settings.truncationValue = .nan
        },
        Fault("top-p 1.5", "settings.truncation_value is 1.5; a top-p or min-p value lies in [0, 1]") {
            $0.settings.truncationValue = 1.5
        },
    ]

    @Test(arguments: faults)
    func baselineAndCheckRefuseTheAnalysisInMemory(fault: Fault) throws {
        var analysis = F.reference()
        fault.change(&analysis)
        let made = #expect(throws: GateError.self) { try Baseline.make(from: analysis) }
        #expect(made?.description.contains(fault.message) == true, "\(made?.description ?? "no error")")
        #expect(made?.exitCode == 2)
        let checked = #expect(throws: GateError.self) {
            try Gate.check(baseline: try Baseline.make(from: F.reference()), analysis: analysis)
        }
        #expect(checked?.description.contains(fault.message) == true, "\(checked?.description ?? "no error")")
    }

    @Test(arguments: faults.filter { !$0.name.contains("NaN") && !$0.name.contains("infinite") })
    func aFaultyAnalysisFileIsRefusedNamingTheFileAndPath(fault: Fault) throws {
        var analysis = F.reference()
        fault.change(&analysis)
        let url = try SharedData.temporaryDirectory("gate-invalid").appendingPathComponent("analysis.json")
        try analysis.write(to: url)
        let error = #expect(throws: GateError.self) { try Gate.loadAnalysis(from: url) }
        #expect(error?.description == "\(url.path): invalid analysis: \(fault.message)", "\(error?.description ?? "no error")")
        #expect(error?.exitCode == 2)
    }

    /// JSON text no encoder writes: non-numbers, a missing version, a future version.
    @Test(arguments: [
        (#""overall" : 1.25"#, #""overall" : NaN"#, "not a valid analysis"),
        (#""overall" : 1.25"#, #""overall" : 1e999"#, "not a valid analysis"),
        (#""schema_version" : \#(Analysis.currentSchemaVersion),"#, "", "missing key 'schema_version'"),
        (#""schema_version" : \#(Analysis.currentSchemaVersion)"#, #""schema_version" : \#(Analysis.currentSchemaVersion + 1)"#,
         "schema_version \(Analysis.currentSchemaVersion + 1) is newer than this horizon understands (\(Analysis.currentSchemaVersion))"),
    ])
    func analysisTextThatIsNotAnAnalysisIsRefused(old: String, new: String, message: String) throws {
        let directory = try SharedData.temporaryDirectory("gate-invalid-text")
        let valid = directory.appendingPathComponent("valid.json")
        try F.reference().write(to: valid)
        let text = try String(contentsOf: valid, encoding: .utf8)
        #expect(text.contains(old), "the fixture must hold \(old)")
        let url = directory.appendingPathComponent("analysis.json")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        let error = #expect(throws: GateError.self) { try Gate.loadAnalysis(from: url) }
        #expect(error?.description.hasPrefix(url.path + ": ") == true, "\(error?.description ?? "no error")")
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "no error")")
        #expect(error?.exitCode == 2)
    }

    @Test func valuesAtTheEndsOfTheirRangesAreAccepted() throws {
        var analysis = F.reference()
        analysis.bf.overall = 1
        analysis.bf.overallCI = ConfidenceInterval(lower: 1, upper: 1)
        analysis.accuracy = 0
        analysis.accuracyCI = ConfidenceInterval(lower: 0, upper: 0)
        analysis.agreement = 1
        analysis.agreementCI = ConfidenceInterval(lower: 1, upper: 1)
        analysis.answers?.answerEntropy = 0
        analysis.problems = [F.problem("only", bf: 1, agreement: 1)]
        let baseline = try Baseline.make(from: analysis)
        #expect(try Gate.check(baseline: baseline, analysis: analysis).exitCode == 0)
    }

    /// Deterministic values for ``everyBaselineBaselineWritesIsOneCheckAccepts()``.
    struct Values {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// A value in `range`, or exactly one of its ends one time in four.
        mutating func value(in range: ClosedRange<Double>) -> Double {
            let pick = next()
            if pick < 0.125 { return range.lowerBound }
            if pick < 0.25 { return range.upperBound }
            return range.lowerBound + next() * (range.upperBound - range.lowerBound)
        }
        mutating func interval(around value: Double, in range: ClosedRange<Double>) -> ConfidenceInterval? {
            if next() < 0.2 { return nil }
            let lower = max(range.lowerBound, value - next() * 0.2), upper = min(range.upperBound, value + next() * 0.2)
            return ConfidenceInterval(lower: lower, upper: upper)
        }
    }

    /// Issue 9: `baseline` could write a file `check` then refused. Over varied valid analyses
    /// (range ends, zero-width and absent intervals, probes, many problems), the written
    /// baseline loads back equal, and checking the same analysis against it passes.
    @Test func everyBaselineBaselineWritesIsOneCheckAccepts() throws {
        var values = Values(state: 9)
        let directory = try SharedData.temporaryDirectory("gate-roundtrip")
        for round in 0..<200 {
            var analysis = F.reference(label: "round \(round)")
            let bf = values.value(in: 1...40), accuracy = values.value(in: 0...1)
            analysis.bf = BranchingFactorSummary(
                overall: bf, overallCI: values.interval(around: bf, in: 1...100),
                thinking: values.next() < 0.3 ? nil : values.value(in: 1...40), estimatorUsed: "mixed",
                first: values.value(in: 1...3))
            analysis.accuracy = accuracy
            analysis.accuracyCI = values.interval(around: accuracy, in: 0...1)
            analysis.agreement = values.value(in: 0...1)
            analysis.answers?.answerEntropy = values.value(in: 0...3)
            analysis.answers?.majAtK = (1...3).map { MetricAtK(k: $0 * 4, value: values.value(in: 0...1)) }
            analysis.probes = ProbeSummary(
                truncation: [TruncationPoint(length: 0.5, lengthUnit: "fraction", keptTokens: 10, samples: 4, problems: 2,
                                             agreement: values.value(in: 0...1), answerBF: values.value(in: 1...5))],
                resample: [ResamplePoint(position: 7, samples: 4, problems: 2, bf: values.value(in: 1...5),
                                         agreement: values.value(in: 0...1))])
            analysis.problems = (0..<(1 + round % 7)).map { index in
                var problem = F.problem("p\(index) \(round)", bf: values.value(in: 1...40), agreement: values.value(in: 0...1))
                problem.accuracy = values.next() < 0.5 ? nil : values.value(in: 0...1)
                problem.answerEntropy = values.value(in: 0...3)
                problem.samples = 1 + index
                return problem
            }
            let url = directory.appendingPathComponent("baseline-\(round).json")
            try Baseline.make(from: analysis).write(to: url)
            let loaded = try Baseline.load(from: url)
            #expect(loaded == (try Baseline.make(from: analysis)), "round \(round)")
            #expect(try Gate.check(baseline: loaded, analysis: analysis).exitCode == 0, "round \(round)")
        }
    }
}
