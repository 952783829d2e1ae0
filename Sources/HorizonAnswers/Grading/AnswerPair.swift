import Foundation
import HorizonCommon

/// A reference answer and a candidate output to grade, as read from a JSON-lines pair file.
///
/// Decoding accepts the field names of common datasets: `reference`, `gold` or `answer` for the
/// reference; `candidate`, `pred`, `prediction` or `response` for the candidate; an optional
/// `id`; an optional `expected` label (whether the pair should grade as equivalent). Encoding
/// writes `reference`, `candidate`, `id` and `expected`.
public struct AnswerPair: Sendable, Hashable, Codable {
    public var id: String?
    /// A human label: whether the pair is equivalent, for measuring the grader against it.
    public var expected: Bool?
    /// The gold field: an answer (MATH), or a worked solution (`#### N` for GSM8K, a box).
    public var reference: String
    /// The model's output or answer span.
    public var candidate: String

    public init(reference: String, candidate: String, id: String? = nil, expected: Bool? = nil) {
        self.reference = reference
        self.candidate = candidate
        self.id = id
        self.expected = expected
    }

    enum CodingKeys: String, CodingKey {
        case id, reference, candidate, gold, answer, pred, prediction, response, expected
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func first(_ keys: [CodingKeys]) throws -> String? {
            for key in keys { if let value = try container.decodeIfPresent(String.self, forKey: key) { return value } }
            return nil
        }
        guard let reference = try first([.reference, .gold, .answer]) else {
            throw DecodingError.keyNotFound(CodingKeys.reference, .init(codingPath: [], debugDescription: "no reference, gold or answer"))
        }
        guard let candidate = try first([.candidate, .pred, .prediction, .response]) else {
            throw DecodingError.keyNotFound(CodingKeys.candidate, .init(codingPath: [], debugDescription: "no candidate, pred, prediction or response"))
        }
        self.reference = reference
        self.candidate = candidate
        if let text = try? container.decodeIfPresent(String.self, forKey: .id) {
            id = text
        } else {
            id = (try? container.decodeIfPresent(Int.self, forKey: .id)).flatMap { $0.map(String.init) }
        }
        expected = try container.decodeIfPresent(Bool.self, forKey: .expected)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(reference, forKey: .reference)
        try container.encode(candidate, forKey: .candidate)
        try container.encodeIfPresent(expected, forKey: .expected)
    }

    /// The pairs of a JSON-lines file (blank lines skipped).
    /// - Parameters:
    ///   - data: The file's bytes, UTF-8.
    ///   - file: The file's name, for error messages.
    /// - Throws: ``AnswersError`` (`malformedPair`) naming the file and 1-based line.
    /// - Complexity: O(size of `data`).
    public static func readJSONLines(_ data: Data, file: String) throws -> [AnswerPair] {
        // The project's JSON grammar, as for every other file Horizon reads.
        let decoder = JSONCursorDecoder()
        var pairs: [AnswerPair] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") })
            else { continue }
            do {
                pairs.append(try decoder.decode(AnswerPair.self, from: Array(line)))
            } catch let error as JSONSyntaxError {
                throw AnswersError(.malformedPair, "not a pair object: \(error.description)", at: SourceLocation(file: file, line: lineNumber))
            } catch let error as DecodingError {
                throw AnswersError(.malformedPair, "not a pair object: \(error.summary)", at: SourceLocation(file: file, line: lineNumber))
            } catch {
                throw AnswersError(.malformedPair, "not a pair object: \(error)", at: SourceLocation(file: file, line: lineNumber))
            }
        }
        return pairs
    }

    /// The pairs of the JSON-lines file at `url`.
    /// - Throws: ``AnswersError`` for malformed lines; the file system's error when unreadable.
    public static func readJSONLines(contentsOf url: URL) throws -> [AnswerPair] {
        try readJSONLines(try Data(contentsOf: url), file: url.path)
    }
}
