/// Splits a normalised answer into ``LatexToken``s.
///
/// Numbers are read here because only here is it known whether a comma sits inside brackets:
/// at the top level `7,425,000` and `1 000` are grouped thousands, while in `(12,102)` the comma
/// separates items. In plain text some commas are decimal commas (`2,74`; see
/// ``isDecimalComma(at:integerDigits:start:)``).
struct LatexTokenizer {
    let s: [Unicode.Scalar]
    let isPlainText: Bool
    var i = 0
    var depth = 0
    var tokens: [LatexToken] = []

    let maximumDepth: Int

    init(_ text: String, isPlainText: Bool, maximumDepth: Int) {
        s = LatexText.scalars(text)
        self.isPlainText = isPlainText
        self.maximumDepth = maximumDepth
    }

    /// The tokens of `text`.
    /// - Throws: ``AnswersError``: `unparsableAnswer` on a character no rule covers,
    ///   `answerTooComplex` when brackets nest deeper than `maximumDepth` (checked here, before
    ///   any parsing, so deep nesting costs one pass).
    /// - Complexity: O(n).
    static func tokenize(_ text: String, isPlainText: Bool, maximumDepth: Int = 32) throws(AnswersError) -> [LatexToken] {
        var tokenizer = LatexTokenizer(text, isPlainText: isPlainText, maximumDepth: maximumDepth)
        try tokenizer.run()
        return tokenizer.tokens
    }

    mutating func run() throws(AnswersError) {
        while i < s.count {
            guard depth <= maximumDepth else { throw AnswersError(.answerTooComplex, "brackets nested too deeply") }
            let c = s[i]
            if LatexText.isWhitespace(c) {
                i += 1
            } else if LatexText.isDigit(c) || (c == "." && i + 1 < s.count && LatexText.isDigit(s[i + 1])) {
                try readNumber()
            } else if LatexText.isLetter(c) {
                readLetters()
            } else if c == "\\" {
                try readCommand()
            } else {
                try readSymbol(c)
            }
        }
    }

    mutating func emit(_ token: LatexToken) {
        switch token {
        case .open, .setOpen, .floorOpen, .ceilingOpen, .beginEnvironment: depth += 1
        case .close, .setClose, .floorClose, .ceilingClose, .endEnvironment: depth = max(depth - 1, 0)
        default: break
        }
        tokens.append(token)
    }

    // MARK: Numbers

    mutating func readNumber() throws(AnswersError) {
        var integerDigits = ""
        var j = i
        while j < s.count, LatexText.isDigit(s[j]) {
            integerDigits.unicodeScalars.append(s[j])
            j += 1
        }
        let previousIsScript = tokens.last == .symbol("^") || tokens.last == .symbol("_")
        if depth == 0, !previousIsScript, integerDigits.count <= 3, integerDigits.first != "0" {
            // Thousands groups: every group after the first has exactly three digits.
            let groupedEnd = BareNumber.integerPartEnd(in: s, from: i)
            if groupedEnd > j {
                integerDigits = LatexText.string(s[i..<groupedEnd].filter { LatexText.isDigit($0) })
                j = groupedEnd
            }
        }
        var fractionDigits = ""
        let decimalMark = j + 1 < s.count && LatexText.isDigit(s[j + 1])
            && (s[j] == "." || (s[j] == "," && isDecimalComma(at: j, integerDigits: integerDigits, start: i)))
        if decimalMark {
            j += 1
            while j < s.count, LatexText.isDigit(s[j]) {
                fractionDigits.unicodeScalars.append(s[j])
                j += 1
            }
        }
        if let (shifted, end) = scientificNotation(from: j, integerDigits: integerDigits, fractionDigits: fractionDigits) {
            // `1e20`, `2.5E-3`.
            i = end
            emit(.number(shifted))
            return
        }
        guard let literal = NumberLiteral(integerDigits: integerDigits, fractionDigits: fractionDigits) else {
            throw AnswersError(.unparsableAnswer, "malformed number")
        }
        if fractionDigits.isEmpty, !previousIsScript, let time = clockTimeEnd(from: j, hourDigits: integerDigits) {
            // `20:34`: a clock time is a word, compared as text (the normaliser has made it 24-hour).
            emit(.word(LatexText.string(s[i..<time])))
            i = time
            return
        }
        i = j
        emit(.number(literal))
        if fractionDigits.isEmpty, !previousIsScript, let fraction = mixedFractionSpan(from: j) {
            // `1 1/2` is the mixed number 1 + 1/2, grouped so that `-1 1/2` is -(1 + 1/2).
            tokens.removeLast()
            emit(.open("("))
            emit(.number(literal))
            emit(.symbol("+"))
            emit(.number(fraction.numerator))
            emit(.symbol("/"))
            emit(.number(fraction.denominator))
            emit(.close(")"))
            i = fraction.end
        }
    }

