/// Parses a normalised answer into a ``MathAnswer``.
///
/// The grammar, loosest first:
/// ```
/// answer     := item ((',' | ';') item)*            -- two or more items: a list
/// item       := setExpr ('\in' setExpr | (relop setExpr)*)
/// setExpr    := operand ('\cup' operand)*
/// operand    := additive                             -- a value, or a bracket structure alone
/// additive   := multiplicative (('+' | '-' | '\pm') multiplicative)*
/// multiplicative := unary (('*' | '/') unary | power)*   -- juxtaposition multiplies
/// unary      := ('-' | '+' | '\pm') multiplicative | power
/// power      := postfix ('^' script)?
/// postfix    := primary ('!' | "'" | '%' | '_' script)*
/// primary    := number | letter | constant | group | \frac | \sqrt | \binom | function
///             | |x| | floor | ceiling | matrix | \{ items \}
/// ```
/// Brackets decide structures: `(a, b)` is a tuple, `[a, b)` an interval, `\{a, b\}` a set,
/// `{a, b}` (bare braces) a list. Words (runs of three or more letters that name nothing) make
/// the whole answer text. Relations are reduced where they are really values: a chain
/// `x = 5+5+1 = 11` is 11, `\frac12 = 0.5` (no variables) is its right side.
///
/// Bounded: bracket depth (checked by the tokenizer), recursion depth and node count are
/// capped by ``GradingLimits``, so deeply nested or huge input fails fast instead of recursing
/// without end.
struct LatexParser {
    var tokens: [LatexToken]
    var position = 0
    var depth = 0
    var nodes = 0
    var absoluteDepth = 0
    /// How many trigonometric functions' arguments enclose the current position: a degree mark
    /// there turns its value into radians (`\sin 30^\circ` is sin(π/6)).
    var trigonometricArgumentDepth = 0
    let limits: GradingLimits

    /// A parsed operand: an expression, or a structure that cannot take part in arithmetic.
    enum Node {
        case expression(MathExpression)
        case structure(MathAnswer)

        var answer: MathAnswer {
            switch self {
            case .expression(let e): .expression(e)
            case .structure(let s): s
            }
        }
    }

    /// Parses `normalized` into an answer.
    /// - Throws: ``AnswersError`` with `unparsableAnswer` or `answerTooComplex`.
    /// - Complexity: O(n) in the number of tokens (bounded by the limits).
    static func parse(_ normalized: NormalizedAnswer, limits: GradingLimits) throws(AnswersError) -> MathAnswer {
        guard normalized.text.unicodeScalars.count <= limits.maximumAnswerLength else {
            throw AnswersError(.answerTooComplex, "answer longer than the limit")
        }
        let tokens = try LatexTokenizer.tokenize(
            normalized.text, isPlainText: normalized.isPlainText, maximumDepth: limits.maximumNestingDepth)
        guard !tokens.isEmpty else { throw AnswersError(.unparsableAnswer, "empty answer") }
        if tokens.contains(where: { if case .word = $0 { true } else { false } }) {
            return .text(normalized.key.lowercased())
        }
        var parser = LatexParser(tokens: tokens, limits: limits)
        let items = try parser.parseItems()
        guard parser.position == parser.tokens.count else {
            throw AnswersError(.unparsableAnswer, "unexpected token after the answer")
        }
        return items.count == 1 ? items[0] : .list(items)
    }

    var current: LatexToken? { position < tokens.count ? tokens[position] : nil }

    mutating func advance() { position += 1 }

    mutating func expect(_ token: LatexToken) throws(AnswersError) {
        guard current == token else { throw AnswersError(.unparsableAnswer, "missing closing bracket") }
        advance()
    }

    mutating func counted(_ e: MathExpression) throws(AnswersError) -> MathExpression {
        nodes += 1
        guard nodes <= limits.maximumNodes else { throw AnswersError(.answerTooComplex, "too many nodes") }
        return e
    }

    /// Guards the recursion: each bracket level costs about six calls, and sign or operator
    /// chains (`- - - x`) recurse without brackets.
    mutating func enter() throws(AnswersError) {
        depth += 1
        guard depth <= 8 * limits.maximumNestingDepth + 32 else { throw AnswersError(.answerTooComplex, "nested too deeply") }
    }

