import Foundation
import HorizonGate
import Testing

@Suite struct ThresholdTests {
    @Test(arguments: [
        ("10%", Threshold.relative(0.10)),
        ("0.02", .absolute(0.02)),
        ("2.5%", .relative(0.025)),
        (" 5 % ", .relative(0.05)),
        ("0", .absolute(0)),
        ("0%", .relative(0)),
        ("1e-3", .absolute(0.001)),
        ("150%", .relative(1.5)),
    ])
    func parsesRelativeAndAbsolute(text: String, expected: Threshold) throws {
        #expect(try Threshold(parsing: text) == expected)
    }

    @Test(arguments: ["", "%", "ten", "-0.02", "-5%", "inf", "nan", "0x10", "10%%", "0.02 nats"])
    func rejectsWithTheTextInTheMessage(text: String) {
        let error = #expect(throws: GateError.self) { try Threshold(parsing: text) }
        #expect(error?.exitCode == 2)
        #expect(error?.description.contains("'\(text)'") == true)
        #expect(Threshold(text) == nil)
    }

    @Test(arguments: ["10%", "0.02", "2.5%", "0.1", "0%"])
    func descriptionParsesBackToTheSameThreshold(text: String) throws {
        let threshold = try Threshold(parsing: text)
        #expect(threshold.description == text)
        #expect(try Threshold(parsing: threshold.description) == threshold)
    }

    @Test func allowedChangeIsAFractionOfTheBaselineOrAFixedAmount() {
        #expect(abs(Threshold.relative(0.10).allowedChange(from: 1.5) - 0.15) < 1e-12)
        #expect(abs(Threshold.relative(0.10).allowedChange(from: -2.0) - 0.20) < 1e-12)
        #expect(Threshold.relative(0.10).allowedChange(from: 0) == 0)
        #expect(Threshold.absolute(0.02).allowedChange(from: 0.8) == 0.02)
        #expect(Threshold.absolute(0.02).allowedChange(from: 100) == 0.02)
    }

    @Test func encodesAsItsText() throws {
        let data = try JSONEncoder().encode(["limit": Threshold.relative(0.1)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"limit":"10%"}"#)
        let decoded = try JSONDecoder().decode([String: Threshold].self, from: Data(#"{"limit":"0.02"}"#.utf8))
        #expect(decoded["limit"] == .absolute(0.02))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: Threshold].self, from: Data(#"{"limit":"-1"}"#.utf8))
        }
    }

    @Test func defaultsAreTheDocumentedOnes() {
        let thresholds = GateThresholds()
        #expect(thresholds[.bf] == .relative(0.10))
        #expect(thresholds[.accuracy] == .absolute(0.02))
        #expect(thresholds[.agreement] == .absolute(0.05))
        #expect(thresholds[.answerEntropy] == .absolute(0.10))
        #expect(thresholds[.maj] == .absolute(0.02))
    }

    @Test func subscriptSetsOneFamilyOnly() {
        var thresholds = GateThresholds()
        thresholds[.agreement] = .relative(0.2)
        #expect(thresholds.agreementDrop == .relative(0.2))
        #expect(thresholds[.accuracy] == .absolute(0.02))
    }
}