    /// For an exponent `e20`, `E-3`, `e+5` at `mark` (at most three digits): the number with its
    /// decimal point moved, and the index after the exponent. In LaTeX only an unsigned exponent
    /// counts: `3e-2` there is 3e − 2 (Euler's number), while `1e20` has no other reading.
    func scientificNotation(from mark: Int, integerDigits: String, fractionDigits: String) -> (NumberLiteral, Int)? {
        guard mark < s.count, s[mark] == "e" || s[mark] == "E" else { return nil }
        var j = mark + 1
        let negative = j < s.count && s[j] == "-"
        if isPlainText, j < s.count, s[j] == "-" || s[j] == "+" { j += 1 }
        let start = j
        while j < s.count, LatexText.isDigit(s[j]) { j += 1 }
        guard j > start, j - start <= 3, j == s.count || !LatexText.isLetter(s[j]),
              let exponent = Int(LatexText.string(s[start..<j])) else { return nil }
        // Move the point: digits stay, only where the integer part ends changes.
        let digits = integerDigits + fractionDigits
        let point = integerDigits.count + (negative ? -exponent : exponent)
        let padded = point < 0 ? String(repeating: "0", count: -point) + digits
            : digits + String(repeating: "0", count: max(0, point - digits.count))
        let split = max(point, 0)
        let literal = NumberLiteral(integerDigits: String(padded.prefix(split)),
                                    fractionDigits: String(padded.dropFirst(split)))
        return literal.map { ($0, j) }
    }

    /// For `H:MM` after an hour of one or two digits at `colon` (hour at most 24, minutes two
    /// digits below 60, no digit after): the index after the minutes.
    func clockTimeEnd(from colon: Int, hourDigits: String) -> Int? {
        guard colon + 2 < s.count, s[colon] == ":", hourDigits.unicodeScalars.count <= 2, let hour = Int(hourDigits),
              hour <= 24, LatexText.isDigit(s[colon + 1]), LatexText.isDigit(s[colon + 2]),
              colon + 3 == s.count || !LatexText.isDigit(s[colon + 3]),
              let minutes = Int(LatexText.string(s[(colon + 1)...(colon + 2)])), minutes < 60 else { return nil }
        return colon + 3
    }

    /// For ` p/q` after an integer at `start` (spaces, then integers around a slash, then no
    /// further digit, letter or script): the fraction's parts and the index after it.
    func mixedFractionSpan(from start: Int) -> (numerator: NumberLiteral, denominator: NumberLiteral, end: Int)? {
        guard start < s.count, LatexText.isWhitespace(s[start]) else { return nil }
        let top = LatexText.skipWhitespace(s, from: start)
        var slash = top
        while slash < s.count, LatexText.isDigit(s[slash]) { slash += 1 }
        guard slash > top, slash < s.count, s[slash] == "/" else { return nil }
        var end = slash + 1
        while end < s.count, LatexText.isDigit(s[end]) { end += 1 }
        guard end > slash + 1 else { return nil }
        if end < s.count, LatexText.isLetter(s[end]) || s[end] == "^" || s[end] == "." || s[end] == "\\" { return nil }
        guard let numerator = NumberLiteral(integerDigits: LatexText.string(s[top..<slash]), fractionDigits: ""),
              let denominator = NumberLiteral(integerDigits: LatexText.string(s[(slash + 1)..<end]), fractionDigits: "")
        else { return nil }
        return (numerator, denominator, end)
    }

    /// In plain text at the top level, a comma between digits (not a thousands separator) is a
    /// decimal comma when the integer part is `0` or has four or more digits (`0,111`,
    /// `1000,99`) or exactly two digits follow (`2,74`, European cents); otherwise it separates
    /// items (`-2,1`, `2,5` are lists).
    func isDecimalComma(at comma: Int, integerDigits: String, start: Int) -> Bool {
        guard isPlainText, depth == 0, comma == start + integerDigits.unicodeScalars.count else { return false }
        var end = comma + 1
        while end < s.count, LatexText.isDigit(s[end]) { end += 1 }
        return integerDigits == "0" || integerDigits.unicodeScalars.count >= 4 || end - comma - 1 == 2
    }

    // MARK: Letters and commands

