/// A JSON value with ordered object members, rendered to text for building test lines.
///
/// Object members keep the order they are written in (some parser paths depend on key
/// order), numbers print as Swift's shortest round-tripping form, and strings can be written
/// with every non-ASCII character as `\uXXXX` escapes (surrogate pairs beyond the BMP), the
/// way Python's `json.dumps` writes them by default.
public indirect enum JSONText: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral
{
    case string(String)
    case number(Double)
    case integer(Int)
    /// Written exactly as given (e.g. `NaN`, `-Infinity`, `1e400`, or broken JSON).
    case raw(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(arrayLiteral elements: JSONText...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// An object from ordered members.
    public static func members(_ members: KeyValuePairs<String, JSONText>) -> JSONText {
        .object(members.map { ($0.key, $0.value) })
    }

    /// The compact JSON text.
    ///
    /// - Parameter asciiOnly: Escape every non-ASCII character as `\uXXXX`.
    public func rendered(asciiOnly: Bool = false) -> String {
        var output = ""
        render(into: &output, asciiOnly: asciiOnly)
        return output
    }

    /// The UTF-8 bytes of the compact JSON text.
    public func bytes(asciiOnly: Bool = false) -> [UInt8] { Array(rendered(asciiOnly: asciiOnly).utf8) }

    private func render(into output: inout String, asciiOnly: Bool) {
        switch self {
        case .string(let text): Self.renderString(text, into: &output, asciiOnly: asciiOnly)
        case .number(let value): output += value.description
        case .integer(let value): output += String(value)
        case .raw(let text): output += text
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                element.render(into: &output, asciiOnly: asciiOnly)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += ", " }
                Self.renderString(key, into: &output, asciiOnly: asciiOnly)
                output += ": "
                value.render(into: &output, asciiOnly: asciiOnly)
            }
            output += "}"
        }
    }

    private static func renderString(_ text: String, into output: inout String, asciiOnly: Bool) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || (asciiOnly && scalar.value >= 0x7F):
                for unit in String(scalar).utf16 { output += "\\u" + hex4(unit) }
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
