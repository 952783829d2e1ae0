import HorizonCommon

/// A problem found inside one line, before the line's location is known to the code that
/// found it; the parser turns it into a ``TraceError`` carrying the file and line.
struct LineFault: Error {
    var reason: TraceError.Reason
    var message: String
    /// 0-based byte offset in the line, for syntax errors.
    var offset: Int?
    /// The sample the fault belongs to, when the line holds several (a choice's index or a
    /// response's position).
    var choice: Int?

    init(_ reason: TraceError.Reason, _ message: String, offset: Int? = nil, choice: Int? = nil) {
        self.reason = reason
        self.message = message
        self.offset = offset
        self.choice = choice
    }

    /// Whatever a line parser threw, as a fault: a ``JSONSyntaxError`` from the shared grammar
    /// is malformed JSON at its offset.
    static func from(_ error: any Error) -> LineFault {
        if let fault = error as? LineFault { return fault }
        if let syntax = error as? JSONSyntaxError { return LineFault(.malformedJSON, syntax.message, offset: syntax.offset) }
        return LineFault(.malformedJSON, "\(error)")
    }

    /// The public error for this fault at `location` (the column is 1-based).
    func traceError(at lineLocation: SourceLocation) -> TraceError {
        var location = lineLocation
        location.choice = choice ?? lineLocation.choice
        let column = offset.map { $0 + 1 }
        var text = message
        if let column { text = "malformed JSON at byte \(column): " + message }
        if let choice = location.choice { text = "sample \(choice): " + text }
        return TraceError(reason, at: location, text, column: column)
    }
}
