import HorizonCommon
import HorizonStability

/// One trace's tokens in reading order, each a box coloured by its entropy, with the thinking
/// and answer spans underlined in their colours and the forking tokens (above the threshold)
/// outlined: where in the text the model had choices.
///
/// The SVG uses only rectangles, lines and text in a monospace font, so it reads the same as
/// an image on GitHub; coordinates go through ``SVGMarkup`` so the bytes are deterministic.
struct TokenStripFigure: Sendable, Equatable {
    var strip: TokenStrip
    /// The fork threshold, nats: tokens above it are outlined.
    var threshold: Double
    var title: String
    var width = 960.0

    static let fontSize = 11.0
    /// Monospace advance at ``fontSize``, rounded up so text stays inside its box.
    static let characterWidth = 7.0
    static let boxHeight = 16.0
    static let rowHeight = 24.0
    static let margin = 16.0
    /// Longer token texts are cut (with …) so one token cannot fill a row.
    static let maximumCharacters = 24
    static let thinkingColor = "#0072B2"
    static let answerColor = "#009E73"
    static let forkStroke = "#222222"

    /// The token as drawn: whitespace made visible, cut to ``maximumCharacters``.
    static func visible(_ token: String) -> String {
        var text = ""
        for character in token {
            switch character {
            case "\n", "\r\n": text += "↵"
            case "\t": text += "⇥"
            case " ": text += "\u{00B7}"
            default: text.append(character)
            }
        }
        if text.isEmpty { text = "∅" }
        return text.count > maximumCharacters ? String(text.prefix(maximumCharacters - 1)) + "…" : text
    }

    /// The fill of entropy `h` on a light-to-dark orange scale over `0...maximum` nats.
    static func fill(_ h: Double, maximum: Double) -> String {
        let share = maximum > 0 ? min(max(h / maximum, 0), 1) : 0
        // From #FFF5EB (no choice) to #D94801 (the strip's highest entropy).
        let low = (255.0, 245.0, 235.0), high = (217.0, 72.0, 1.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * share).rounded())
            let digits = String(value, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        return "#" + channel(low.0, high.0) + channel(low.1, high.1) + channel(low.2, high.2)
    }

    /// The segment colour of token `index`, if it lies in the thinking or answer span.
    func segmentColor(_ index: Int) -> String? {
        func contains(_ range: [Int]?) -> Bool { range.map { $0.count == 2 && $0[0] <= index && index < $0[1] } ?? false }
        if contains(strip.thinking) { return Self.thinkingColor }
        if contains(strip.answer) { return Self.answerColor }
        return nil
    }

    /// The SVG document.
    ///
    /// - Complexity: O(tokens).
    func svg() -> String {
        let maximum = strip.entropies.max() ?? 0
        var boxes: [(x: Double, row: Int, width: Double, text: String)] = []
        var x = Self.margin
        var row = 0
        for token in strip.tokens {
            let text = Self.visible(token)
            let boxWidth = Double(text.count) * Self.characterWidth + 4
            if x + boxWidth > width - Self.margin, x > Self.margin {
                row += 1
                x = Self.margin
            }
            boxes.append((x, row, boxWidth, text))
            x += boxWidth + 1
        }
        let top = 64.0
        let legendTop = top + Double(row + 1) * Self.rowHeight + 12
        let height = legendTop + 40
        var svg = SVGMarkup()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
            "width": SVGMarkup.number(width), "height": SVGMarkup.number(height),
            "viewBox": "0 0 \(SVGMarkup.number(width)) \(SVGMarkup.number(height))",
            "font-family": "Helvetica, Arial, sans-serif", "font-size": SVGMarkup.number(Self.fontSize),
        ])
        svg.element("title", [:], content: title)
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "#ffffff"])
        svg.element("text", [
            "x": SVGMarkup.number(Self.margin), "y": "24", "font-size": "14", "font-weight": "bold", "fill": "#222222",
        ], content: title)
        let cut = strip.traceTokens > strip.tokens.count ? "first \(strip.tokens.count) of \(strip.traceTokens) tokens; " : ""
        svg.element("text", ["x": SVGMarkup.number(Self.margin), "y": "44", "fill": "#555555"],
                    content: "\(cut)fill: entropy 0 to \(NumberFormat.decimal(maximum)) nats; outlined: above \(NumberFormat.decimal(threshold)) nats; ↵ newline, · space")
        svg.open("g", ["font-family": "DejaVu Sans Mono, Menlo, Consolas, monospace"])
        for (index, box) in boxes.enumerated() {
            let y = top + Double(box.row) * Self.rowHeight
            let entropy = strip.entropies[index]
            let isFork = entropy > threshold
            svg.element("rect", [
                "x": SVGMarkup.number(box.x), "y": SVGMarkup.number(y), "width": SVGMarkup.number(box.width),
                "height": SVGMarkup.number(Self.boxHeight), "fill": Self.fill(entropy, maximum: maximum),
                "stroke": isFork ? Self.forkStroke : "", "stroke-width": isFork ? "1" : "",
            ])
            svg.element("text", ["x": SVGMarkup.number(box.x + 2), "y": SVGMarkup.number(y + 12), "fill": "#111111"], content: box.text)
            if let color = segmentColor(index) {
                svg.element("line", [
                    "x1": SVGMarkup.number(box.x), "y1": SVGMarkup.number(y + Self.boxHeight + 2),
                    "x2": SVGMarkup.number(box.x + box.width + 1), "y2": SVGMarkup.number(y + Self.boxHeight + 2),
                    "stroke": color, "stroke-width": "3",
                ])
            }
        }
        svg.close("g")
        let legend: [(String, String)] = [(Self.thinkingColor, "thinking"), (Self.answerColor, "answer")]
        for (offset, item) in legend.enumerated() {
            let legendX = Self.margin + Double(offset) * 120
            svg.element("line", [
                "x1": SVGMarkup.number(legendX), "y1": SVGMarkup.number(legendTop + 8),
                "x2": SVGMarkup.number(legendX + 24), "y2": SVGMarkup.number(legendTop + 8),
                "stroke": item.0, "stroke-width": "3",
            ])
            svg.element("text", ["x": SVGMarkup.number(legendX + 30), "y": SVGMarkup.number(legendTop + 12), "fill": "#222222"], content: item.1)
        }
        svg.close("svg")
        return svg.text
    }
}
