/// Decides whether a candidate answer is equivalent to a reference answer, and says why.
///
/// This is a function, not `==`: equality within a tolerance is not transitive, and the
/// comparison is deliberately asymmetric in one place. The **reference** is the trusted answer
/// (a dataset's gold); the **candidate** is the model's. Read the verdict as "the candidate
/// matches the reference".
///
/// Steps, cheapest first (each answer is normalised by ``AnswerNormalizer`` and parsed first):
/// 1. identical normalised text;
/// 2. numbers: exact rationals compare exactly; a written decimal matches a value it rounds to
///    (`0.33` for `1/3`, `4.1231056` for `\sqrt{17}`, with at least two significant digits), but
///    not a terminating value it truncates (`0.5` is not `0.54`); a candidate written with more
///    places than a decimal reference matches when it rounds to it (`16386.169` for `16386.17`),
///    never the other way round (the asymmetry); other floating-point values agree within
///    ``EquivalenceOptions/relativeTolerance``;
/// 3. structures: tuples in order, sets and bare lists in any order, intervals with their
///    bracket kinds, unions in any order, matrices by shape and cells, equations up to a nonzero
///    factor, inequalities up to a positive factor and direction, `x \in [a,b]` against
///    `a \le x \le b`, an assignment `x = 5` by its value when the other side is a bare value;
/// 4. symbolic: both expressions evaluated at seeded random points (exactly where possible).
///
/// Percent: `28\%` equals `0.28`, and by default also `28` (see ``EquivalenceOptions/PercentPolicy``).
///
/// Bounded: answers longer than the limits, nested too deeply, or with values beyond
/// floating-point range are compared by their normalised text only; no comparison can hang.
///
/// ```swift
/// AnswerEquivalence.compare(reference: #"(3,\frac{\pi}{2})"#,
///                           candidate: #"\left( 3, \frac{\pi}{2} \right)"#)
/// // equivalent (same-structure)
/// ```
public enum AnswerEquivalence {
    /// Compares two extracted answers.
    /// - Parameters:
    ///   - reference: The trusted answer, or `nil` when there is none.
    ///   - candidate: The model's answer, or `nil` when none was extracted.
    ///   - options: Tolerances, policies and limits.
    /// - Returns: Whether the candidate matches the reference, and the reason.
    /// - Complexity: O(n) in the answers' lengths, bounded by ``GradingLimits``; well under a
    ///   millisecond for typical answers.
    public static func compare(
        reference: ExtractedAnswer?, candidate: ExtractedAnswer?, options: EquivalenceOptions = EquivalenceOptions()
    ) -> EquivalenceVerdict {
        guard let reference else { return EquivalenceVerdict(.missingReference) }
        guard let candidate else { return EquivalenceVerdict(.missingCandidate) }
        let longest = 2 * options.limits.maximumAnswerLength
        if reference.text.unicodeScalars.count > longest || candidate.text.unicodeScalars.count > longest {
            // Too long to normalise within the time bound: only identical texts match.
            return EquivalenceVerdict(reference.text == candidate.text ? .identicalText : .beyondLimits)
        }
        let normalizedReference = AnswerNormalizer.normalize(reference)
        let normalizedCandidate = AnswerNormalizer.normalize(candidate)
        if normalizedReference.key == normalizedCandidate.key,
           normalizedReference.isPercent == normalizedCandidate.isPercent {
            return EquivalenceVerdict(.identicalText)
        }
        let parsedReference: MathAnswer
        let parsedCandidate: MathAnswer
        do {
            parsedReference = try LatexParser.parse(normalizedReference, limits: options.limits)
        } catch {
            return EquivalenceVerdict(error.reason == .answerTooComplex ? .beyondLimits : .unparsableReference)
        }
        do {
            parsedCandidate = try LatexParser.parse(normalizedCandidate, limits: options.limits)
        } catch {
            return EquivalenceVerdict(error.reason == .answerTooComplex ? .beyondLimits : .unparsableCandidate)
        }
        if options.formPolicy == .simplifiedFractions, parsedCandidate.containsUnreducedFraction,
           !parsedReference.containsUnreducedFraction {
            return EquivalenceVerdict(.unsimplifiedForm)
        }
        var options = options
        if reference.rule == .boxedSet || candidate.rule == .boxedSet {
            // Separate boxes are separate answers whose order nobody stated (`\boxed{-2}` and
            // `\boxed{1}` for "1, -2"); against a tuple they still compare in order.
            options.listOrder = .unordered
        }
        let comparer = AnswerComparer(options: options)
        return EquivalenceVerdict(comparer.compareTopLevel(
            reference: parsedReference, referenceIsPercent: normalizedReference.isPercent,
            candidate: parsedCandidate, candidateIsPercent: normalizedCandidate.isPercent))
    }

