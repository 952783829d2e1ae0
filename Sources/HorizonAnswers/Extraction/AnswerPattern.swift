/// A user-supplied way to find the answer in a text, tried before the built-in rules.
///
/// HorizonAnswers does not depend on a regex engine; the PCRE2 wrapper of HorizonSegments
/// conforms at integration, and tests can conform any small type.
///
/// ```swift
/// struct AfterArrow: AnswerPattern {
///     func firstCapture(in text: String) -> String? {
///         text.range(of: "=> ").map { String(text[$0.upperBound...]) }
///     }
/// }
/// let extractor = AnswerExtractor(customPattern: AfterArrow())
/// ```
public protocol AnswerPattern: Sendable {
    /// The text of the pattern's first capture group in `text`, or `nil` when it does not match.
    func firstCapture(in text: String) -> String?
}
