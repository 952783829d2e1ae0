import HorizonCommon
import HorizonTestSupport
import HorizonTraces
import Testing

/// The accepted line shapes and field aliases.
@Suite struct TraceParserShapeTests {
    static let here = SourceLocation(file: "runs/a.jsonl", line: 7)

    static func parse(_ line: JSONText, options: TraceReadOptions = TraceReadOptions()) throws -> [ParsedTrace] {
        try TraceParser(options: options).parse(line.bytes(), at: here)
    }

    static func trace(_ line: JSONText, options: TraceReadOptions = TraceReadOptions()) throws -> Trace {
        let parsed = try parse(line, options: options)
        #expect(parsed.count == 1)
        return try #require(parsed.first?.trace)
    }

    /// Three steps: " 2" (rank 0 of 2), "+" (rank 1 of 3), "2" (rank 0 of 1).
    static let steps = [
        TestStep(" 2", -0.25, top: [" 2": -0.25, " 3": -1.5]),
        TestStep("+", -1.0, top: ["-": -0.5, "+": -1.0, "*": -2.0]),
        TestStep("2", 0.0, top: ["2": 0.0]),
    ]

    @Test func flatTraceWithChatLogProbsKeepsEveryField() throws {
        let line = TraceLines.flat(
            [
                "problem_id": "gsm8k-12", "sample_index": 3, "model": "org/model-8b", "prompt": "What is 2+2?",
                "gold": "4", "text": " 2+2", "reasoning_content": "add them", "finish_reason": "length",
                "logprobs_kind": "processed", "endpoint": "chat",
                "sampling": .members(["temperature": 0.6, "top_p": 0.95, "seed": 42]),
                "usage": .members(["prompt_tokens": 12, "completion_tokens": 3]),
            ], logProbs: TraceLines.chatLogProbs(Self.steps))
        let parsed = try Self.parse(line)
        let trace = try #require(parsed.first?.trace)
        #expect(trace.problemID == "gsm8k-12")
        #expect(trace.sampleIndex == 3)
        #expect(trace.model == "org/model-8b")
        #expect(trace.prompt == "What is 2+2?")
        #expect(trace.gold == "4")
        #expect(trace.text == " 2+2")
        #expect(trace.reasoning == "add them")
        #expect(trace.finishReason == "length")
        #expect(trace.logProbKind == .processed)
        #expect(trace.source == Self.here)

        let logProbs = try #require(trace.logProbs)
        #expect(logProbs.tokenBytes == Array(" 2+2".utf8))
        #expect(logProbs.tokenEnds == [2, 3, 4])
        #expect(logProbs.sampledLogProbs == [-0.25, -1.0, 0.0])
        #expect(logProbs.sampledRanks == [0, 1, 0])
        #expect(logProbs.candidateLogProbs == [-0.25, -1.5, -0.5, -1.0, -2.0, 0.0])
        #expect(logProbs.candidateEnds == [2, 5, 6])
        #expect(parsed[0].emptyTopLists == 0 && parsed[0].sampledNotInTop == 0)
    }

    @Test(arguments: [
        (JSONText.members(["problem_id": "a", "id": "b", "text": "t"]), "a"),
        (.members(["id": 12, "text": "t"]), "12"),
        (.members(["idx": 3.5, "text": "t"]), "3.5"),
        (.members(["unique_id": "test/algebra/1.json", "text": "t"]), "test/algebra/1.json"),
        (.members(["unique_id": "u", "idx": 1, "text": "t"]), "1"),
    ])
    func problemIDAliasesInPriorityOrder(line: JSONText, expected: String) throws {
        #expect(try Self.trace(line).problemID == expected)
    }