    /// Compares two answer texts, each taken whole (as ``ExtractionRule/wholeText``).
    ///
    /// ```swift
    /// AnswerEquivalence.compare(reference: "1/2004!", candidate: "1/2006!").equivalent  // false
    /// ```
    public static func compare(
        reference: String, candidate: String, options: EquivalenceOptions = EquivalenceOptions()
    ) -> EquivalenceVerdict {
        compare(
            reference: ExtractedAnswer(text: reference, rule: .wholeText),
            candidate: ExtractedAnswer(text: candidate, rule: .wholeText),
            options: options)
    }
}

/// The structural comparison behind ``AnswerEquivalence``; each method returns a reason whose
/// ``EquivalenceVerdict/Reason/isEquivalent`` is the verdict.
struct AnswerComparer {
    typealias Reason = EquivalenceVerdict.Reason
    let options: EquivalenceOptions

    func compareTopLevel(
        reference: MathAnswer, referenceIsPercent: Bool, candidate: MathAnswer, candidateIsPercent: Bool
    ) -> Reason {
        if options.percentPolicy == .anyScale, referenceIsPercent == candidateIsPercent,
           let referenceValue = reference.expression, let candidateValue = candidate.expression {
            let direct = compareExpressions(referenceValue, candidateValue)
            if direct.isEquivalent { return direct }
            let hundred = MathExpression.integer(100)
            if compareExpressions(.quotient(referenceValue, hundred), candidateValue).isEquivalent
                || compareExpressions(referenceValue, .quotient(candidateValue, hundred)).isEquivalent {
                return .percentAsFraction
            }
            return direct
        }
        guard referenceIsPercent != candidateIsPercent,
              let referenceValue = reference.expression, let candidateValue = candidate.expression else {
            return compare(reference, candidate)
        }
        // One side carries a percent marker: p% is p/100, or (by policy) a dropped sign.
        let hundredth = { (e: MathExpression) in MathExpression.quotient(e, .integer(100)) }
        let scaled = referenceIsPercent
            ? compareExpressions(hundredth(referenceValue), candidateValue)
            : compareExpressions(referenceValue, hundredth(candidateValue))
        if scaled.isEquivalent { return .percentAsFraction }
        guard options.percentPolicy != .fractionOnly else { return scaled }
        return compareExpressions(referenceValue, candidateValue).isEquivalent ? .percentSignDropped : scaled
    }

