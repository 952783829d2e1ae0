import HorizonCommon
import Foundation
import HorizonAnswers
import HorizonTraces
import HorizonCommon

/// The problems of a run, with where they came from and a checksum that identifies them.
///
/// ```swift
/// let set = try ProblemSet.load(path: "Datasets/problems/demo.jsonl")
/// set.problems.count, set.sha256
/// ```
public struct ProblemSet: Sendable, Equatable {
    public var problems: [Problem]
    /// The file they were read from, or `nil` when built in memory.
    public var path: String?
    /// SHA-256 (hex) of the file's bytes, or for an in-memory set of its canonical JSONL
    /// (`{"id","question","gold"}` per line); a resumed run must see the same value.
    public var sha256: String

    /// A set built in memory.
    public init(problems: [Problem]) {
        self.problems = problems
        self.path = nil
        var canonical: [UInt8] = []
        for problem in problems {
            var line: JSONValue = ["id": .string(problem.id), "question": .string(problem.question)]
            line["gold"] = problem.gold.map { .string($0) }
            line.write(to: &canonical)
            canonical.append(UInt8(ascii: "\n"))
        }
        self.sha256 = SHA256.hexDigest(of: canonical)
    }

    /// Field names read from each line, first match wins.
    public static let idFields = ["id", "unique_id", "problem_id", "idx", "question_id"]
    public static let questionFields = ["problem", "question", "prompt", "query", "input"]
    public static let goldFields = ["answer", "gold", "gt", "ground_truth", "final_answer"]

    /// The gold answer a problem file's gold field holds.
    ///
    /// A worked solution with GSM8K's `#### N` line yields N, so traces and reports carry the
    /// answer, not the working; any other value (MATH's `answer`, a bare number) is the answer
    /// already and is kept verbatim.
    public static func gold(fromField text: String) -> String {
        guard text.contains("####"), let answer = AnswerExtractor().referenceAnswer(fromGold: text),
            answer.rule == .gsm8kHashes
        else { return text }
        return answer.text
    }

    /// Reads a JSONL problem file (MATH-500, GSM8K, or the project's own demo sets).
    ///
    /// Each non-blank line is an object with an id (``idFields``; a string or a number; when
    /// absent, the 0-based index of the problem in the file), a question (``questionFields``)
    /// and optionally a gold answer (``goldFields``; numbers become their literal text). GSM8K's
    /// `answer` is a worked solution ending in `#### N`: its gold is N (see ``gold(fromField:)``).
    ///
    /// - Parameter path: the file.
    /// - Returns: the problems in file order, with the file's SHA-256.
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidDataset`` and the line for an
    ///   unreadable file, invalid JSON, a missing question, a repeated id, or no problem at all.
    public static func load(path: String) throws(ClientError) -> ProblemSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClientError(.invalidDataset, "cannot read the problem file \(path)")
        }
        let bytes = [UInt8](data)
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            let location = SourceLocation(file: path, line: lineNumber)
            let json: JSONValue
            do { json = try JSONValue(parsing: line) } catch {
                throw ClientError(.invalidDataset, error.description, location: location)
            }
            func text(_ fields: [String]) -> String? {
                for field in fields {
                    if let value = json[field] {
                        if let s = value.stringValue { return s }
                        if case .number(let literal) = value { return literal }
                    }
                }
                return nil
            }
            guard let question = text(questionFields) else {
                throw ClientError(.invalidDataset, "no question (\(questionFields.joined(separator: ", ")))", location: location)
            }
            let id = text(idFields) ?? String(problems.count)
            if let first = seen[id] {
                throw ClientError(.invalidDataset, "problem id \"\(id)\" repeats the one on line \(first)", location: location)
            }
            seen[id] = lineNumber
            problems.append(Problem(id: id, question: question, gold: text(goldFields).map(gold(fromField:))))
        }
        guard !problems.isEmpty else {
            throw ClientError(.invalidDataset, "no problems: the file is empty or holds only blank lines", location: SourceLocation(file: path, line: 0))
        }
        var set = ProblemSet(problems: problems)
        set.path = path
        set.sha256 = SHA256.hexDigest(of: bytes)
        return set
    }
}