    // MARK: Items, relations, sets

    /// Items separated by commas or semicolons, up to a closing token or the end. Semicolons
    /// between comma groups separate the groups (`p=5, q=2; p=7, q=2` is two lists of two).
    mutating func parseItems() throws(AnswersError) -> [MathAnswer] {
        var groups = [[try parseItem()]]
        var count = 1
        while current == .comma || current == .semicolon {
            if current == .semicolon { groups.append([]) }
            advance()
            groups[groups.count - 1].append(try parseItem())
            count += 1
            guard count <= limits.maximumCollectionSize else {
                throw AnswersError(.answerTooComplex, "too many items")
            }
        }
        guard groups.count > 1, groups.contains(where: { $0.count > 1 }) else { return groups.flatMap { $0 } }
        return groups.map { $0.count == 1 ? $0[0] : .list($0) }
    }

    mutating func parseItem() throws(AnswersError) -> MathAnswer {
        try enter()
        defer { depth -= 1 }
        let first = try parseSetExpression()
        if current == .member {
            advance()
            guard case .expression(let element) = first else {
                throw AnswersError(.unparsableAnswer, "membership of a structure")
            }
            return .membership(element: element, domain: try parseSetExpression())
        }
        var sides = [first]
        var operators: [RelationOperator] = []
        while case .relation(let op)? = current {
            advance()
            operators.append(op)
            sides.append(try parseSetExpression())
        }
        return operators.isEmpty ? first : Self.reducedRelation(sides: sides, operators: operators)
    }

    /// A relation, or the value it computes: a chain of `=`/`≈` is its last `=` side (`x = 5+5+1
    /// = 7 = 11` is 11); a single `=` between constants is its right side; `c ≈ v` with a
    /// constant `c` is `c` (the exact value before rounding).
    static func reducedRelation(sides: [MathAnswer], operators: [RelationOperator]) -> MathAnswer {
        guard operators.allSatisfy({ $0 == .equal || $0 == .approximately }) else {
            return .relation(MathRelation(sides: sides, operators: operators))
        }
        if operators.count >= 2 {
            let lastExact = operators.lastIndex(of: .equal).map { $0 + 1 } ?? sides.count - 1
            return sides[lastExact]
        }
        let isConstant = { (side: MathAnswer) in side.expression.map { $0.freeSymbols.isEmpty } ?? false }
        if operators[0] == .equal, isConstant(sides[0]), isConstant(sides[1]) { return sides[1] }
        if operators[0] == .approximately, isConstant(sides[0]) { return sides[0] }
        return .relation(MathRelation(sides: sides, operators: operators))
    }

    mutating func parseSetExpression() throws(AnswersError) -> MathAnswer {
        let first = try parseOperand()
        guard current == .union else {
            if current == .otherSetOperator { throw AnswersError(.unparsableAnswer, "unsupported set operator") }
            return first
        }
        var parts = [first]
        while current == .union {
            advance()
            parts.append(try parseOperand())
        }
        return .union(parts)
    }

    mutating func parseOperand() throws(AnswersError) -> MathAnswer {
        if current == .emptySet {
            advance()
            return .set([])
        }
        return try parseAdditive().answer
    }

    // MARK: Arithmetic

    func requireExpression(_ node: Node) throws(AnswersError) -> MathExpression {
        guard case .expression(let e) = node else {
            throw AnswersError(.unparsableAnswer, "a structure inside arithmetic")
        }
        return e
    }

    mutating func parseAdditive() throws(AnswersError) -> Node {
        try enter()
        defer { depth -= 1 }
        let first = try parseMultiplicative()
        guard current == .symbol("+") || current == .symbol("-") || current == .plusMinus else { return first }
        var terms = [try requireExpression(first)]
        while let token = current, token == .symbol("+") || token == .symbol("-") || token == .plusMinus {
            advance()
            let term = try requireExpression(try parseMultiplicative())
            switch token {
            case .symbol("+"): terms.append(term)
            case .symbol("-"): terms.append(try counted(.negation(term)))
            default:
                let left: MathExpression = terms.count == 1 ? terms[0] : .sum(terms)
                terms = [try counted(.plusMinus(left, term))]
            }
        }
        return .expression(terms.count == 1 ? terms[0] : try counted(.sum(terms)))
    }

