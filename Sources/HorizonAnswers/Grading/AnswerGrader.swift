import Foundation

/// Extraction plus equivalence, for grading many pairs.
///
/// Built so that a command line front end is one line:
/// ```swift
/// let output = try AnswerGrader().gradeJSONLines(contentsOf: pairsURL)   // JSON lines of GradedPair
/// ```
public struct AnswerGrader: Sendable {
    public var extractor: AnswerExtractor
    public var options: EquivalenceOptions

    public init(extractor: AnswerExtractor = AnswerExtractor(), options: EquivalenceOptions = EquivalenceOptions()) {
        self.extractor = extractor
        self.options = options
    }

    /// Grades one pair: the reference through ``AnswerExtractor/referenceAnswer(fromGold:)``,
    /// the candidate through ``AnswerExtractor/extract(from:)``, then ``AnswerEquivalence``.
    /// - Complexity: O(length of the texts), bounded per comparison by ``GradingLimits``.
    public func grade(_ pair: AnswerPair, index: Int = 0) -> GradedPair {
        let reference = extractor.referenceAnswer(fromGold: pair.reference)
        let candidate = extractor.extract(from: pair.candidate)
        let verdict = AnswerEquivalence.compare(reference: reference, candidate: candidate, options: options)
        return GradedPair(index: index, pair: pair, referenceAnswer: reference, candidateAnswer: candidate, verdict: verdict)
    }

    /// Grades pairs in order.
    public func grade(_ pairs: [AnswerPair]) -> [GradedPair] {
        pairs.enumerated().map { grade($0.element, index: $0.offset) }
    }

    /// Reads a JSON-lines pair file (see ``AnswerPair``) and returns the graded pairs as JSON
    /// lines, one ``GradedPair`` object per line, with sorted keys.
    /// - Throws: ``AnswersError`` for malformed lines; the file system's error when unreadable.
    public func gradeJSONLines(contentsOf url: URL) throws -> Data {
        try Self.jsonLines(grade(try AnswerPair.readJSONLines(contentsOf: url)))
    }

    /// Encodes graded pairs as JSON lines.
    public static func jsonLines(_ graded: [GradedPair]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for pair in graded {
            data.append(try encoder.encode(pair))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }
}
