import HorizonSegments
import HorizonTraces

/// The traces `horizon probe` probes: from each problem, the first ones by sample index that
/// have log-probs and a thinking span, and the text that closes their thinking.
///
/// ```swift
/// let selection = try ProbeTargetSelection.read(paths: ["runs/r1.jsonl"], segmenter: Segmenter(.auto), tracesPerProblem: 1)
/// ```
public struct ProbeTargetSelection: Sendable {
    /// The chosen traces, by problem id, then sample index.
    public var targets: [ProbeTarget]
    /// The first chosen trace's profile's answer-forcing text (e.g. `</think>\n\n`), `nil` when
    /// its profile has none.
    public var profileForcingText: String?

    /// Reads `paths` and chooses the targets.
    ///
    /// The choice depends only on the traces, not on the order concurrent sampling wrote them
    /// in: per problem the lowest sample indices are kept, so memory stays bounded by what will
    /// be probed.
    ///
    /// - Parameters:
    ///   - paths: trace files (as `horizon sample` writes them).
    ///   - segmenter: finds each trace's thinking.
    ///   - tracesPerProblem: traces chosen per problem (≥ 1).
    /// - Throws: the reader's or segmenter's errors (with file and line); ``ClientError`` with
    ///   ``ClientError/Reason/invalidConfiguration`` when no trace can be probed.
    public static func read(paths: [String], segmenter: Segmenter, tracesPerProblem: Int) throws -> ProbeTargetSelection {
        var candidates: [String: [(trace: Trace, thinking: Range<Int>, profile: String)]] = [:]
        _ = try TraceReader(paths: paths).read(
            transform: { trace in (trace, try segmenter.segment(trace)) },
            consume: { item in
                guard case .trace(let (trace, segmented)) = item, trace.logProbs != nil,
                    let thinking = segmented.thinkingTokens
                else { return }
                var kept = candidates[trace.problemID, default: []]
                kept.append((trace, thinking, segmented.profileName))
                kept.sort { ($0.trace.sampleIndex ?? 0) < ($1.trace.sampleIndex ?? 0) }
                candidates[trace.problemID] = Array(kept.prefix(tracesPerProblem))
            })
        let chosen = candidates.keys.sorted().flatMap { candidates[$0]! }
        guard !chosen.isEmpty else {
            throw ClientError(
                .invalidConfiguration, "no trace in \(paths.joined(separator: ", ")) has log-probs and a thinking span to probe")
        }
        return ProbeTargetSelection(
            targets: try chosen.map { try ProbeTarget(trace: $0.trace, thinkingTokens: $0.thinking) },
            profileForcingText: chosen.first.flatMap { (try? SegmentationProfile.named($0.profile))?.answerForcingText })
    }
}