    /// Compares two parsed answers by structure.
    func compare(_ reference: MathAnswer, _ candidate: MathAnswer) -> Reason {
        switch (reference, candidate) {
        case (.expression(let a), .expression(let b)):
            return compareExpressions(a, b)
        case (.text(let a), .text(let b)):
            return a == b ? .identicalText : .differentText
        case (.relation(let a), .relation(let b)):
            let relations = compareRelations(a, b)
            if relations.isEquivalent { return relations }
            if let domains = compareDomains(reference, candidate) { return domains }
            // Two names for one quantity (`|AB| = 5`, `AB = 5`; `f(x) = x^2`, `y = x^2`; `v_0 = 10`,
            // `v = 10`) compare by value; two one-letter variables (`x = 5`, `y = 5`) stay
            // different equations.
            guard let value = a.assignedValue, let otherValue = b.assignedValue,
                  !a.assignsOneLetter || !b.assignsOneLetter else { return relations }
            let values = compare(value, otherValue)
            return values.isEquivalent ? .assignedValue : relations
        case (.membership, _), (_, .membership), (.relation, .interval), (.interval, .relation),
             (.relation, .union), (.union, .relation), (.relation, .tuple), (.tuple, .relation),
             (.list, .union), (.union, .list), (.list, .interval), (.interval, .list), (.list, .relation),
             (.relation, .list), (.list, .tuple), (.tuple, .list):
            if let domains = compareDomains(reference, candidate) { return domains }
        case (.list(let a), .list(let b)):
            if let assignments = compareAssignments(a, b) { return assignments }
        default:
            break
        }
        // A clock time against anything but text was a ratio (`8:27` for `\frac{8}{27}`).
        if case .text = candidate, let ratio = candidate.clockTimeAsRatio, reference.expression != nil || reference.isRelation {
            return compare(reference, ratio)
        }
        if case .text = reference, let ratio = reference.clockTimeAsRatio, candidate.expression != nil || candidate.isRelation {
            return compare(ratio, candidate)
        }
        if let values = Self.assignedValues(reference) { return compare(values, candidate) }
        if let values = Self.assignedValues(candidate) { return compare(reference, values) }
        if let vector = Self.vectorItems(reference), let items = Self.bracketedItems(candidate) { return compareOrdered(vector, items) }
        if let vector = Self.vectorItems(candidate), let items = Self.bracketedItems(reference) { return compareOrdered(items, vector) }
        if case .relation(let relation) = reference, let value = relation.assignedValue {
            let inner = compare(value, candidate)
            return inner.isEquivalent ? .assignedValue : inner
        }
        if case .relation(let relation) = candidate, let value = relation.assignedValue {
            let inner = compare(reference, value)
            return inner.isEquivalent ? .assignedValue : inner
        }
        switch (reference, candidate) {
        case (.tuple(let a), .tuple(let b)), (.list(let a), .tuple(let b)), (.tuple(let a), .list(let b)):
            return compareOrdered(a, b)
        case (.list(let a), .list(let b)):
            return options.listOrder == .ordered ? compareOrdered(a, b) : compareUnordered(a, b)
        case (.set(let a), .set(let b)), (.set(let a), .list(let b)), (.list(let a), .set(let b)),
             (.union(let a), .union(let b)):
            return compareUnordered(a, b)
        case (.set(let items), .expression), (.list(let items), .expression):
            // The same value stated several times (`\boxed{15\frac{39}{40}}, or \boxed{\frac{639}{40}}`).
            return compareUnordered(items, [candidate])
        case (.expression, .set(let items)), (.expression, .list(let items)):
            return compareUnordered([reference], items)
        case (.interval(let a), .interval(let b)):
            return compareIntervals(a, b)
        case (.tuple(let pair), .interval(let interval)):
            guard let open = MathInterval(pairAsOpenInterval: pair) else { return .differentStructure }
            return compareIntervals(open, interval)
        case (.interval(let interval), .tuple(let pair)):
            guard let open = MathInterval(pairAsOpenInterval: pair) else { return .differentStructure }
            return compareIntervals(interval, open)
        default:
            return .differentStructure
        }
    }

    /// A list of assignments read as the values it assigns: to distinct variables, a tuple in
    /// the written order (`p=5, q=2` is `(5, 2)`); to one variable, the set of its values
    /// (`x=1, x=2` is `\{1, 2\}`). `nil` for anything else.
    static func assignedValues(_ answer: MathAnswer) -> MathAnswer? {
        guard case .list(let items) = answer else { return nil }
        // Each item is read once, so nested lists cost linear time.
        let nested = items.map(assignedValues)
        if nested.allSatisfy({ $0 != nil }) { return .list(nested.map { $0! }) }
        let assignments = items.compactMap { item -> (String, MathAnswer)? in
            guard case .relation(let relation) = item, let name = relation.assignedVariable else { return nil }
            return (name, relation.sides[1])
        }
        guard assignments.count == items.count else { return nil }
        let names = Set(assignments.map(\.0))
        if names.count == 1 { return .set(assignments.map(\.1)) }
        return names.count == items.count ? .tuple(assignments.map(\.1)) : nil
    }

