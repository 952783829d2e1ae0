import Foundation
import HorizonCommon
import HorizonTraces
import Testing

@testable import HorizonClient

/// A whole response's log-prob entries are kept where they are in the response (not copied)
/// when they are written as a copy would write them; the lines made either way are the same
/// bytes, whatever the spacing, the stop step or the API key.
@Suite struct ResponseInPlaceTests {
    static let entries = [
        #"{"token":"Hi","logprob":-0.5,"bytes":[72,105],"top_logprobs":[{"token":"Hi","logprob":-0.5,"bytes":[72,105]}]}"#,
        #"{"token":"!","logprob":-0.25,"bytes":[33],"top_logprobs":[{"token":"!","logprob":-0.25,"bytes":[33]},{"token":"?","logprob":-2.5,"bytes":[63]}]}"#,
        #"{"token":"","logprob":-0.01,"bytes":[],"top_logprobs":[]}"#,
    ]

    /// A chat response whose entries are joined by `separators[i]` (after entry i).
    static func body(separators: [String], logProbsTail: String = "") -> [UInt8] {
        var content = entries[0]
        for (index, entry) in entries.dropFirst().enumerated() { content += separators[index] + entry }
        return Array(
            #"{"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"logprobs":{"content":[\#(content)]\#(logProbsTail)},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":3}}"#.utf8)
    }

    static func line(_ body: [UInt8]) throws -> LineText {
        let request = CompletionRequest(endpoint: .chat, model: "m", prompt: .text("Say hi"), parameters: SamplingParameters(), seed: 1)
        let completion = try CompletionDecoder.decode(body, endpoint: .chat).droppingStopStep()
        let json = TraceLine.json(
            problem: Problem(id: "p", question: "Say hi"), sampleIndex: 0, request: request, completion: completion, configuredKind: .raw)
        return try TraceLine.checked(json, request: request, completion: completion)
    }

    @Test("compact, spaced, line-fed and mixed separators give the same line", arguments: [
        [",", ","], [", ", ", "], [",\n", ",\n"], [",", " ,"], [", ", ","], ["\n,", ","],
    ])
    func separatorsDoNotChangeTheLine(separators: [String]) throws {
        let compact = try Self.line(Self.body(separators: [",", ","]))
        let other = try Self.line(Self.body(separators: separators))
        #expect(other.bytes == compact.bytes)
        // The stop step (the empty third entry) was dropped, and the line reads back.
        let text = String(decoding: compact.bytes, as: UTF8.self)
        #expect(text.contains(#""logprobs":{"content":[\#(Self.entries[0]),\#(Self.entries[1])]}"#))
        #expect(!text.contains("\n"))
    }

    @Test("a logprobs object's other members follow the entries, in place or copied")
    func otherMembersFollow() throws {
        for separators in [[",", ","], [", ", ", "]] {
            let text = String(decoding: try Self.line(Self.body(separators: separators, logProbsTail: #","refusal":null"#)).bytes, as: UTF8.self)
            #expect(text.hasSuffix(#"\#(Self.entries[1])],"refusal":null}}"#))
        }
    }

    @Test("completions decoded in place equal those decoded from copied entries")
    func inPlaceEqualsCopied() throws {
        let compact = try CompletionDecoder.decode(Self.body(separators: [",", ","]), endpoint: .chat)
        let spaced = try CompletionDecoder.decode(Self.body(separators: [", ", ", "]), endpoint: .chat)
        #expect(compact == spaced)
        #expect(compact.droppingStopStep() == spaced.droppingStopStep())
        #expect(compact.droppingStopStep() != compact)
    }

    /// A key anywhere in a line made of pieces is removed, also across pieces; a line without
    /// it keeps its pieces.
    @Test func redactionCoversEveryPiece() {
        let key = APIKey("sk-123")
        let text = Array("a sk-123 b, sk-123".utf8)
        let expected = Array("a <redacted> b, <redacted>".utf8)
        for first in 0...text.count {
            for second in first...text.count {
                let line = LineText(pieces: [text[..<first], text[first..<second], text[second...]])
                #expect(key.redacting(line).bytes == expected, "cut at \(first), \(second)")
            }
        }
        let clean = LineText(pieces: [Array("a sk-12".utf8)[...], Array("3".utf8)[...].dropFirst(), Array(" k-123".utf8)[...]])
        #expect(key.redacting(clean).pieces.count == 3)
    }
}
