import Foundation
import HorizonEntropy
import Testing

@Suite("Decoding truncation settings")
struct DecodingTruncationTests {
    @Test("encodes as a readable rule and threshold, and decodes back", arguments: [
        (DecodingTruncation.topP(0.9), #"{"rule":"top-p","threshold":0.9}"#),
        (DecodingTruncation.minP(0.05), #"{"rule":"min-p","threshold":0.05}"#),
    ])
    func coding(truncation: DecodingTruncation, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(truncation), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(DecodingTruncation.self, from: Data(json.utf8)) == truncation)
    }

    @Test("an unknown rule is a decoding error")
    func unknownRule() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DecodingTruncation.self, from: Data(#"{"rule":"top-k","threshold":5}"#.utf8))
        }
    }

    @Test("describes itself for reports")
    func description() {
        #expect(DecodingTruncation.default.description == "top-p 0.9")
        #expect(DecodingTruncation.minP(0.05).description == "min-p 0.05")
    }
}