    /// Two lists of assignments to distinct variables, matched by name (`x=1, y=2` and
    /// `y=2, x=1` agree); `nil` unless both sides are such lists with the same names.
    func compareAssignments(_ a: [MathAnswer], _ b: [MathAnswer]) -> Reason? {
        func byName(_ items: [MathAnswer]) -> [String: MathAnswer]? {
            var values: [String: MathAnswer] = [:]
            for item in items {
                guard case .relation(let relation) = item, let name = relation.assignedVariable,
                      values[name] == nil else { return nil }
                values[name] = relation.sides[1]
            }
            return values
        }
        guard let left = byName(a), let right = byName(b), Set(left.keys) == Set(right.keys) else { return nil }
        let names = left.keys.sorted()
        let reason = compareOrdered(names.map { left[$0]! }, names.map { right[$0]! })
        return reason.isEquivalent ? .assignedValue : reason
    }

    /// The cells of a one-row or one-column matrix, which compare in order with a tuple, a list,
    /// or a closed pair `[a, b]` (a list as Python prints it).
    static func vectorItems(_ answer: MathAnswer) -> [MathAnswer]? {
        guard case .expression(.matrix(let rows)) = answer, rows.count == 1 || rows[0].count == 1 else { return nil }
        return rows.joined().map { .expression($0) }
    }

    static func bracketedItems(_ answer: MathAnswer) -> [MathAnswer]? {
        switch answer {
        case .tuple(let items), .list(let items): items
        case .interval(let interval) where interval.lowerClosed && interval.upperClosed:
            [.expression(interval.lower), .expression(interval.upper)]
        default: nil
        }
    }

    /// Items in order.
    func compareOrdered(_ a: [MathAnswer], _ b: [MathAnswer]) -> Reason {
        guard a.count == b.count else { return .differentStructure }
        for (x, y) in zip(a, b) {
            let reason = compare(x, y)
            if !reason.isEquivalent { return reason }
        }
        return .sameStructure
    }

    /// Items in any order: every item of each side matches some item of the other (so
    /// duplicates do not matter, as in a set). `\pm` items count as both of their values.
    ///
    /// Plain expression items are first evaluated once at shared random points, so that most
    /// pairs are decided by comparing those values instead of a full comparison each: a set of
    /// n items costs O(n) evaluations and O(n²) cheap value checks.
    func compareUnordered(_ a: [MathAnswer], _ b: [MathAnswer]) -> Reason {
        let left = expandingPlusMinus(a)
        let right = expandingPlusMinus(b)
        let limit = options.limits.maximumCollectionSize
        guard left.count <= limit, right.count <= limit else { return .beyondLimits }
        let fingerprints = ItemFingerprints(left + right, comparer: self)
        var rightMatched = [Bool](repeating: false, count: right.count)
        for (i, x) in left.enumerated() {
            var found = false
            for (j, y) in right.enumerated() {
                let matches = fingerprints.match(i, left.count + j) ?? compare(x, y).isEquivalent
                if matches {
                    rightMatched[j] = true
                    found = true
                }
            }
            if !found { return left.count == right.count ? .differentValue : .differentStructure }
        }
        guard rightMatched.allSatisfy({ $0 }) else { return .differentStructure }
        return .sameStructure
    }

    func expandingPlusMinus(_ items: [MathAnswer]) -> [MathAnswer] {
        items.flatMap { item -> [MathAnswer] in
            guard case .expression(let e) = item, e.containsPlusMinus, let options = e.alternatives() else { return [item] }
            return options.map { .expression($0) }
        }
    }

    func compareIntervals(_ a: MathInterval, _ b: MathInterval) -> Reason {
        guard a.lowerClosed == b.lowerClosed, a.upperClosed == b.upperClosed else { return .differentBrackets }
        let lower = compareExpressions(a.lower, b.lower)
        guard lower.isEquivalent else { return lower }
        let upper = compareExpressions(a.upper, b.upper)
        return upper.isEquivalent ? .sameStructure : upper
    }
}

extension MathInterval {
    /// `(a, b)` read as an open interval.
    init?(pairAsOpenInterval pair: [MathAnswer]) {
        guard pair.count == 2, case .expression(let lower) = pair[0], case .expression(let upper) = pair[1] else { return nil }
        self.init(lower: lower, upper: upper, lowerClosed: false, upperClosed: false)
    }
}