    static let functionNames: [String: LatexToken] = {
        var names: [String: LatexToken] = [:]
        for f in MathFunction.allCases { names[f.rawValue] = .function(f) }
        names["ln"] = .logarithm(natural: true)
        names["log"] = .logarithm(natural: false)
        names["lg"] = .logarithm(natural: false)
        // Plain-text spellings (`sqrt(2)`, `abs(x - 1)`), as models and Python graders write them.
        names["sqrt"] = .command("sqrt")
        names["asin"] = .function(.arcsin)
        names["acos"] = .function(.arccos)
        names["atan"] = .function(.arctan)
        names["abs"] = .command("abs")
        return names
    }()

    mutating func readLetters() {
        var end = i
        while end < s.count, LatexText.isLetter(s[end]) { end += 1 }
        let run = LatexText.string(s[i..<end])
        i = end
        if run == "log", let base = logarithmBaseEnd(from: end) {
            // `log10(x)`, `log2(x)`: Python's logarithms with a base in the name.
            emit(.logarithm(natural: false))
            emit(.symbol("_"))
            emit(.number(NumberLiteral(integerDigits: LatexText.string(s[end..<base]), fractionDigits: "")!))
            i = base
        } else if let token = Self.functionNames[run] {
            emit(token)
        } else if ["inf", "infinity", "infty", "oo"].contains(run.lowercased()) {
            emit(.constant(.infinity))
        } else if run == "pi" {
            emit(.constant(.pi))
        } else if run.unicodeScalars.count >= 3, !Self.namesPoints(run, after: tokens.last) {
            emit(.word(run))
        } else {
            for letter in run.unicodeScalars { emit(Self.letterToken(letter)) }
        }
    }

    /// Capitals after a geometric command are points, not a word (`\triangle ABC`, `\angle PQR`).
    static func namesPoints(_ run: String, after previous: LatexToken?) -> Bool {
        guard case .letter(let command)? = previous, ["triangle", "angle", "measuredangle", "odot", "parallelogram"].contains(command)
        else { return false }
        return run.unicodeScalars.allSatisfy { $0.properties.isUppercase }
    }

    /// For `10(` or `2(` right after `log`: the index after the base's digits.
    func logarithmBaseEnd(from start: Int) -> Int? {
        var end = start
        while end < s.count, end - start < 3, LatexText.isDigit(s[end]) { end += 1 }
        return end > start && end < s.count && s[end] == "(" ? end : nil
    }

    static func letterToken(_ letter: Unicode.Scalar) -> LatexToken {
        switch letter {
        case "e": .constant(.e)
        case "i": .constant(.i)
        default: .letter(String(letter))
        }
    }

    mutating func readCommand() throws(AnswersError) {
        guard let (name, end) = LatexText.command(in: s, at: i) else {
            let next = i + 1 < s.count ? s[i + 1] : " "
            i += 2
            switch next {
            case "\\": emit(.rowBreak)
            case "{": emit(.setOpen)
            case "}": emit(.setClose)
            case "|": emit(.bar)
            case "%": emit(.symbol("%"))
            case " ", ",", ";", ":", "!": break
            default: throw AnswersError(.unparsableAnswer, "unexpected character")
            }
            return
        }
        i = end
        if let token = Self.commandTokens[name] {
            emit(token)
        } else if let token = Self.functionNames[name] {
            emit(token)
        } else if name == "begin" || name == "end" {
            try readEnvironment(isBegin: name == "begin")
        } else {
            // Greek letters and unknown commands are named quantities (`\theta`, `\zzz`).
            emit(.letter(name))
        }
    }

    static let commandTokens: [String: LatexToken] = [
        "frac": .command("frac"), "sqrt": .command("sqrt"), "binom": .command("binom"),
        "pi": .constant(.pi), "infty": .constant(.infinity), "infin": .constant(.infinity),
        "imath": .constant(.i), "cdot": .symbol("*"), "times": .symbol("*"), "ast": .symbol("*"),
        "div": .symbol("/"), "pm": .plusMinus, "mp": .plusMinus,
        "le": .relation(.lessOrEqual), "leq": .relation(.lessOrEqual), "leqslant": .relation(.lessOrEqual),
        "ge": .relation(.greaterOrEqual), "geq": .relation(.greaterOrEqual),
        "geqslant": .relation(.greaterOrEqual), "lt": .relation(.less), "gt": .relation(.greater),
        "ne": .relation(.notEqual), "neq": .relation(.notEqual), "approx": .relation(.approximately),
        "simeq": .relation(.approximately), "thickapprox": .relation(.approximately),
        "in": .member, "cup": .union, "cap": .otherSetOperator, "setminus": .otherSetOperator,
        "emptyset": .emptySet, "varnothing": .emptySet, "lbrace": .setOpen, "rbrace": .setClose,
        "langle": .open("("), "rangle": .close(")"), "lvert": .bar, "rvert": .bar, "vert": .bar,
        "mid": .bar, "lfloor": .floorOpen, "rfloor": .floorClose, "lceil": .ceilingOpen,
        "rceil": .ceilingClose, "dots": .dots, "ldots": .dots, "cdots": .dots, "prime": .symbol("'"),
    ]