    @Test(arguments: [
        (JSONText.members(["id": "p", "text": "t", "question": "q", "prompt": "p1"]), "p1"),
        (.members(["id": "p", "text": "t", "problem": "Find x."]), "Find x."),
        (.members(["id": "p", "text": "t", "query": "q"]), "q"),
        (.members(["id": "p", "text": "t", "prompt": [.members(["role": "user", "content": "hi"])]]),
         #"[{"role": "user", "content": "hi"}]"#),
    ])
    func promptAliasesAndNonStringPrompts(line: JSONText, expected: String) throws {
        #expect(try Self.trace(line).prompt == expected)
    }

    @Test(arguments: [
        (JSONText.members(["id": "p", "text": "t", "answer": "a", "gold": "g"]), "g"),
        (.members(["id": "p", "text": "t", "answer": "\\frac{1}{2}"]), "\\frac{1}{2}"),
        (.members(["id": "p", "text": "t", "gt": 42]), "42"),
        (.members(["id": "p", "text": "t", "ground_truth": "x", "gt": .null]), "x"),
    ])
    func goldAliases(line: JSONText, expected: String) throws {
        #expect(try Self.trace(line).gold == expected)
    }

    @Test func reasoningTakesEitherName() throws {
        #expect(try Self.trace(.members(["id": "p", "text": "t", "reasoning": "r"])).reasoning == "r")
        #expect(try Self.trace(.members(["id": "p", "text": "t", "reasoning_content": "rc"])).reasoning == "rc")
        #expect(try Self.trace(.members(["id": "p", "text": "t", "reasoning": .null, "reasoning_content": "rc"])).reasoning == "rc")
    }

    @Test func missingTextIsSpelledByTheTokens() throws {
        let trace = try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: TraceLines.chatLogProbs(Self.steps)))
        #expect(trace.text == " 2+2")
        #expect(trace.sampleIndex == nil)
        #expect(trace.prompt == nil && trace.gold == nil && trace.model == nil && trace.logProbKind == nil)
    }

    @Test func legacyCompletionsShapeDropsTheEchoedPromptToken() throws {
        let logprobs = JSONText.members([
            "text_offset": [0, 6, 7],
            "token_logprobs": [.null, -0.5, -0.125],
            "tokens": ["Prompt", "a", "\u{e9}"],
            "top_logprobs": [.null, .members(["b": -1.0, "a": -0.5]), .members(["\u{e9}": -0.125])],
        ])
        let trace = try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: logprobs))
        let logProbs = try #require(trace.logProbs)
        #expect(trace.text == "a\u{e9}")
        #expect(logProbs.tokenBytes == [0x61, 0xC3, 0xA9])
        #expect(logProbs.tokenEnds == [1, 3])
        #expect(logProbs.sampledLogProbs == [-0.5, -0.125])
        #expect(logProbs.sampledRanks == [1, 0])
        #expect(logProbs.candidateLogProbs == [-1.0, -0.5, -0.125])
        #expect(logProbs.candidateEnds == [2, 3])
    }

    @Test func legacyShapeReadsTopListsWrittenBeforeTheTokens() throws {
        let logprobs = JSONText.members([
            "top_logprobs": [.members(["x": -0.75, "y": -1.0])],
            "tokens": ["y"],
            "token_logprobs": [-1.0],
        ])
        let logProbs = try #require(try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: logprobs)).logProbs)
        #expect(logProbs.sampledRanks == [1])
        #expect(logProbs.candidateLogProbs == [-0.75, -1.0])
    }

    @Test func chatEntryKeysMayComeInAnyOrder() throws {
        // top_logprobs before token, bytes before logprob (llama.cpp writes id, token, bytes, logprob).
        let entry = JSONText.members([
            "top_logprobs": [.members(["bytes": [104, 105], "logprob": -0.5, "token": "hi"]),
                             .members(["token": "ho", "logprob": -1.0, "bytes": [104, 111]])],
            "id": 31, "bytes": [104, 111], "logprob": -1.0, "token": "ho",
        ])
        let logProbs = try #require(
            try Self.trace(TraceLines.flat(["problem_id": "p"], logProbs: .members(["content": [entry]]))).logProbs)
        #expect(logProbs.tokenBytes == Array("ho".utf8))
        #expect(logProbs.sampledRanks == [1])
        #expect(logProbs.candidateLogProbs == [-0.5, -1.0])
    }

    @Test func bareArrayOfEntriesIsTheChatShape() throws {
        // Ollama's native API puts the entries directly under `logprobs`.
        let line = TraceLines.flat(["problem_id": "p", "text": " 2+2"], logProbs: .array(Self.steps.map(TraceLines.chatEntry)))
        #expect(try Self.trace(line).logProbs?.sampledRanks == [0, 1, 0])
    }

    @Test func nullLogProbsMeanNone() throws {
        #expect(try Self.trace(TraceLines.flat(["id": "p", "text": "t"], logProbs: .null)).logProbs == nil)
        #expect(try Self.trace(TraceLines.flat(["id": "p", "text": "t"], logProbs: .members(["content": .null]))).logProbs == nil)
    }

    @Test func unknownValuesOfEveryKindAreSkipped() throws {
        let line = JSONText.members([
            "meta": .members(["nested": [1, 2.5e-3, [true, false, .null], .members(["k": "v\\\"q"])], "empty": .object([])]),
            "problem_id": "p",
            "score": .raw("NaN"), "big": .raw("-1.5E+300"), "list": [], "flag": false,
            "text": "t",
        ])
        #expect(try Self.trace(line).text == "t")
    }

    // MARK: Saved responses

    static func chatChoice(_ index: Int, content: JSONText, reasoning: JSONText = .null) -> JSONText {
        .members([
            "index": .integer(index), "message": .members(["role": "assistant", "content": content, "reasoning": reasoning]),
            "logprobs": TraceLines.chatLogProbs(Array(Self.steps.prefix(1))), "finish_reason": "stop",
        ])
    }

    @Test func responseWithSeveralChoicesGivesOneTraceEachNumberedByIndex() throws {
        let line = JSONText.members([
            "id": "chatcmpl-1", "object": "chat.completion", "model": "served-model",
            "choices": [Self.chatChoice(1, content: "b", reasoning: "think b"), Self.chatChoice(0, content: "a")],
            "usage": .members(["prompt_tokens": 5]), "problem_id": "p9", "gold": "a",
        ])
        let traces = try Self.parse(line).map(\.trace)
        #expect(traces.map(\.text) == ["b", "a"])
        #expect(traces.map(\.sampleIndex) == [1, 0])
        #expect(traces.map(\.problemID) == ["p9", "p9"])
        #expect(traces.map(\.model) == ["served-model", "served-model"])
        #expect(traces.map(\.gold) == ["a", "a"])
        #expect(traces.map(\.reasoning) == ["think b", nil])
        #expect(traces.map(\.finishReason) == ["stop", "stop"])
        #expect(traces.map(\.source) == [SourceLocation(file: "runs/a.jsonl", line: 7, choice: 1), SourceLocation(file: "runs/a.jsonl", line: 7, choice: 0)])
        #expect(traces[0].logProbs?.sampledLogProbs == [-0.25])
    }

    @Test func loneChoiceIsNumberedByTheReaderUnlessTheLineSays() throws {
        let choice = Self.chatChoice(0, content: "a")
        #expect(try Self.trace(.members(["problem_id": "p", "choices": [choice]])).sampleIndex == nil)
        #expect(try Self.trace(.members(["problem_id": "p", "sample_index": 4, "choices": [choice]])).sampleIndex == 4)
    }

    @Test func responseIDIsNotAProblemID() throws {
        let line = JSONText.members(["id": "chatcmpl-1", "choices": [Self.chatChoice(0, content: "a")]])
        let error = try #require(throws: TraceError.self) { try Self.parse(line) }
        #expect(error.reason == .missingID)
        // ... unless the user names it.
        #expect(try Self.trace(line, options: TraceReadOptions(idField: "id")).problemID == "chatcmpl-1")
    }

    @Test func completionsResponseTextAndReasoningOnlyChoice() throws {
        let line = JSONText.members([
            "problem_id": "p", "object": "text_completion",
            "choices": [
                .members(["text": "plain", "index": 0, "logprobs": .null, "finish_reason": "stop"]),
                // A reasoning server cut off inside the thinking: no content, only reasoning.
                .members(["index": 1, "message": .members(["content": .null, "reasoning_content": "so far"]), "finish_reason": "length"]),
            ],
        ])
        let traces = try Self.parse(line).map(\.trace)
        #expect(traces.map(\.text) == ["plain", ""])
        #expect(traces.map(\.reasoning) == [nil, "so far"])
        #expect(traces.map(\.finishReason) == ["stop", "length"])
    }

    // MARK: Multi-response results

    @Test(arguments: ["responses", "completions", "outputs"])
    func listOfResponsesGivesOneTraceEach(field: String) throws {
        let line = JSONText.object([("problem_id", "p"), (field, ["x", "y", "z"]), ("gt", "y")])
        let traces = try Self.parse(line).map(\.trace)
        #expect(traces.map(\.text) == ["x", "y", "z"])
        #expect(traces.map(\.sampleIndex) == [0, 1, 2])
        #expect(traces.map(\.gold) == ["y", "y", "y"])
        #expect(traces.map { $0.source.choice } == [0, 1, 2])
        #expect(traces.allSatisfy { $0.logProbs == nil })
    }

    @Test func lmEvalNestedRespsAreFlattened() throws {
        let line = JSONText.members(["doc_id": 5, "resps": [["first"], ["second", "third"]], "target": "3"])
        let options = TraceReadOptions(idField: "doc_id", goldField: "target")
        let traces = try Self.parse(line, options: options).map(\.trace)
        #expect(traces.map(\.text) == ["first", "second", "third"])
        #expect(traces.map(\.problemID) == ["5", "5", "5"])
        #expect(traces.map(\.gold) == ["3", "3", "3"])
    }

    @Test func singleResponseStringAndSampleIndexOffset() throws {
        let traces = try Self.parse(.members(["id": "p", "response": "only", "sample_index": 2])).map(\.trace)
        #expect(traces.map(\.text) == ["only"])
        #expect(traces.map(\.sampleIndex) == [2])
    }

    // MARK: Options

    @Test func namedFieldsReplaceTheAliases() throws {
        let options = TraceReadOptions(idField: "qid", textField: "completion", goldField: "label", questionField: "input")
        let line = JSONText.members([
            "qid": "q1", "id": "ignored", "completion": "out", "text": "ignored", "label": "L", "gold": "ignored",
            "input": "in", "prompt": "ignored",
        ])
        let trace = try Self.trace(line, options: options)
        #expect(trace.problemID == "q1")
        #expect(trace.text == "out")
        #expect(trace.gold == "L")
        #expect(trace.prompt == "in")
    }

    @Test func aNameGivenToOneRoleIsNoLongerAnAliasOfAnother() throws {
        // `answer` is a gold alias by default; named as the text field, it is the text only.
        let trace = try Self.trace(.members(["id": "p", "answer": "out"]), options: TraceReadOptions(textField: "answer"))
        #expect(trace.text == "out")
        #expect(trace.gold == nil)
    }

    @Test func namedResponsesField() throws {
        let traces = try Self.parse(.members(["id": "p", "generations": ["a", "b"]]), options: TraceReadOptions(responsesField: "generations"))
        #expect(traces.map(\.trace.text) == ["a", "b"])
    }
}
