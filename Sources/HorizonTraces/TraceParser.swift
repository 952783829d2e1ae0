import HorizonCommon

/// Parses one JSONL line of a trace file into the traces it holds.
///
/// ```swift
/// let parser = TraceParser()
/// let line = #"{"problem_id": "p1", "text": "<think>2+2</think> 4"}"#
/// let traces = try parser.traces(in: Array(line.utf8), at: SourceLocation(file: "a.jsonl", line: 1))
/// // traces[0].problemID == "p1"
/// ```
///
/// The accepted shapes (a flat trace, a saved server response, a list of responses) and the
/// field aliases are described in `docs/trace-format.md`. The parser is a hand-written
/// byte-level scanner: values the trace does not need are only checked and skipped, strings
/// are decoded only where their text is kept, and numbers are converted exactly without
/// `strtod` in the common case (``DecimalToDouble``).
///
/// Sample indices are left as the line gives them (`nil` when it gives none) and duplicates
/// are not detected here: both need the lines before, which ``TraceReader`` has.
public struct TraceParser: Sendable {
    /// The options the parser was made with (only the field names matter to it).
    public let options: TraceReadOptions
    let names: TraceFieldNames

    public init(options: TraceReadOptions = TraceReadOptions()) {
        self.options = options
        self.names = TraceFieldNames(options: options)
    }

    /// A parser that also hands back the JSON text of the top-level members named `members`,
    /// for lines that carry more than a trace (a probe line's `probe` and `prefix`), so that
    /// such a line is read once, by this parser; see ``parseLine(_:at:)``.
    ///
    /// - Parameter members: names that are not trace fields (a trace field keeps its meaning).
    public init(options: TraceReadOptions = TraceReadOptions(), keeping members: [String]) {
        self.options = options
        self.names = TraceFieldNames(options: options, kept: members)
    }

    /// Parses one line.
    ///
    /// - Parameters:
    ///   - line: The line's bytes; a final line break is allowed, none elsewhere (a JSONL
    ///     line holds none: compact pretty-printed JSON first).
    ///   - location: The line's file and 1-based line number, stamped on the traces and errors.
    /// - Returns: The traces, in the line's order, with the oddity counts of each.
    /// - Throws: ``TraceError`` when the line is malformed or breaks a validation rule.
    /// - Complexity: O(`line.count`); the line is copied once to add the scanner's terminator.
    public func parse(_ line: [UInt8], at location: SourceLocation) throws(TraceError) -> [ParsedTrace] {
        try parseLine(line, at: location).traces
    }

    /// Parses one line (as ``parse(_:at:)``) and returns, beside its traces, the text of the
    /// kept members it has (see ``init(options:keeping:)``), exactly as the line spells them.
    public func parseLine(_ line: [UInt8], at location: SourceLocation) throws(TraceError) -> (traces: [ParsedTrace], members: [String: [UInt8]]) {
        var terminated = line
        if terminated.last == ASCII.newline { terminated.removeLast() }
        let count = terminated.count
        terminated.append(0)
        let result: Result<(traces: [ParsedTrace], members: [String: [UInt8]], length: Int), TraceError> = terminated.withUnsafeBufferPointer { buffer in
            Result { () throws(TraceError) in
                var lineParser = LineParser(base: buffer.baseAddress!, readable: count, names: names)
                do {
                    let traces = try lineParser.parseTraces(at: location)
                    return (traces, lineParser.keptMembers, lineParser.lineLength)
                } catch {
                    throw LineFault.from(error).traceError(at: location)
                }
            }
        }
        let parsed = try result.get()
        guard parsed.length == count else { throw Self.lineBreakError(at: parsed.length, location: location) }
        return (parsed.traces, parsed.members)
    }

    /// A line feed where the line's object ended before the end of the given bytes.
    private static func lineBreakError(at length: Int, location: SourceLocation) -> TraceError {
        TraceError(
            .malformedJSON, at: location,
            "malformed JSON at byte \(length + 1): a line break inside the line (one object per line)",
            column: length + 1)
    }

    /// Parses one line, returning only the traces (see ``parse(_:at:)``).
    public func traces(in line: [UInt8], at location: SourceLocation) throws(TraceError) -> [Trace] {
        try parse(line, at: location).map(\.trace)
    }

    /// Parses the line starting at `base`, without copying: the line ends at its first line
    /// feed, or at `readable`, where a NUL or line feed must be (see ``JSONCursor``).
    ///
    /// - Returns: The traces, and the line's length (the offset of its line feed or end).
    func parse(
        line base: UnsafePointer<UInt8>, readable: Int, at location: SourceLocation
    ) throws(TraceError) -> (traces: [ParsedTrace], length: Int) {
        var lineParser = LineParser(base: base, readable: readable, names: names)
        do {
            let traces = try lineParser.parseTraces(at: location)
            return (traces, lineParser.lineLength)
        } catch {
            throw LineFault.from(error).traceError(at: location)
        }
    }
}
