import HorizonCommon

/// Why a trace line, or a trace file, could not be used.
///
/// Every error names the place it comes from, so its ``description`` reads like a compiler
/// diagnostic: `runs/a.jsonl:12: malformed JSON at byte 345: expected ':' after an object key`.
public struct TraceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, for callers that react to some kinds differently.
    public enum Reason: String, Sendable, Equatable, Codable, CaseIterable {
        /// The line is not valid JSON (``TraceError/column`` says where it stops making sense).
        case malformedJSON
        /// The line is valid JSON but not an object.
        case notAnObject
        /// No problem id (`problem_id`, `id`, `idx`, `unique_id` or the configured field).
        case missingID
        /// No output text and no log-probabilities to rebuild it from.
        case missingText
        /// A known field holds a value of the wrong type or out of range.
        case invalidField
        /// A log-probability is NaN, +infinity, missing, or clearly positive; or the
        /// log-probability arrays disagree in length.
        case invalidLogProb
        /// A second trace with the same problem id and sample index (the first one is kept).
        case duplicateSample
        /// A file could not be opened or read.
        case unreadableInput
        /// A file holds no line with content (empty, `/dev/null`, or only blank lines).
        case emptyInput
        /// An output file (a shard's file of `horizon split`) could not be written.
        case unwritableOutput
    }

    /// The kind of problem.
    public var reason: Reason
    /// Where it is: the file, its 1-based line, and the choice or response position when the
    /// line holds several samples.
    public var location: SourceLocation
    /// What is wrong, without the location (``description`` adds it).
    public var message: String
    /// The 1-based byte column in the line, for malformed JSON.
    public var column: Int?
    /// For a duplicate sample: where the kept first occurrence is.
    public var firstLocation: SourceLocation?

    public init(
        _ reason: Reason,
        at location: SourceLocation,
        _ message: String,
        column: Int? = nil,
        firstLocation: SourceLocation? = nil
    ) {
        self.reason = reason
        self.location = location
        self.message = message
        self.column = column
        self.firstLocation = firstLocation
    }

    /// `FILE:LINE: what is wrong`.
    public var description: String { "\(location): \(message)" }
}
