import Foundation
import HorizonCommon

/// The phrases that mark a model reconsidering its reasoning ("wait", "alternatively", "let me
/// check"), and how often a text uses them.
///
/// Matching is case-insensitive and word-bounded: a marker matches a run of whole words, its
/// words separated by whitespace in the text. Words are maximal runs of letters, digits,
/// apostrophes and inner hyphens, so "wait" does not match "awaited" and "check" does not match
/// "double-check". Each occurrence counts once, for the longest marker starting at the leftmost
/// word: "But wait" counts as "but wait", not also as "wait".
///
/// ```swift
/// let markers = ReflectionMarkers.default
/// markers.counts(in: "Hmm, wait. But wait, let me check.")   // hmm 1, wait 1, but wait 1, let me check 1
/// ```
public struct ReflectionMarkers: Sendable, Equatable {
    /// The markers, lowercased, as their words.
    public let phrases: [String]
    private let words: [[String]]
    /// Marker positions in ``phrases``, longest (most words) first, ties in list order.
    private let matchOrder: [Int]

    /// The default list: hesitation and self-correction phrases that reasoning-behaviour studies
    /// count (ThinkBench's "overthinking" cues, the "aha" phrases of R1-style traces).
    public static let defaultPhrases = [
        "wait", "but wait", "hmm", "alternatively", "let me check", "let me verify", "let me double-check",
        "double-check", "let me reconsider", "let me re-examine", "hold on", "on second thought",
        "i made a mistake", "that's not right", "actually",
    ]

    public static let `default` = try! ReflectionMarkers(defaultPhrases)

    /// - Parameter phrases: The markers; case and surrounding whitespace do not matter.
    /// - Throws: ``AnalysisError`` naming the first phrase with no word in it (file `<list>`, line = position + 1).
    public init(_ phrases: [String]) throws(AnalysisError) {
        var kept: [String] = []
        var words: [[String]] = []
        for (position, phrase) in phrases.enumerated() {
            let phraseWords = Self.words(of: phrase).map(\.word)
            guard !phraseWords.isEmpty else {
                throw AnalysisError(.invalidMarker(phrase), at: SourceLocation(file: "<list>", line: position + 1))
            }
            let normalised = phraseWords.joined(separator: " ")
            guard !kept.contains(normalised) else { continue }
            kept.append(normalised)
            words.append(phraseWords)
        }
        self.phrases = kept
        self.words = words
        matchOrder = words.indices.sorted { words[$0].count != words[$1].count ? words[$0].count > words[$1].count : $0 < $1 }
    }

    /// Reads one marker per line; blank lines and lines starting with `#` are skipped.
    ///
    /// - Throws: ``AnalysisError`` for an unreadable file, an empty list, or a line with no
    ///   word in it (with its line number).
    public init(contentsOf path: String) throws(AnalysisError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AnalysisError(.unreadable(error.localizedDescription), at: SourceLocation(file: path))
        }
        var phrases: [String] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard !Self.words(of: trimmed).isEmpty else {
                throw AnalysisError(.invalidMarker(trimmed), at: SourceLocation(file: path, line: offset + 1))
            }
            phrases.append(trimmed)
        }
        guard !phrases.isEmpty else { throw AnalysisError(.noMarkers, at: SourceLocation(file: path)) }
        try self.init(phrases)
    }

    /// Occurrences of each marker in `text`, in ``phrases`` order.
    ///
    /// - Complexity: O(text length × markers).
    public func counts(in text: String) -> [Int] {
        var counts = [Int](repeating: 0, count: phrases.count)
        let found = Self.words(of: text)
        var position = 0
        while position < found.count {
            var matched = 0
            for marker in matchOrder where matches(marker, at: position, in: found) {
                counts[marker] += 1
                matched = words[marker].count
                break
            }
            position += max(1, matched)
        }
        return counts
    }

    private func matches(_ marker: Int, at position: Int, in found: [(word: String, spaceBefore: Bool)]) -> Bool {
        let markerWords = words[marker]
        guard position + markerWords.count <= found.count else { return false }
        for (offset, word) in markerWords.enumerated() {
            let candidate = found[position + offset]
            // Inside a marker, words are separated by whitespace only ("but, wait" is two events).
            guard candidate.word == word, offset == 0 || candidate.spaceBefore else { return false }
        }
        return true
    }

    /// The lowercased words of `text`, each with whether only whitespace separates it from the
    /// previous word.
    static func words(of text: String) -> [(word: String, spaceBefore: Bool)] {
        // ASCII (nearly every scalar of a model's output) is decided without the Unicode
        // property tables, which took a twentieth of `analyze`.
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value | 0x20
                return (0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value) || scalar == "'"
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "\u{2019}"
        }
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        func isQuote(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" || scalar == "-" }
        var result: [(word: String, spaceBefore: Bool)] = []
        var current = String.UnicodeScalarView()
        var hasRightQuote = false
        var gapIsSpace = true
        func flush() {
            // Apostrophes around a word are quotation marks, not part of it.
            while let first = current.first, isQuote(first) { current.removeFirst() }
            while let last = current.last, isQuote(last) { current.removeLast() }
            guard !current.isEmpty else { return }
            let word = String(current).lowercased()
            result.append((hasRightQuote ? word.replacingOccurrences(of: "\u{2019}", with: "'") : word, gapIsSpace))
            current = String.UnicodeScalarView()
            hasRightQuote = false
            gapIsSpace = true
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let innerHyphen = scalar == "-" && !current.isEmpty && index + 1 < scalars.count && isWordScalar(scalars[index + 1])
            if isWordScalar(scalar) || innerHyphen {
                current.append(scalar)
                if scalar == "\u{2019}" { hasRightQuote = true }
            } else {
                flush()
                if !isWhitespace(scalar) { gapIsSpace = false }
            }
        }
        flush()
        return result
    }
}

// In a part file's options, the list is its phrases.
extension ReflectionMarkers: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(phrases)
    }
}
