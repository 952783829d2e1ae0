import HorizonAnswers

/// What a sampled trace itself answered after its whole thinking: the baseline an early stop is
/// measured against.
public struct ChainAnswer: Sendable, Equatable {
    /// The trace's answer (its cluster's representative text); `nil` when none was extracted.
    public var answer: ExtractedAnswer?
    /// Whether it matches the gold answer (`nil` without gold).
    public var correct: Bool?

    public init(answer: ExtractedAnswer?, correct: Bool?) {
        self.answer = answer
        self.correct = correct
    }

    /// Each analysed trace's answer, keyed by ``key(problemID:sampleIndex:)``, from the answer
    /// clusters of `problems`.
    ///
    /// The cluster keeps its representative's text only, so the answer comes back as
    /// ``ExtractionRule/wholeText``: the whole text is the answer, as for a reference answer.
    public static func byTrace(from problems: [ProblemAnalysis]) -> [String: ChainAnswer] {
        var answers: [String: ChainAnswer] = [:]
        for problem in problems {
            for cluster in problem.clusters {
                let answer = ChainAnswer(answer: cluster.answer.map { ExtractedAnswer(text: $0, rule: .wholeText) }, correct: cluster.correct)
                for index in cluster.sampleIndices { answers[key(problemID: problem.problemID, sampleIndex: index)] = answer }
            }
        }
        return answers
    }

    /// The key of one trace.
    public static func key(problemID: String, sampleIndex: Int) -> String { "\(problemID)\u{0}\(sampleIndex)" }
}
