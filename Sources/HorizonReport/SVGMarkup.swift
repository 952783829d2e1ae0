import HorizonCommon

/// A small writer of SVG markup: elements one per line, attributes in the order given and
/// always XML-escaped (an attribute whose value is empty is left out, which lets callers pass
/// optional attributes inline), numbers in a fixed short format, so the output is deterministic.
struct SVGMarkup: Sendable {
    private(set) var text = ""
    private var depth = 0

    /// A coordinate or length with at most 2 decimals and no trailing zeros: `12.5`, `320`.
    static func number(_ value: Double) -> String {
        var text = NumberFormat.fixed(value, decimals: 2)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Opens an element that will contain others.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        line("<\(name)\(Self.render(attributes))>")
        depth += 1
    }

    /// Closes the innermost open element.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element with text content (escaped) or, with `content` nil, an empty element.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, content: String? = nil) {
        if let content {
            line("<\(name)\(Self.render(attributes))>\(XMLText.escape(content))</\(name)>")
        } else {
            line("<\(name)\(Self.render(attributes))/>")
        }
    }

    private mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: max(depth, 0)) + markup + "\n"
    }

    private static func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.filter { !$0.value.isEmpty }.map { " \($0.key)=\"\(XMLText.escape($0.value))\"" }.joined()
    }
}
