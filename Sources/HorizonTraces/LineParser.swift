import HorizonCommon

/// Reads one JSONL line: its top-level object, which of the accepted shapes it has, and the
/// traces it holds.
///
/// The shapes, tried in this order:
/// 1. a saved response object (`choices` present): one trace per choice;
/// 2. a multi-response result (`responses` or an alias present): one trace per string;
/// 3. a flat trace: one trace.
///
/// Top-level values of interest are only located while the object is scanned (their text is
/// decoded when the trace is assembled, and only for the alias that wins); `logprobs` and
/// `choices` are parsed on the spot because they are the bulk of the line.
struct LineParser {
    var cursor: JSONCursor
    let names: TraceFieldNames
    /// Reused buffers, so that decoding and comparing tokens allocates nothing per token.
    var sampledScratch: [UInt8] = []
    var sampledBytesScratch: [UInt8] = []
    var candidateScratch: [UInt8] = []
    var textScratch: [UInt8] = []
    /// Whether the candidates' log-probabilities are converted and kept; a reader that only
    /// needs the entries checked (the sampling client) turns this off, and each candidate is
    /// then recorded as 0 (only their number and the sampled token's rank stay meaningful).
    var keepsCandidateLogProbs = true
    /// The line's length (up to its line feed), once ``parseTraces(at:)`` succeeded.
    private(set) var lineLength = 0
    /// The text of the members the names mark as kept, once ``parseTraces(at:)`` succeeded.
    private(set) var keptMembers: [String: [UInt8]] = [:]

    /// - Precondition: as for ``JSONCursor``: `base[0..<readable]` is readable and the line
    ///   ends at its first line feed, or at `readable`, where a NUL or line feed is.
    init(base: UnsafePointer<UInt8>, readable: Int, names: TraceFieldNames) {
        self.init(cursor: JSONCursor(base: base, end: readable), names: names)
    }

    /// A parser reading at `cursor` (a line, or a document such as a server response).
    init(cursor: JSONCursor, names: TraceFieldNames) {
        self.cursor = cursor
        self.names = names
    }

    /// Parses the line and records its length in ``lineLength``.
    ///
    /// - Parameter location: The line's place, stamped on its traces (with the choice or
    ///   response position added for lines holding several).
    /// - Throws: A ``LineFault`` for the first problem found.
    mutating func parseTraces(at location: SourceLocation) throws -> [ParsedTrace] {
        guard cursor.peek() == ASCII.openBrace else {
            try cursor.skipValue()
            try cursor.expectEndOfLine()
            throw LineFault(.notAnObject, "a trace line must be a JSON object")
        }
        var fields = [JSONValueSpan?](repeating: nil, count: names.entries.count)
        var logProbs: LogProbsBuilder?
        var choices: [ResponseChoice]?
        if try cursor.enterObject() {
            repeat {
                let key = try cursor.readKey()
                guard let entry = entryIndex(of: key) else {
                    try cursor.skipValue()
                    continue
                }
                switch names.entries[entry].role {
                case .logProbs: logProbs = try parseLogProbs()
                case .choices: choices = try parseChoices()
                case .kept:
                    _ = cursor.peek()
                    let start = cursor.position
                    _ = try cursor.scanValue()
                    keptMembers[String(decoding: names.entries[entry].name, as: UTF8.self)] = Array(cursor.bytes(start, cursor.position))
                default:
                    let span = try cursor.scanValue()
                    fields[entry] = span.kind == .null ? nil : span
                }
            } while try cursor.nextMember()
        }
        try cursor.expectEndOfLine()
        lineLength = cursor.position

        if let choices {
            // A response object's `id` names the completion, not the problem.
            let shared = try sharedFields(fields, ignoringBuiltInID: true)
            return try responseTraces(choices, shared: shared, location: location)
        }
        let shared = try sharedFields(fields, ignoringBuiltInID: false)
        if let responses = field(.responses, in: fields) {
            return try listedTraces(responses, shared: shared, location: location)
        }
        return [try flatTrace(fields, logProbs: logProbs, shared: shared, location: location)]
    }

    /// The entry of ``names`` that `key` is, if any.
    private mutating func entryIndex(of key: RawString) -> Int? {
        guard key.hasEscapes else { return names.entryIndex(of: cursor.bytes(key.start, key.end)) }
        textScratch.removeAll(keepingCapacity: true)
        cursor.decode(key, into: &textScratch)
        return textScratch.withUnsafeBufferPointer { names.entryIndex(of: $0) }
    }

    // MARK: Fields

    /// The fields every shape shares, read from the top level.
    struct SharedFields {
        var problemID: String
        var sampleIndex: Int?
        var model: String?
        var prompt: String?
        var gold: String?
        var reasoning: String?
        var finishReason: String?
        var logProbKind: LogProbKind?
        var sampling: RecordedSampling?
    }

