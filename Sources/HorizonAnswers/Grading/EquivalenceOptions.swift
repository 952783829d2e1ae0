/// How ``AnswerEquivalence`` compares answers. Plain values with defaults, like Math-Verify's
/// frozen configuration objects.
public struct EquivalenceOptions: Sendable, Hashable, Codable {
    /// How a percent marker on one side only is read.
    public enum PercentPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// `28\%` equals `0.28` and also `28` (a dropped percent sign), as Qwen2.5-Math accepts.
        case fractionOrNumber = "fraction-or-number"
        /// `28\%` equals `0.28` only.
        case fractionOnly = "fraction-only"
        /// Any number also matches a hundred times or a hundredth of itself, with or without a
        /// sign (`0.5` and `50`), as the `include_percentage` setting of Qwen2.5-Math's and
        /// MARIO_EVAL's graders does.
        case anyScale = "any-scale"
    }

    /// Whether the written form matters beyond the value.
    public enum FormPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Only the value counts: `\frac{2}{4}` matches `\frac{1}{2}` (Math-Verify, MARIO_EVAL).
        case valueOnly = "value-only"
        /// A candidate's fraction of integers must be in lowest terms, as string-comparing
        /// graders (hendrycks/math) and "simplify" instructions require: `\frac{2}{4}` and `6/3`
        /// do not match `\frac{1}{2}` and `2` (unless the reference is written the same way).
        case simplifiedFractions = "simplified-fractions"
    }

    /// How two bare comma lists (`4, 10, -2`) compare with each other.
    public enum ListOrder: String, Sendable, Hashable, Codable, CaseIterable {
        /// In order, like a tuple: `4, 10, -2` is not `10, 4, -2` (hendrycks/math compares the
        /// strings; a list answers the questions in the order asked).
        case ordered
        /// In any order, like a set (a grader for "find all solutions" questions).
        case unordered
    }

    /// Relative tolerance for values computed in floating point (irrational numbers, random-point
    /// evaluation); it absorbs rounding noise only. Written decimals follow the rounding rule
    /// instead (see ``AnswerEquivalence``).
    public var relativeTolerance: Double
    /// Whether a number written with decimals matches a value it rounds to (`0.33` for `1/3`).
    public var acceptsRoundedDecimals: Bool
    /// The fewest significant digits a written decimal needs for the rounding rule (2: `0.33`
    /// matches `1/3`, `0.3` does not).
    public var minimumSignificantDigitsForRounding: Int
    public var percentPolicy: PercentPolicy
    /// How a bare list compares with a bare list (against a set a list is always unordered,
    /// against a tuple always ordered).
    public var listOrder: ListOrder
    public var formPolicy: FormPolicy
    /// How many random points the symbolic check evaluates both sides at.
    public var symbolicPointCount: Int
    /// Seed of the random points; the same seed gives the same verdicts.
    public var seed: UInt64
    /// Bounds that keep every comparison fast.
    public var limits: GradingLimits

    public init(
        relativeTolerance: Double = 1e-9,
        acceptsRoundedDecimals: Bool = true,
        minimumSignificantDigitsForRounding: Int = 2,
        percentPolicy: PercentPolicy = .fractionOrNumber,
        listOrder: ListOrder = .ordered,
        formPolicy: FormPolicy = .valueOnly,
        symbolicPointCount: Int = 3,
        seed: UInt64 = 0x5EED_2025,
        limits: GradingLimits = GradingLimits()
    ) {
        self.relativeTolerance = relativeTolerance
        self.acceptsRoundedDecimals = acceptsRoundedDecimals
        self.minimumSignificantDigitsForRounding = minimumSignificantDigitsForRounding
        self.percentPolicy = percentPolicy
        self.listOrder = listOrder
        self.formPolicy = formPolicy
        self.symbolicPointCount = symbolicPointCount
        self.seed = seed
        self.limits = limits
    }
}

/// Caps on the work one comparison may do. They replace timeouts: an answer over a cap is
/// compared by its normalised text only, and the verdict says so.
public struct GradingLimits: Sendable, Hashable, Codable {
    /// Longest normalised answer parsed, in Unicode scalars.
    public var maximumAnswerLength: Int
    /// Deepest nesting of brackets and braces (`\frac{1}{\frac{1}{...}}` nests two per level).
    public var maximumNestingDepth: Int
    /// Most expression nodes in one answer.
    public var maximumNodes: Int
    /// Most items of a tuple, set or list.
    public var maximumCollectionSize: Int
    /// Most cells of a matrix.
    public var maximumMatrixCells: Int
    /// Most scalar operations one evaluation of an answer may take (matrix products count
    /// rows × inner × columns), estimated before evaluating.
    public var maximumOperations: Int
    /// Largest integer exponent computed exactly (larger ones use floating point).
    public var maximumExactExponent: Int
    /// Largest `n` whose `n!` is computed (171! overflows a Double anyway).
    public var maximumFactorial: Int

    public init(
        maximumAnswerLength: Int = 2_000,
        maximumNestingDepth: Int = 32,
        maximumNodes: Int = 2_000,
        maximumCollectionSize: Int = 64,
        maximumMatrixCells: Int = 400,
        maximumOperations: Int = 20_000,
        maximumExactExponent: Int = 4_096,
        maximumFactorial: Int = 170
    ) {
        self.maximumAnswerLength = maximumAnswerLength
        self.maximumNestingDepth = maximumNestingDepth
        self.maximumNodes = maximumNodes
        self.maximumCollectionSize = maximumCollectionSize
        self.maximumMatrixCells = maximumMatrixCells
        self.maximumOperations = maximumOperations
        self.maximumExactExponent = maximumExactExponent
        self.maximumFactorial = maximumFactorial
    }
}
