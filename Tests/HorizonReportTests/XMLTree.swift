import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document, flattened to its elements in document order; parsing fails on any
/// malformed input, so a successful parse is the well-formedness check.
struct XMLTree {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The enclosing elements, outermost first, as `name` or `name.class`.
        var ancestors: [String]
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    var elements: [Element]

    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { String(describing: $0) } ?? "unknown") at line \(parser.lineNumber)")
        }
        elements = delegate.elements
    }

    /// Elements with this name and, when given, this `class` attribute.
    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let ancestors = open.map { index in
                elements[index].name + (elements[index].attributes["class"].map { ".\($0)" } ?? "")
            }
            elements.append(Element(name: elementName, attributes: attributes, text: "", ancestors: ancestors))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }
    }
}

extension XMLTree.Element {
    /// The `points` attribute of a polyline or polygon as (x, y) pairs.
    var points: [(x: Double, y: Double)] {
        (attributes["points"] ?? "").split(separator: " ").map { pair in
            let parts = pair.split(separator: ",").map { Double($0)! }
            return (parts[0], parts[1])
        }
    }
}
