/// What a top-level field of a trace line means to the parser.
enum TraceFieldRole: Int, CaseIterable {
    case problemID, text, prompt, gold, sampleIndex, model, reasoning, finishReason
    case logProbKind, logProbs, choices, responses, sampling
    /// A member the caller asked to keep as text (``TraceParser/init(options:keeping:)``).
    case kept
}

/// The top-level field names the parser recognises, in priority order within each role.
///
/// Built once per parser from ``TraceReadOptions``: a field the user names replaces that
/// role's built-in aliases, and a name the user gave to one role is not also an alias of
/// another (so `textField: "answer"` stops `answer` from being read as the gold answer).
struct TraceFieldNames: Sendable {
    struct Entry: Sendable {
        var name: [UInt8]
        var role: TraceFieldRole
        /// Whether the name is a built-in alias (`false`: the user named it).
        var isBuiltIn: Bool
    }

    /// All names, grouped by role, best first within a role.
    let entries: [Entry]
    /// For each role (by raw value), the range of its entries.
    let ranges: [Range<Int>]
    /// Length of the longest name, to reject most unknown keys on length alone.
    let longestName: Int

    static let builtInAliases: [TraceFieldRole: [String]] = [
        .problemID: ["problem_id", "id", "idx", "unique_id"],
        .text: ["text"],
        .prompt: ["prompt", "question", "problem", "query"],
        .gold: ["gold", "answer", "gt", "ground_truth"],
        .sampleIndex: ["sample_index"],
        .model: ["model"],
        .reasoning: ["reasoning", "reasoning_content"],
        .finishReason: ["finish_reason"],
        .logProbKind: ["logprobs_kind"],
        .logProbs: ["logprobs"],
        .choices: ["choices"],
        .responses: ["responses", "response", "resps", "completions", "outputs"],
        .sampling: ["sampling"],
    ]

    /// - Parameter kept: top-level members to hand back as text; a name that already is a
    ///   trace field keeps its meaning and is not kept.
    init(options: TraceReadOptions, kept: [String] = []) {
        let custom: [TraceFieldRole: String] = [
            .problemID: options.idField, .text: options.textField, .responses: options.responsesField,
            .gold: options.goldField, .prompt: options.questionField,
        ].compactMapValues { $0 }
        let claimed = Set(custom.values)
        var entries: [Entry] = []
        var ranges: [Range<Int>] = []
        for role in TraceFieldRole.allCases {
            let start = entries.count
            if role == .kept {
                for name in kept where !entries.contains(where: { $0.name.elementsEqual(name.utf8) }) {
                    entries.append(Entry(name: Array(name.utf8), role: role, isBuiltIn: false))
                }
            } else if let name = custom[role] {
                entries.append(Entry(name: Array(name.utf8), role: role, isBuiltIn: false))
            } else {
                for alias in Self.builtInAliases[role, default: []] where !claimed.contains(alias) {
                    entries.append(Entry(name: Array(alias.utf8), role: role, isBuiltIn: true))
                }
            }
            ranges.append(start..<entries.count)
        }
        self.entries = entries
        self.ranges = ranges
        self.longestName = entries.map(\.name.count).max() ?? 0
    }

    /// The index of the entry named by `key`, if any.
    func entryIndex(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count <= longestName else { return nil }
        return entries.firstIndex { $0.name.count == key.count && $0.name.elementsEqual(key) }
    }
}