    private mutating func sharedFields(
        _ fields: [JSONValueSpan?], ignoringBuiltInID: Bool
    ) throws -> SharedFields {
        guard let id = field(.problemID, in: fields, skippingBuiltIn: ignoringBuiltInID ? "id" : nil) else {
            throw LineFault(.missingID, "missing problem id (looked for \(fieldNames(.problemID)))")
        }
        guard id.span.kind == .string || id.span.kind == .number else {
            throw LineFault(.invalidField, "\(id.name) must be a string or a number")
        }
        let problemID = try idText(id.span, name: id.name)
        guard !problemID.isEmpty else { throw LineFault(.missingID, "\(id.name) is empty") }

        var shared = SharedFields(problemID: problemID)
        if let index = field(.sampleIndex, in: fields) {
            let range = 0...Int(Int32.max)
            guard index.span.kind == .number else {
                let text = String(decoding: cursor.bytes(index.span.start, index.span.end), as: UTF8.self)
                throw LineFault(.invalidField, "\(index.name) must be a whole number in \(range), not \(text)")
            }
            cursor.position = index.span.start
            shared.sampleIndex = try cursor.parseInteger(in: range, field: index.name)
        }
        shared.model = try stringValue(field(.model, in: fields))
        shared.prompt = field(.prompt, in: fields).map { textValue($0.span) }
        shared.gold = field(.gold, in: fields).map { textValue($0.span) }
        shared.reasoning = try stringValue(field(.reasoning, in: fields))
        shared.finishReason = try stringValue(field(.finishReason, in: fields))
        if let kindField = field(.logProbKind, in: fields), let kind = try stringValue(kindField) {
            guard let logProbKind = LogProbKind(rawValue: kind) else {
                throw LineFault(.invalidField, "\(kindField.name) must be \"raw\" or \"processed\", not \"\(kind)\"")
            }
            shared.logProbKind = logProbKind
        }
        if let sampling = field(.sampling, in: fields) {
            shared.sampling = try recordedSampling(sampling)
        }
        return shared
    }

    /// The settings of a `sampling` object; members other than the decoding settings (the
    /// seed, `max_tokens`) are skipped.
    private mutating func recordedSampling(
        _ field: (span: JSONValueSpan, name: String)
    ) throws -> RecordedSampling {
        guard field.span.kind == .object else { throw LineFault(.invalidField, "\(field.name) must be an object") }
        cursor.position = field.span.start
        var sampling = RecordedSampling()
        guard try cursor.enterObject() else { return sampling }
        repeat {
            let key = try cursor.readKey()
            if cursor.matches(key, "temperature") {
                sampling.temperature = try optionalNumber("\(field.name).temperature")
            } else if cursor.matches(key, "top_p") {
                sampling.topP = try optionalNumber("\(field.name).top_p")
            } else if cursor.matches(key, "top_k") {
                if !cursor.skipNull() {
                    sampling.topK = try cursor.parseInteger(in: Int(Int32.min)...Int(Int32.max), field: "\(field.name).top_k")
                }
            } else if cursor.matches(key, "min_p") {
                sampling.minP = try optionalNumber("\(field.name).min_p")
            } else if cursor.matches(key, "repetition_penalty") || cursor.matches(key, "repeat_penalty") {
                sampling.repetitionPenalty = try optionalNumber("\(field.name).\(cursor.matches(key, "repeat_penalty") ? "repeat_penalty" : "repetition_penalty")")
            } else {
                try cursor.skipValue()
            }
        } while try cursor.nextMember()
        return sampling
    }

    /// A number, or `nil` for `null`.
    private mutating func optionalNumber(_ field: String) throws -> Double? {
        if cursor.skipNull() { return nil }
        guard cursor.peek() != ASCII.quote, cursor.peek() != ASCII.openBrace, cursor.peek() != ASCII.openBracket else {
            try cursor.skipValue()
            throw LineFault(.invalidField, "\(field) must be a number")
        }
        return try cursor.parseDouble()
    }

    /// The names a role is looked for under, for messages: `problem_id, id, idx, unique_id`.
    private func fieldNames(_ role: TraceFieldRole) -> String {
        names.ranges[role.rawValue].map { String(decoding: names.entries[$0].name, as: UTF8.self) }
            .joined(separator: ", ")
    }

    /// The best (first-priority) non-null value given for `role`, and the name it was under.
    private func field(
        _ role: TraceFieldRole, in fields: [JSONValueSpan?], skippingBuiltIn skipped: StaticString? = nil
    ) -> (span: JSONValueSpan, name: String)? {
        for index in names.ranges[role.rawValue] {
            guard let span = fields[index] else { continue }
            let entry = names.entries[index]
            if let skipped, entry.isBuiltIn,
                entry.name.elementsEqual(UnsafeBufferPointer(start: skipped.utf8Start, count: skipped.utf8CodeUnitCount))
            {
                continue
            }
            return (span, String(decoding: entry.name, as: UTF8.self))
        }
        return nil
    }

