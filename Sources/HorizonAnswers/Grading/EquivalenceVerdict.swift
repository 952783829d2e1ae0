/// The outcome of comparing a candidate answer with a reference answer: whether they are
/// equivalent and why.
public struct EquivalenceVerdict: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Why two answers were judged equivalent or not. Raw values are stable (JSON output).
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        // Equivalent:
        /// The normalised texts are identical.
        case identicalText = "identical-text"
        /// Both parse to the same expression (`\sqrt 2` and `\sqrt{2}`, `7,425,000` and `7425000`).
        case sameExpression = "same-expression"
        /// Both are the same exact number.
        case exactValue = "exact-value"
        /// A written decimal matches the other side rounded to its places (`0.33` for `1/3`).
        case roundedDecimal = "rounded-decimal"
        /// Floating-point values agree within the relative tolerance (e.g. `\sqrt{17}` both ways).
        case numericTolerance = "numeric-tolerance"
        /// One side's percent equals the other as a fraction (`28\%` and `0.28`).
        case percentAsFraction = "percent-as-fraction"
        /// One side dropped the percent sign (`28\%` and `28`), accepted by the percent policy.
        case percentSignDropped = "percent-sign-dropped"
        /// Both sides have the same structure and equivalent parts (tuples, sets, matrices, ...).
        case sameStructure = "same-structure"
        /// Both expressions agree at every random evaluation point.
        case symbolicAgreement = "symbolic-agreement"
        /// Equations equal up to a nonzero factor (`2x+4y-3=0` and `y=-x/2+3/4`).
        case equivalentEquation = "equivalent-equation"
        /// Inequalities equal up to a positive factor and reading direction (`x<1`, `-x>-1`).
        case equivalentInequality = "equivalent-inequality"
        /// An assignment `x = v` was compared by its value `v`.
        case assignedValue = "assigned-value"
        /// The same set written as an interval and as inequalities (`x \in [-2,7]`, `-2 \le x \le 7`).
        case sameInterval = "same-interval"
        // Not equivalent:
        /// The values differ.
        case differentValue = "different-value"
        /// The structures differ (a tuple against a set, different lengths, shapes, ...).
        case differentStructure = "different-structure"
        /// Intervals with different bracket kinds (`[0,1)` against `(0,1)`).
        case differentBrackets = "different-brackets"
        /// The candidate has a fraction not in lowest terms (`\frac{2}{4}`), which
        /// ``EquivalenceOptions/FormPolicy/simplifiedFractions`` refuses.
        case unsimplifiedForm = "unsimplified-form"
        /// Text answers that differ.
        case differentText = "different-text"
        /// The reference could not be parsed, and the texts differ.
        case unparsableReference = "unparsable-reference"
        /// The candidate could not be parsed, and the texts differ.
        case unparsableCandidate = "unparsable-candidate"
        /// An answer exceeds the grader's limits, and the texts differ.
        case beyondLimits = "beyond-limits"
        /// A value is outside floating-point range (`1/2004!`), so only identical texts match.
        case beyondNumericRange = "beyond-numeric-range"
        /// A value is undefined on one side only (division by zero).
        case undefinedValue = "undefined-value"
        /// No candidate answer was extracted.
        case missingCandidate = "missing-candidate"
        /// No reference answer was given.
        case missingReference = "missing-reference"

        /// Whether this reason means "equivalent".
        public var isEquivalent: Bool {
            switch self {
            case .identicalText, .sameExpression, .exactValue, .roundedDecimal, .numericTolerance, .percentAsFraction,
                 .percentSignDropped, .sameStructure, .symbolicAgreement, .equivalentEquation,
                 .equivalentInequality, .assignedValue, .sameInterval: true
            default: false
            }
        }
    }

    public var equivalent: Bool
    public var reason: Reason

    /// A verdict whose `equivalent` follows from `reason`.
    public init(_ reason: Reason) {
        self.equivalent = reason.isEquivalent
        self.reason = reason
    }

    /// `equivalent (exact-value)` / `not equivalent (different-value)`.
    public var description: String { "\(equivalent ? "equivalent" : "not equivalent") (\(reason.rawValue))" }
}
