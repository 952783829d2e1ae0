import HorizonCommon
import HorizonTestSupport
import HorizonTraces
import Testing

/// Every validation rule: what is rejected (and how it is reported), what is repaired, what
/// is kept and counted.
@Suite struct TraceParserValidationTests {
    static let here = SourceLocation(file: "data/s.jsonl", line: 3)

    static func parse(_ line: String) throws(TraceError) -> [ParsedTrace] {
        try TraceParser().parse(Array(line.utf8), at: here)
    }

    static func error(_ line: String) throws -> TraceError {
        try #require(throws: TraceError.self) { try parse(line) }
    }

    /// The 1-based byte column of the first occurrence of `marker` in `line`.
    static func column(of marker: String, in line: String) -> Int {
        line.utf8.count - line[line.range(of: marker)!.lowerBound...].utf8.count + 1
    }

    // MARK: Malformed JSON

    @Test(arguments: [
        (#"{"id": "p" "text": "t"}"#, #" "text""#, "expected ',' or '}' after an object member, found '\"'"),
        (#"{"id": "p", "text": tru}"#, "}", "expected 'true', found '}'"),
        (#"{"id": "p", "text": "a\qb"}"#, "q", "invalid escape in a string, found 'q'"),
        (#"{"id": "p", "text": "a\u12G4"}"#, "G", "expected four hex digits after \\u, found 'G'"),
        ("{\"id\": \"p\", \"text\": \"a\tb\"}", "\t", "control character inside a string (escape it), found byte 0x9"),
        (#"{"id": "p", "text": "t"} x"#, " x", "expected the end of the line after the object, found 'x'"),
        (#"{"id": "p", "text": "t", "n": 01}"#, "1}", "expected ',' or '}' after an object member, found '1'"),
        (#"{"id": "p", "text": "t", "n": -}"#, "}", "expected a value, found '}'"),
        (#"{"id": "p", "text": "t", "n": 1.e5}"#, "e5", "expected a digit after the decimal point, found 'e'"),
        (#"{"id": "p", "text": "t", "n": [1 2]}"#, "2]", "expected ',' or ']' after an array element, found '2'"),
        (#"{"id": "p", 5: "t"}"#, "5", "expected a quoted object key, found '5'"),
        (#"{"id": "p", "text" "t"}"#, #" "t"}"#, "expected ':' after an object key, found '\"'"),
        // Inside log-prob entries and candidates, where keys are recognised by their spelling.
        (#"{"id": "p", "text": "a", "logprobs": {"content": [{"token" "a", "logprob": -1}]}}"#, #" "a", "logprob""#, "expected ':' after an object key, found '\"'"),
        (#"{"id": "p", "text": "a", "logprobs": {"content": [{"token": "a", "logprob": -1, "top_logprobs": [{"logprob" -1}]}]}}"#, " -1}]}]", "expected ':' after an object key, found '-'"),
        (#"{"id": "p", "text": "a", "logprobs": {"content": [{"token": "a", "logprob": -1, "top_logprobs": [{token: "a"}]}]}}"#, "token: ", "expected a quoted object key, found 't'"),
    ])
    func malformedJSONSaysWhatAndWhere(line: String, marker: String, what: String) throws {
        let error = try Self.error(line)
        var column = Self.column(of: marker, in: line)
        if marker.hasPrefix(" ") { column += 1 }  // the marker's leading space locates it; the error is after it
        #expect(error.reason == .malformedJSON)
        #expect(error.column == column)
        #expect(error.location == Self.here)
        #expect(error.description == "data/s.jsonl:3: malformed JSON at byte \(column): \(what)")
    }

    @Test("a space before a log-prob key's colon is read as any JSON reader reads it")
    func spacedLogProbKeys() throws {
        let traces = try Self.parse(#"{"id": "p", "text": "a", "logprobs": {"content": [{"token" : "a", "logprob"  :-0.5, "top_logprobs" :[{"token" :"a","logprob" : -0.5}]}]}}"#)
        let logProbs = try #require(traces.first?.trace.logProbs)
        #expect(logProbs.sampledLogProbs == [-0.5])
        #expect(logProbs.candidateLogProbs == [-0.5])
        #expect(logProbs.sampledRanks == [0])
    }

    @Test(arguments: [#"{"id": "p", "text": "t""#, #"{"id": "p", "text": "abc"#, #"{"id": "p", "text": "t", "l": ["#])
    func truncatedLinesEndTooEarly(line: String) throws {
        let error = try Self.error(line)
        #expect(error.reason == .malformedJSON)
        #expect(error.column == line.utf8.count + 1)
        #expect(error.message.hasSuffix("found the end of the line"))
    }

    @Test func aLineHoldsOneObject() throws {
        let error = try Self.error("{\"id\": \"p\", \"text\": \"t\"}\n{\"id\": \"q\", \"text\": \"u\"}")
        #expect(error.reason == .malformedJSON)
        #expect(error.column == 25)
        #expect(error.message == "malformed JSON at byte 25: a line break inside the line (one object per line)")
        // A raw line break inside a string ends the line there.
        let cut = try Self.error("{\"id\": \"p\", \"text\": \"two\nlines\"}")
        #expect(cut.message == "malformed JSON at byte 25: unterminated string, found the end of the line")
        // One final line break is allowed.
        #expect(try Self.parse("{\"id\": \"p\", \"text\": \"t\"}\n").count == 1)
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = try Self.error(#"{"id": "p", "text": "t", "x": \#(deep)}"#)
        #expect(error.reason == .malformedJSON)
        #expect(error.message.contains("nesting deeper than 512"))
    }

    @Test(arguments: [#"[{"id": "p", "text": "t"}]"#, #""text""#, "42", "null"])
    func aLineMustBeAnObject(line: String) throws {
        #expect(try Self.error(line).reason == .notAnObject)
    }

    // MARK: Missing or mistyped fields

    @Test func missingProblemID() throws {
        let error = try Self.error(#"{"text": "t", "answer": "4"}"#)
        #expect(error.reason == .missingID)
        #expect(error.description == "data/s.jsonl:3: missing problem id (looked for problem_id, id, idx, unique_id)")
        #expect(try Self.error(#"{"id": "", "text": "t"}"#).reason == .missingID)
        #expect(try Self.error(#"{"id": null, "text": "t"}"#).reason == .missingID)
    }

    @Test func missingTextWithoutLogProbs() throws {
        let error = try Self.error(#"{"id": "p", "logprobs": null}"#)
        #expect(error.reason == .missingText)
        #expect(error.description == "data/s.jsonl:3: missing output text (no text and no logprobs)")
        // Thinking without an answer is an output (empty text), not an error.
        #expect(try Self.parse(#"{"id": "p", "reasoning": "so far"}"#).first?.trace.text == "")
    }

    @Test(arguments: [
        (#"{"id": [1], "text": "t"}"#, "id must be a string or a number"),
        (#"{"id": "p", "text": 5}"#, "text must be a string"),
        (#"{"id": "p", "text": "t", "model": {}}"#, "model must be a string"),
        (#"{"id": "p", "text": "t", "sample_index": -1}"#, "sample_index must be a whole number in 0...2147483647, not -1"),
        (#"{"id": "p", "text": "t", "sample_index": 1.5}"#, "sample_index must be a whole number in 0...2147483647, not 1.5"),
        (#"{"id": "p", "text": "t", "sample_index": "2"}"#, "sample_index must be a whole number in 0...2147483647, not \"2\""),
        (#"{"id": "p", "text": "t", "logprobs_kind": "sampled"}"#, "logprobs_kind must be \"raw\" or \"processed\", not \"sampled\""),
        (#"{"id": "p", "text": "t", "logprobs": "none"}"#, "logprobs must be an object, an array or null"),
        (#"{"id": "p", "choices": {}}"#, "choices must be an array"),
        (#"{"id": "p", "responses": ["a", 1]}"#, "sample 1: responses must hold strings or lists of strings"),
        (#"{"id": "p", "logprobs": {"content": [{"token": "a", "logprob": -1, "bytes": [97, 256]}]}}"#,
         "bytes of token 0 must be a whole number in 0...255, not 256"),
    ])
    func mistypedFieldsAreInvalid(line: String, message: String) throws {
        let error = try Self.error(line)
        #expect(error.reason == .invalidField)
        #expect(error.message == message)
    }

    // MARK: Log-probability values

    static func chatLine(sampled: String, candidates: [String]) -> String {
        let top = candidates.map { #"{"token": "b", "logprob": \#($0)}"# }.joined(separator: ", ")
        return #"{"id": "p", "logprobs": {"content": [{"token": "a", "logprob": \#(sampled), "top_logprobs": [\#(top)]}]}}"#
    }

    @Test(arguments: [
        ("NaN", "NaN"), ("Infinity", "+infinity"), ("1e400", "+infinity"), ("0.5", "positive (0.5)"),
        ("1.0000001e-6", "positive (1.0000001e-06)"),
    ])
    func impossibleLogProbsInvalidateTheLine(value: String, problem: String) throws {
        let sampled = try Self.error(Self.chatLine(sampled: value, candidates: ["-1.0"]))
        #expect(sampled.reason == .invalidLogProb)
        #expect(sampled.message == "the log-probability of token 0 is \(problem)")
        let candidate = try Self.error(Self.chatLine(sampled: "-1.0", candidates: ["-2.0", value]))
        #expect(candidate.reason == .invalidLogProb)
        #expect(candidate.message == "the log-probability of candidate 1 of token 0 is \(problem)")
    }

    @Test(arguments: [
        ("1e-7", 0.0), ("1e-6", 0.0), ("0.0", 0.0), ("-0.0", -0.0), ("-1e-300", -1e-300),
        ("-Infinity", -Double.infinity), ("-3.4028234663852886e+38", -.infinity), ("-9999", -.infinity),
        ("-9999.0", -.infinity), ("-1e30", -.infinity), ("-9998.5", -9998.5),
    ])
    func roundingAndZeroProbabilityAreNormalised(value: String, stored: Double) throws {
        let trace = try #require(try Self.parse(Self.chatLine(sampled: value, candidates: [value])).first?.trace)
        #expect(trace.logProbs?.sampledLogProbs == [stored])
        #expect(trace.logProbs?.candidateLogProbs == [stored])
    }

    @Test func missingLogProbsInvalidateTheLine() throws {
        let sampled = try Self.error(#"{"id": "p", "logprobs": {"content": [{"token": "a", "logprob": null, "top_logprobs": []}]}}"#)
        #expect(sampled.reason == .invalidLogProb)
        #expect(sampled.message == "the log-probability of token 0 is missing")
        let candidate = try Self.error(Self.chatLine(sampled: "-1.0", candidates: ["null"]))
        #expect(candidate.message == "the log-probability of candidate 0 of token 0 is missing")
        let noToken = try Self.error(#"{"id": "p", "logprobs": {"content": [{"logprob": -1.0}]}}"#)
        #expect(noToken.message == "log-probability entry of token 0 has neither token nor bytes")
    }

    @Test func emptyTopListsAreKeptWithTheSampledTokenAsOnlyCandidate() throws {
        let line = #"{"id": "p", "logprobs": {"content": [{"token": "a", "logprob": -0.5, "top_logprobs": []}, {"token": "b", "logprob": -0.25, "top_logprobs": null}, {"token": "c", "logprob": -2.0}, {"token": "d", "logprob": -1.0, "top_logprobs": [{"token": "d", "logprob": -1.0}]}]}}"#
        let parsed = try #require(try Self.parse(line).first)
        let logProbs = try #require(parsed.trace.logProbs)
        #expect(parsed.emptyTopLists == 3)
        #expect(parsed.sampledNotInTop == 0)
        #expect(logProbs.candidateLogProbs == [-0.5, -0.25, -2.0, -1.0])
        #expect(logProbs.candidateEnds == [1, 2, 3, 4])
        #expect(logProbs.sampledRanks == [0, 0, 0, 0])
    }

    @Test func sampledTokenMissingFromItsTopListHasRankMinusOne() throws {
        let parsed = try #require(try Self.parse(Self.chatLine(sampled: "-5.0", candidates: ["-0.5", "-1.0"])).first)
        #expect(parsed.trace.logProbs?.sampledRanks == [-1])
        #expect(parsed.trace.logProbs?.candidateLogProbs == [-0.5, -1.0])
        #expect(parsed.sampledNotInTop == 1)
        #expect(parsed.emptyTopLists == 0)
    }

    @Test(arguments: [
        (#"{"tokens": ["a", "b"], "token_logprobs": [-1.0, null], "top_logprobs": null}"#, "the log-probability of token 1 is null"),
        (#"{"tokens": ["a", "b"], "token_logprobs": [-1.0], "top_logprobs": null}"#, "logprobs has 2 tokens but 1 token_logprobs"),
        (#"{"tokens": ["a"], "token_logprobs": [-1.0], "top_logprobs": [{"a": -1.0}, {"b": -1.0}]}"#, "logprobs has more top_logprobs entries than its 1 tokens"),
        (#"{"tokens": ["a", "b"], "token_logprobs": [-1.0, -1.0], "top_logprobs": [{"a": -1.0}]}"#, "logprobs has 2 tokens but 1 top_logprobs entries"),
        (#"{"tokens": ["a"], "top_logprobs": [{"a": -1.0}]}"#, "logprobs has tokens but no token_logprobs"),
        (#"{"tokens": ["a"], "token_logprobs": [-1.0], "top_logprobs": [{"a": NaN}]}"#, "the log-probability of candidate 0 of token 0 is NaN"),
    ])
    func inconsistentCompletionLogProbsAreInvalid(logprobs: String, message: String) throws {
        let error = try Self.error(#"{"id": "p", "logprobs": \#(logprobs)}"#)
        #expect(error.reason == .invalidLogProb)
        #expect(error.message == message)
    }

    @Test func completionTopListsMayBeNullOrMissTheToken() throws {
        let line = #"{"id": "p", "logprobs": {"tokens": ["a", "b"], "token_logprobs": [-1.0, -2.0], "top_logprobs": [null, {"c": -0.5}]}}"#
        let parsed = try #require(try Self.parse(line).first)
        #expect(parsed.emptyTopLists == 1)
        #expect(parsed.sampledNotInTop == 1)
        #expect(parsed.trace.logProbs?.candidateLogProbs == [-1.0, -0.5])
        #expect(parsed.trace.logProbs?.sampledRanks == [0, -1])
    }

    @Test func faultsInsideAChoiceNameIt() throws {
        let line = #"{"problem_id": "p", "choices": [{"index": 0, "text": "a"}, {"index": 1, "text": "b", "logprobs": {"content": [{"token": "b", "logprob": NaN}]}}]}"#
        let error = try Self.error(line)
        #expect(error.location == SourceLocation(file: "data/s.jsonl", line: 3, choice: 1))
        #expect(error.description == "data/s.jsonl:3: sample 1: the log-probability of token 0 is NaN")
        let missing = try Self.error(#"{"problem_id": "p", "choices": [{"index": 0, "text": "a"}, {"index": 1, "message": {"content": null}}]}"#)
        #expect(missing.reason == .missingText)
        #expect(missing.location.choice == 1)
    }
}