    mutating func parseMultiplicative() throws(AnswersError) -> Node {
        try enter()
        defer { depth -= 1 }
        var node = try parseUnary()
        while let token = current {
            if token == .symbol("*") || token == .symbol("/") {
                advance()
                let left = try requireExpression(node)
                let right = try requireExpression(try parseUnary())
                node = .expression(try counted(token == .symbol("*") ? .product([left, right]) : .quotient(left, right)))
            } else if startsImplicitFactor(token) || (Self.isNumber(token) && Self.endsWithPower(node)) {
                // A number after a power is a factor: `2^6 3^5` is 2^6 · 3^5.
                let left = try requireExpression(node)
                let right = try requireExpression(try parsePower())
                if token == .command("frac"), Self.isMixedNumber(left, right) {
                    // `2\frac{1}{2}` is the mixed number 2 + 1/2, as MATH writes them.
                    node = .expression(try counted(.sum([left, right])))
                } else {
                    node = .expression(try counted(.product([left, right])))
                }
            } else {
                break
            }
        }
        return node
    }

    mutating func parseUnary() throws(AnswersError) -> Node {
        try enter()
        defer { depth -= 1 }
        switch current {
        case .symbol("-"):
            advance()
            return .expression(try counted(.negation(try requireExpression(try parseMultiplicative()))))
        case .symbol("+"):
            advance()
            return try parseMultiplicative()
        case .plusMinus:
            advance()
            return .expression(try counted(.plusMinus(nil, try requireExpression(try parseMultiplicative()))))
        default:
            return try parsePower()
        }
    }

    static func isNumber(_ token: LatexToken) -> Bool {
        if case .number = token { true } else { false }
    }

    static func endsWithPower(_ node: Node) -> Bool {
        switch node {
        case .expression(.power): true
        case .expression(.product(let factors)): if case .power? = factors.last { true } else { false }
        default: false
        }
    }

    /// An integer followed by a fraction of integers (`15\frac{39}{40}`).
    static func isMixedNumber(_ whole: MathExpression, _ fraction: MathExpression) -> Bool {
        guard case .number(let integer) = whole, integer.decimalPlaces == 0,
              case .quotient(.number(let top), .number(let bottom)) = fraction,
              top.decimalPlaces == 0, bottom.decimalPlaces == 0 else { return false }
        return true
    }

    /// Whether `token` can start a factor multiplied by juxtaposition (`2x`, `3\sqrt{2}`,
    /// `(a+5)(b+2)`). A number right after a value is not (`1 2` is no product).
    func startsImplicitFactor(_ token: LatexToken) -> Bool {
        switch token {
        case .letter, .constant, .function, .logarithm, .command, .floorOpen, .ceilingOpen, .beginEnvironment: true
        case .open(let c): c == "(" || c == "{"
        case .bar: absoluteDepth == 0
        default: false
        }
    }

    mutating func parsePower() throws(AnswersError) -> Node {
        let base = try parsePostfix()
        guard current == .symbol("^") else { return base }
        advance()
        let exponent = try parseScript()
        let power = try counted(.power(try requireExpression(base), exponent))
        return .expression(try applyPostfix(to: power))
    }

    mutating func parsePostfix() throws(AnswersError) -> Node {
        let node = try parsePrimary()
        guard case .expression(let e) = node else { return node }
        return .expression(try applyPostfix(to: e))
    }

    mutating func applyPostfix(to expression: MathExpression) throws(AnswersError) -> MathExpression {
        var e = expression
        while let token = current {
            switch token {
            case .symbol("!"):
                advance()
                e = try counted(.factorial(e))
            case .symbol("%"):
                advance()
                e = try counted(.quotient(e, .integer(100)))
            case .symbol("°"):
                advance()
                if trigonometricArgumentDepth > 0 {
                    e = try counted(.product([e, .quotient(.constant(.pi), .integer(180))]))
                }
            case .symbol("'"):
                advance()
                guard case .symbol(let name) = e else { throw AnswersError(.unparsableAnswer, "prime on a non-symbol") }
                e = .symbol(name + "'")
            case .symbol("_"):
                advance()
                e = try subscripted(e, by: try parseScript())
            default:
                return e
            }
        }
        return e
    }

