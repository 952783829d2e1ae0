/// What kind of JSON value a span holds. (`public` with `package` members for cross-module
/// inlining, as ``JSONCursor``.)
public enum JSONValueKind: Equatable, Sendable {
    case string, number, object, array, bool, null
}

/// Where a scanned value lies in the line; strings also carry their raw contents. (`public`
/// with `package` members for cross-module inlining, as ``JSONCursor``.)
public struct JSONValueSpan: Sendable {
    @usableFromInline package var kind: JSONValueKind
    /// Offsets of the value's first byte and one past its last.
    @usableFromInline package var start: Int
    @usableFromInline package var end: Int
    @usableFromInline package var string: RawString?

    @inlinable package init(kind: JSONValueKind, start: Int, end: Int, string: RawString? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.string = string
    }
}
