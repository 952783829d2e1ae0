/// Where and why bytes stopped being JSON, as the shared grammar (``JSONCursor``) found it.
///
/// Each stage turns it into its own error with the place it knows: the trace reader adds file
/// and line (`TraceError`), the client the response it was reading (`ClientError`).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected and what was found, e.g. `expected ':' after an object key, found '}'`.
    public var message: String
    /// 0-based byte offset of the problem in the scanned text.
    public var offset: Int

    package init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `invalid JSON at byte N: what was expected, found what`.
    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
