import HorizonCommon

/// Gives every trace a sample index and rejects a second trace of the same
/// (problem, sample index), seeing traces in input order.
///
/// A trace without an index gets the smallest index its problem has not used yet, so
/// `[given 0, none, given 2, none]` become 0, 1, 2, 3; a later trace *giving* an index already
/// handed out this way is a duplicate.
struct SampleIndexer {
    private struct ProblemSamples {
        /// Each index used so far, with the place of its trace.
        var used: [Int: SourceLocation] = [:]
        /// No index below this is free.
        var lowestFree = 0
    }

    private var problems: [String: ProblemSamples] = [:]

    /// Sets `trace.sampleIndex` when it is `nil`, or checks it.
    ///
    /// - Returns: `nil` when the trace is kept, or the duplicate error naming both places
    ///   (the trace seen first is the one kept).
    /// - Complexity: O(1) amortised.
    mutating func assign(_ trace: inout Trace) -> TraceError? {
        let problemID = trace.problemID
        return Self.assign(&trace, in: &problems[problemID, default: ProblemSamples()])
    }

    private static func assign(_ trace: inout Trace, in samples: inout ProblemSamples) -> TraceError? {
        let index: Int
        if let given = trace.sampleIndex {
            if let first = samples.used[given] {
                return TraceError(
                    .duplicateSample, at: trace.source,
                    "duplicate sample \(given) of problem \"\(trace.problemID)\"; the first one, at \(first), is kept",
                    firstLocation: first)
            }
            index = given
        } else {
            while samples.used[samples.lowestFree] != nil { samples.lowestFree += 1 }
            index = samples.lowestFree
            trace.sampleIndex = index
        }
        samples.used[index] = trace.source
        return nil
    }
}
