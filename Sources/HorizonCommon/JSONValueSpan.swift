/// What kind of JSON value a span holds.
package enum JSONValueKind: Equatable, Sendable {
    case string, number, object, array, bool, null
}

/// Where a scanned value lies in the line; strings also carry their raw contents.
package struct JSONValueSpan: Sendable {
    package var kind: JSONValueKind
    /// Offsets of the value's first byte and one past its last.
    package var start: Int
    package var end: Int
    package var string: RawString?

    @inlinable package init(kind: JSONValueKind, start: Int, end: Int, string: RawString? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.string = string
    }
}