    /// A string field's text, or `nil` when absent.
    ///
    /// - Throws: ``TraceError/Reason/invalidField`` when the value is not a string.
    mutating func stringValue(_ field: (span: JSONValueSpan, name: String)?) throws -> String? {
        guard let field else { return nil }
        guard let raw = field.span.string else { throw LineFault(.invalidField, "\(field.name) must be a string") }
        return cursor.decodeText(raw, scratch: &textScratch)
    }

    /// Any value as text: a string decoded, anything else (a number, an array of chat
    /// messages) as its JSON text.
    /// A problem id, refused rather than repaired when it is not valid UTF-8: ids that differ
    /// only in their invalid bytes would both become U+FFFD and merge into one problem.
    mutating func idText(_ span: JSONValueSpan, name: String) throws -> String {
        guard let raw = span.string else { return textValue(span) }
        textScratch.removeAll(keepingCapacity: true)
        cursor.decode(raw, into: &textScratch)
        guard let text = String(validating: textScratch, as: UTF8.self) else {
            throw LineFault(.invalidField, "\(name) is not valid UTF-8 (ids are compared byte for byte and cannot be repaired)")
        }
        return text
    }

    mutating func textValue(_ span: JSONValueSpan) -> String {
        if let raw = span.string { return cursor.decodeText(raw, scratch: &textScratch) }
        return String(decoding: cursor.bytes(span.start, span.end), as: UTF8.self)
    }

    // MARK: Shapes

    /// A flat trace: `text` (or the text the log-probability tokens spell), and the line's
    /// own `logprobs`.
    private mutating func flatTrace(
        _ fields: [JSONValueSpan?], logProbs: LogProbsBuilder?, shared: SharedFields, location: SourceLocation
    ) throws -> ParsedTrace {
        let text = try stringValue(field(.text, in: fields))
        return try trace(text: text, logProbs: logProbs, shared: shared, location: location)
    }

    /// Builds a trace, taking the text from the log-probabilities' tokens when it is missing.
    ///
    /// An output with thinking but no text (a reasoning server cut it off inside the
    /// thinking) gets empty text.
    func trace(
        text: String?, logProbs: LogProbsBuilder?, shared: SharedFields, location: SourceLocation
    ) throws -> ParsedTrace {
        let outputText: String
        if let text {
            outputText = text
        } else if let logProbs {
            outputText = String(decoding: logProbs.logProbs.tokenBytes, as: UTF8.self)
        } else if shared.reasoning != nil {
            outputText = ""
        } else {
            throw LineFault(
                .missingText, "missing output text (no \(fieldNames(.text)) and no logprobs)",
                choice: location.choice)
        }
        var trace = Trace(
            problemID: shared.problemID, sampleIndex: shared.sampleIndex, model: shared.model,
            prompt: shared.prompt, gold: shared.gold, text: outputText, reasoning: shared.reasoning,
            finishReason: shared.finishReason, logProbKind: shared.logProbKind,
            logProbs: logProbs?.logProbs, source: location)
        trace.sampling = shared.sampling
        var parsed = ParsedTrace(
            trace: trace, emptyTopLists: logProbs?.emptyTopLists ?? 0,
            sampledNotInTop: logProbs?.sampledNotInTop ?? 0)
        parsed.topListOffsets = logProbs?.topListOffsets ?? []
        return parsed
    }

    /// A multi-response result: one trace per string of the list (lm-eval's `resps` nests
    /// lists; they are flattened). Sample index = the line's `sample_index` (or 0) + position.
    private mutating func listedTraces(
        _ responses: (span: JSONValueSpan, name: String), shared: SharedFields, location: SourceLocation
    ) throws -> [ParsedTrace] {
        var texts: [String] = []
        cursor.position = responses.span.start
        try collectStrings(into: &texts, field: responses.name, depth: 0)
        var traces: [ParsedTrace] = []
        traces.reserveCapacity(texts.count)
        for (position, text) in texts.enumerated() {
            var sample = shared
            sample.sampleIndex = (shared.sampleIndex ?? 0) + position
            var place = location
            place.choice = position
            traces.append(try trace(text: text, logProbs: nil, shared: sample, location: place))
        }
        return traces
    }

    /// Appends the strings of the value at the cursor: a string, or an array of strings and
    /// such arrays.
    private mutating func collectStrings(into texts: inout [String], field: String, depth: Int) throws {
        if cursor.peek() == ASCII.quote {
            texts.append(cursor.decodeText(try cursor.scanString(), scratch: &textScratch))
            return
        }
        guard cursor.peek() == ASCII.openBracket, depth < JSONCursor.maximumDepth else {
            throw LineFault(.invalidField, "\(field) must hold strings or lists of strings", choice: texts.count)
        }
        guard try cursor.enterArray() else { return }
        repeat { try collectStrings(into: &texts, field: field, depth: depth + 1) } while try cursor.nextElement()
    }
}