    /// `x_1` is the symbol "x_1"; `204_5` is 204 read in base 5.
    func subscripted(_ e: MathExpression, by script: MathExpression) throws(AnswersError) -> MathExpression {
        switch (e, script) {
        case (.symbol(let name), _):
            return .symbol(name + "_" + Self.canonicalName(script))
        case (.number(let digits), .number(let base)):
            guard digits.decimalPlaces == 0, base.decimalPlaces == 0, let radix = Int(base.text), (2...36).contains(radix),
                  let value = Int(digits.text, radix: radix) else {
                throw AnswersError(.unparsableAnswer, "invalid base subscript")
            }
            return .integer(value)
        default:
            throw AnswersError(.unparsableAnswer, "unsupported subscript")
        }
    }

    /// A deterministic name for a subscript (`1`, `n`, or the tree's description for `x_{a+b}`).
    static func canonicalName(_ e: MathExpression) -> String {
        switch e {
        case .symbol(let name): name
        case .number(let literal): literal.text
        default: String(describing: e)
        }
    }

    /// The argument of `^` or `_`: a braced group or one token. An unbraced number is taken
    /// whole, as its writer meant (`2^10` is 2^{10}, though TeX would typeset 2¹0).
    mutating func parseScript() throws(AnswersError) -> MathExpression {
        switch current {
        case .symbol("-"):
            advance()
            return try counted(.negation(try parseScript()))
        case .symbol("+"):
            advance()
            return try parseScript()
        default:
            return try requireExpression(try parseArgumentPrimary())
        }
    }

    /// The argument of `\frac`, `\sqrt`, `\binom`: a braced group or a single character.
    mutating func parseCommandArgument() throws(AnswersError) -> MathExpression {
        if case .number(let literal)? = current { return .number(takeFirstDigit(of: literal)) }
        return try requireExpression(try parseArgumentPrimary())
    }

    mutating func parseArgumentPrimary() throws(AnswersError) -> Node {
        guard current != nil else { throw AnswersError(.unparsableAnswer, "missing argument") }
        return try parsePrimary()
    }

    /// Consumes one digit of the number token at the current position, leaving the rest.
    mutating func takeFirstDigit(of literal: NumberLiteral) -> NumberLiteral {
        guard literal.decimalPlaces == 0, literal.text.unicodeScalars.count > 1 else {
            advance()
            return literal
        }
        let first = String(literal.text.prefix(1))
        let rest = String(literal.text.dropFirst())
        tokens[position] = .number(NumberLiteral(integerDigits: rest, fractionDigits: "")!)
        return NumberLiteral(integerDigits: first, fractionDigits: "")!
    }

    // MARK: Primaries

    mutating func parsePrimary() throws(AnswersError) -> Node {
        try enter()
        defer { depth -= 1 }
        guard let token = current else { throw AnswersError(.unparsableAnswer, "unexpected end") }
        advance()
        switch token {
        case .number(let literal): return .expression(try counted(.number(literal)))
        case .letter(let name): return .expression(try counted(.symbol(name)))
        case .constant(let constant): return .expression(try counted(.constant(constant)))
        case .dots: return .expression(.symbol("…"))
        case .emptySet: return .structure(.set([]))
        case .open(let bracket): return try parseBracketGroup(opening: bracket)
        case .setOpen:
            if current == .setClose {
                advance()
                return .structure(.set([]))
            }
            if case .letter? = current, position + 1 < tokens.count, tokens[position + 1] == .bar {
                // Set-builder `\{x \mid x > 1\}` is the set its condition describes.
                position += 2
                let condition = try parseItems()
                try expect(.setClose)
                return .structure(condition.count == 1 ? condition[0] : .list(condition))
            }
            let items = try parseItems()
            try expect(.setClose)
            return .structure(.set(items))
        case .bar:
            absoluteDepth += 1
            let inner = try requireExpression(try parseAdditive())
            absoluteDepth -= 1
            try expect(.bar)
            return .expression(try counted(.absoluteValue(inner)))
        case .floorOpen, .ceilingOpen:
            let inner = try requireExpression(try parseAdditive())
            try expect(token == .floorOpen ? .floorClose : .ceilingClose)
            return .expression(try counted(token == .floorOpen ? .floor(inner) : .ceiling(inner)))
        case .command(let name): return .expression(try parseCommand(name))
        case .function(let function): return .expression(try parseFunction(function))
        case .logarithm(let natural): return .expression(try parseLogarithm(natural: natural))
        case .beginEnvironment("cases"): return .structure(try parseCases())
        case .beginEnvironment(let name): return .expression(try parseMatrix(environment: name))
        default: throw AnswersError(.unparsableAnswer, "unexpected token")
        }
    }