    static let matrixEnvironments: Set<String> = [
        "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "matrix", "smallmatrix", "array",
    ]

    /// `\begin{name}` / `\end{name}`; an `array`'s column specification is skipped.
    mutating func readEnvironment(isBegin: Bool) throws(AnswersError) {
        let open = LatexText.skipWhitespace(s, from: i)
        guard open < s.count, s[open] == "{", let close = LatexText.closingBrace(in: s, openingAt: open) else {
            throw AnswersError(.unparsableAnswer, "unbalanced environment braces")
        }
        let name = LatexText.string(s[(open + 1)..<close].filter { $0 != "*" })
        i = close + 1
        guard isBegin else { return emit(.endEnvironment(name)) }
        if name == "array" {
            let spec = LatexText.skipWhitespace(s, from: i)
            if spec < s.count, s[spec] == "{", let specClose = LatexText.closingBrace(in: s, openingAt: spec) {
                i = specClose + 1
            }
        }
        emit(.beginEnvironment(name))
    }

    // MARK: Symbols

    static let unicodeTokens: [Unicode.Scalar: LatexToken] = [
        "\u{03C0}": .constant(.pi), "\u{221E}": .constant(.infinity), "\u{221A}": .command("sqrt"),
        "\u{00D7}": .symbol("*"), "\u{00B7}": .symbol("*"), "\u{22C5}": .symbol("*"), "\u{2219}": .symbol("*"),
        "\u{00F7}": .symbol("/"), "\u{2264}": .relation(.lessOrEqual), "\u{2A7D}": .relation(.lessOrEqual),
        "\u{2265}": .relation(.greaterOrEqual), "\u{2A7E}": .relation(.greaterOrEqual),
        "\u{2260}": .relation(.notEqual), "\u{2248}": .relation(.approximately), "\u{2208}": .member,
        "\u{222A}": .union, "\u{2229}": .otherSetOperator, "\u{2205}": .emptySet, "\u{00B1}": .plusMinus,
        "\u{2213}": .plusMinus, "\u{2026}": .dots, "\u{2032}": .symbol("'"),
    ]

    mutating func readSymbol(_ c: Unicode.Scalar) throws(AnswersError) {
        let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
        i += 1
        switch c {
        case "%" where next.map(LatexText.isLetter) == true:
            // Maxima's constants `%pi`, `%e`, `%i` (STACK answers).
            var end = i
            while end < s.count, LatexText.isLetter(s[end]) { end += 1 }
            switch LatexText.string(s[i..<end]) {
            case "pi": emit(.constant(.pi))
            case "e": emit(.constant(.e))
            case "i": emit(.constant(.i))
            default: throw AnswersError(.unparsableAnswer, "unknown Maxima constant")
            }
            i = end
        case "+", "-", "/", "^", "_", "'", "%": emit(.symbol(c))
        case "*":
            if next == "*" {
                i += 1
                emit(.symbol("^"))
            } else {
                emit(.symbol("*"))
            }
        case "!":
            if next == "=" {
                i += 1
                emit(.relation(.notEqual))
            } else {
                emit(.symbol("!"))
            }
        case "=":
            if next == "=" { i += 1 }
            emit(.relation(.equal))
        case "<", ">":
            let orEqual = next == "="
            if orEqual { i += 1 }
            emit(.relation(c == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)))
        case "(", "[", "{": emit(.open(c))
        case ")", "]", "}": emit(.close(c))
        case ",": emit(.comma)
        case ";": emit(.semicolon)
        case "&": emit(.ampersand)
        case "|": emit(.bar)
        case "~": break
        case ":": emit(.symbol("/"))  // a ratio `V_1:V_2` (clock times were read as numbers)
        case "\u{00B0}": emit(.symbol("°"))
        case "\u{00B2}", "\u{00B3}":
            emit(.symbol("^"))
            emit(.number(NumberLiteral(c == "\u{00B2}" ? 2 : 3)))
        default:
            if let token = Self.unicodeTokens[c] {
                emit(token)
            } else if c.properties.isAlphabetic {
                // A lone non-ASCII letter is a variable (α); a run of them is a word.
                var end = i
                while end < s.count, s[end].value > 0x7F, s[end].properties.isAlphabetic { end += 1 }
                emit(end == i ? .letter(String(c)) : .word(LatexText.string(s[(i - 1)..<end])))
                i = end
            } else {
                throw AnswersError(.unparsableAnswer, "unexpected character")
            }
        }
    }
}
