/// A lexical unit of an answer's LaTeX (or plain-text maths).
enum LatexToken: Sendable, Equatable {
    case number(NumberLiteral)
    /// A variable: one letter, a Greek letter's name, or an unknown command's name.
    case letter(String)
    /// A run of three or more letters that names no function: the answer is text.
    case word(String)
    case constant(MathConstant)
    case function(MathFunction)
    /// `\ln` and `\log` (a base may follow as a subscript).
    case logarithm(natural: Bool)
    /// `\frac`, `\sqrt`, `\binom`.
    case command(String)
    /// `+ - * / ^ _ ! ' %`
    case symbol(Unicode.Scalar)
    /// `(` `[` `{`
    case open(Unicode.Scalar)
    /// `)` `]` `}`
    case close(Unicode.Scalar)
    case setOpen, setClose
    case bar
    case floorOpen, floorClose, ceilingOpen, ceilingClose
    case comma, semicolon
    case ampersand, rowBreak
    case relation(RelationOperator)
    case plusMinus
    case member
    case union
    /// `\cap`, `\setminus`: recognised but not compared.
    case otherSetOperator
    case emptySet
    case dots
    case beginEnvironment(String), endEnvironment(String)
}