    /// `(`, `[` or `{` groups: one item is a parenthesised value; more make a tuple, an
    /// interval (mixed or square brackets with two items) or a list (bare braces).
    mutating func parseBracketGroup(opening: Unicode.Scalar) throws(AnswersError) -> Node {
        let items = try parseItems()
        guard case .close(let closing)? = current else { throw AnswersError(.unparsableAnswer, "unclosed bracket") }
        advance()
        if opening == "{" {
            guard closing == "}" else { throw AnswersError(.unparsableAnswer, "mismatched brace") }
            return items.count == 1 ? Self.node(items[0]) : .structure(.list(items))
        }
        guard closing == ")" || closing == "]" else { throw AnswersError(.unparsableAnswer, "mismatched bracket") }
        let sameKind = (opening == "(" && closing == ")") || (opening == "[" && closing == "]")
        if items.count == 1 {
            guard sameKind else { throw AnswersError(.unparsableAnswer, "mismatched bracket") }
            return Self.node(items[0])
        }
        if opening == "[", closing == "]", items.contains(where: { if case .relation = $0 { true } else { false } }) {
            // `[x = 1, x = 2]`: a list of relations, as Maxima and Python print one.
            return .structure(.list(items))
        }
        if items.count == 2, opening == "[" || closing == "]" {
            guard case .expression(let lower) = items[0], case .expression(let upper) = items[1] else {
                throw AnswersError(.unparsableAnswer, "interval endpoints must be values")
            }
            return .structure(.interval(MathInterval(
                lower: lower, upper: upper, lowerClosed: opening == "[", upperClosed: closing == "]")))
        }
        guard sameKind else { throw AnswersError(.unparsableAnswer, "mismatched bracket") }
        return .structure(.tuple(items))
    }

    static func node(_ answer: MathAnswer) -> Node {
        if case .expression(let e) = answer { return .expression(e) }
        return .structure(answer)
    }

    mutating func parseCommand(_ name: String) throws(AnswersError) -> MathExpression {
        switch name {
        case "frac":
            let numerator = try parseCommandArgument()
            let denominator = try parseCommandArgument()
            return try counted(.quotient(numerator, denominator))
        case "binom":
            let n = try parseCommandArgument()
            let k = try parseCommandArgument()
            return try counted(.binomial(n, k))
        case "abs":
            return try counted(.absoluteValue(try parseFunctionArgument()))
        case "sqrt":
            var index = MathExpression.integer(2)
            if current == .open("[") {
                advance()
                index = try requireExpression(try parseAdditive())
                try expect(.close("]"))
            }
            // `\sqrt(2)` is read as the square root of 2, not of "(" alone.
            let radicand = current == .open("(") ? try requireExpression(try parsePrimary()) : try parseCommandArgument()
            return try counted(.root(radicand, index: index))
        default:
            throw AnswersError(.unparsableAnswer, "unknown command")
        }
    }

    /// `\sin x`, `\sin(x)`, `\sin^2 x` (power of the value), `\sin^{-1} x` (inverse).
    mutating func parseFunction(_ function: MathFunction) throws(AnswersError) -> MathExpression {
        var function = function
        var power: MathExpression?
        if current == .symbol("^") {
            advance()
            let exponent = try parseScript()
            if case .negation(.number(let one)) = exponent, one.text == "1", let inverse = function.inverse {
                function = inverse
            } else {
                power = exponent
            }
        }
        let isTrigonometric = [.sin, .cos, .tan, .sec, .csc, .cot].contains(function)
        if isTrigonometric { trigonometricArgumentDepth += 1 }
        defer { if isTrigonometric { trigonometricArgumentDepth -= 1 } }
        let argument = try parseFunctionArgument()
        let value = try counted(.function(function, argument))
        return try power.map { (p) throws(AnswersError) in try counted(.power(value, p)) } ?? value
    }

