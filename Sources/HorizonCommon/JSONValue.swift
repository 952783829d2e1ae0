/// A JSON value that keeps what the server sent: object keys in their original order and numbers as
/// their literal text.
///
/// Log-probabilities are copied into trace files verbatim, so a value must round-trip without
/// losing digits (`-1.6094379425048828` stays exactly that) or reordering a legacy `top_logprobs`
/// dictionary (whose order is the server's rank order).
///
/// Equality compares structure, key order and number spelling: `1` and `1.0` differ. Use
/// ``doubleValue`` to compare numbers by value.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, stored as its JSON literal (already validated against the JSON grammar).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members in their original order; keys are unique.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

extension JSONValue {
    /// A number from an integer.
    public static func integer(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

    /// A number from a finite double, in Swift's shortest round-trip spelling; `nil` for NaN or
    /// an infinity, which JSON cannot hold.
    public static func double(_ value: Double) -> JSONValue? {
        value.isFinite ? .number(String(value)) : nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps the literal's order; a repeated key keeps its last value at its first position.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONValue.object([])
        for (key, value) in elements { object[key] = value }
        self = object
    }
    public init(nilLiteral: ()) { self = .null }
}
