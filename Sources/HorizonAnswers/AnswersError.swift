import HorizonCommon
/// The one error type of HorizonAnswers: what went wrong, and where in which input.
///
/// Public API throws it when reading pair files and for metric arguments that make no sense.
/// Grading never throws to its callers: inside, the parser and the evaluator throw it to give up
/// on an answer, and the comparison turns that into a verdict (an answer that cannot be parsed
/// is a verdict, not an error).
public struct AnswersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// A line of a pair file is not a JSON object with a reference and a candidate.
        case malformedPair
        /// A metric was asked for impossible counts (e.g. `k > n`, `c > n`, `k < 1`).
        case invalidMetricArgument
        /// An answer's LaTeX could not be parsed.
        case unparsableAnswer
        /// An answer exceeds the grader's bounds (length, nesting depth, size).
        case answerTooComplex
        /// A value is undefined (division by zero, logarithm of zero).
        case undefinedValue
        /// A value is too large or too small for floating point (`2^{2^{100}}`, `1/2004!`).
        case beyondNumericRange
        /// An operation the evaluator does not support (e.g. adding matrices of different shapes).
        case unsupportedOperation
    }

    public var reason: Reason
    /// What exactly is wrong, for people.
    public var detail: String
    /// The input file and line, when the error is about one.
    public var location: SourceLocation?

    public init(_ reason: Reason, _ detail: String, at location: SourceLocation? = nil) {
        self.reason = reason
        self.detail = detail
        self.location = location
    }

    /// `FILE:LINE: detail` when the place is known, else the detail alone.
    public var description: String { location.map { "\($0): \(detail)" } ?? detail }
}