    mutating func parseLogarithm(natural: Bool) throws(AnswersError) -> MathExpression {
        var base: MathExpression?
        if !natural, current == .symbol("_") {
            advance()
            base = try parseScript()
        }
        var power: MathExpression?
        if current == .symbol("^") {
            advance()
            power = try parseScript()
        }
        let value = try counted(.logarithm(try parseFunctionArgument(), base: base))
        return try power.map { (p) throws(AnswersError) in try counted(.power(value, p)) } ?? value
    }

    /// A function's argument: a bracketed group, or the juxtaposed factors that follow
    /// (`\sin 2x` is sin(2x); `\sin b \cos a` stops at the next function).
    mutating func parseFunctionArgument() throws(AnswersError) -> MathExpression {
        if current == .open("(") || current == .open("{") {
            // `\sin(x)^2` is (sin x)^2: the caller applies the power to the function's value.
            return try requireExpression(try parsePrimary())
        }
        var factors = [try requireExpression(try parsePower())]
        while let token = current {
            switch token {
            case .number, .letter, .constant:
                factors.append(try requireExpression(try parsePower()))
            default:
                return factors.count == 1 ? factors[0] : try counted(.product(factors))
            }
        }
        return factors.count == 1 ? factors[0] : try counted(.product(factors))
    }

    /// `\begin{cases} a & x \ge 0 \\ b & x < 0 \end{cases}`: rows of one item (a system of
    /// equations, read as a list: `x = 1 \\ y = 2` is `x = 1, y = 2`) or rows of a value and
    /// its condition (a piecewise definition, read as a tuple of pairs, compared in order).
    mutating func parseCases() throws(AnswersError) -> MathAnswer {
        var rows: [[MathAnswer]] = [[]]
        while current != .endEnvironment("cases") {
            guard current != nil else { throw AnswersError(.unparsableAnswer, "unclosed cases") }
            rows[rows.count - 1].append(try parseItem())
            switch current {
            case .ampersand: advance()
            case .rowBreak:
                advance()
                rows.append([])
            case .endEnvironment("cases"): continue
            default: throw AnswersError(.unparsableAnswer, "bad cases row")
            }
            guard rows.count <= limits.maximumCollectionSize else { throw AnswersError(.answerTooComplex, "too many rows") }
        }
        advance()
        rows.removeAll { $0.isEmpty }
        guard !rows.isEmpty else { throw AnswersError(.unparsableAnswer, "empty cases") }
        if rows.allSatisfy({ $0.count == 1 }) { return rows.count == 1 ? rows[0][0] : .list(rows.map { $0[0] }) }
        return .tuple(rows.map { .tuple($0) })
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` (also bmatrix, matrix, array, ...).
    mutating func parseMatrix(environment: String) throws(AnswersError) -> MathExpression {
        guard LatexTokenizer.matrixEnvironments.contains(environment) else {
            throw AnswersError(.unparsableAnswer, "unsupported environment")
        }
        var rows: [[MathExpression]] = []
        var row: [MathExpression] = []
        while true {
            if current == .endEnvironment(environment) {
                advance()
                if !row.isEmpty { rows.append(row) }
                break
            }
            row.append(try requireExpression(try parseAdditive()))
            switch current {
            case .ampersand: advance()
            case .rowBreak:
                advance()
                rows.append(row)
                row = []
            case .endEnvironment(environment): continue
            default: throw AnswersError(.unparsableAnswer, "bad matrix cell")
            }
            guard rows.count * max(row.count, rows.first?.count ?? 1) <= limits.maximumMatrixCells else {
                throw AnswersError(.answerTooComplex, "matrix too large")
            }
        }
        guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
            throw AnswersError(.unparsableAnswer, "ragged or empty matrix")
        }
        return try counted(.matrix(rows))
    }
}
