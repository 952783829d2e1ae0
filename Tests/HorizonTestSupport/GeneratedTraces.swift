import Foundation
import HorizonCommon
import HorizonTraces

/// Trace files with seeded random log-probabilities, for CLI tests that need real numbers.
public enum GeneratedTraces {
    /// `problems` × `samples` chat-shaped lines, each an output `<think> … </think> The answer
    /// is \boxed{…}` of seeded random length whose every token has three candidates.
    public static func lines(problems: Int, samples: Int, seed: UInt64 = 7) -> [String] {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        for problem in 0..<problems {
            for sample in 0..<samples {
                let answer = Int.random(in: 3...4, using: &random)
                let thinking = (0..<Int.random(in: 20...60, using: &random)).map { " w\($0 % 7)" }
                let tokens = ["<think>"] + thinking + ["</think>", " The answer is", " \\boxed{\(answer)}"]
                let steps = tokens.map { token -> TestStep in
                    let weights = (0..<3).map { _ in Double.random(in: 0.05...1, using: &random) }
                    let total = weights.reduce(0, +) / Double.random(in: 0.7...0.99, using: &random)
                    let logProbs = weights.sorted(by: >).map { log($0 / total) }
                    return TestStep(token, logProbs[0], bytes: nil, top: [
                        (token, logProbs[0], nil), (" x", logProbs[1], nil), (" y", logProbs[2], nil),
                    ])
                }
                let line = TraceLines.flat(
                    ["problem_id": .string("p\(problem)"), "sample_index": .integer(sample), "gold": "4",
                     "text": .string(tokens.joined())],
                    logProbs: TraceLines.chatLogProbs(steps))
                lines.append(line.rendered())
            }
        }
        return lines
    }

    /// Writes the lines to a fresh file and returns its path.
    public static func file(problems: Int = 3, samples: Int = 4, name: String = "traces.jsonl") throws -> String {
        try TraceFile.write(lines(problems: problems, samples: samples), name: name)
    }

    /// `horizon probe` lines for every problem of ``lines(problems:samples:seed:)``: sample 0
    /// of each cut at half its thinking and answered `count` times, each answer one token
    /// `\boxed{3}` or `\boxed{4}` with three candidates.
    public static func probeLines(problems: Int, count: Int = 3, seed: UInt64 = 11) -> [String] {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        for problem in 0..<problems {
            for index in 0..<count {
                let token = " \\boxed{\(Int.random(in: 3...4, using: &random))}"
                let weights = (0..<3).map { _ in Double.random(in: 0.05...1, using: &random) }
                let total = weights.reduce(0, +)
                let logProbs = weights.sorted(by: >).map { log($0 / total) }
                let step = TestStep(token, logProbs[0], bytes: nil, top: [(token, logProbs[0], nil), (" x", logProbs[1], nil), (" y", logProbs[2], nil)])
                let line = TraceLines.flat(
                    ["problem_id": .string("p\(problem)"), "sample_index": 0, "gold": "4", "text": .string(token),
                     "answer_prefix": "The answer is",
                     "probe": .members(["kind": "truncation", "length": 0.5, "length_unit": "fraction", "kept_tokens": 10, "index": .integer(index)])],
                    logProbs: TraceLines.chatLogProbs([step]))
                lines.append(line.rendered())
            }
        }
        return lines
    }

    /// Budget-forcing chains for problems `p0…`: per problem `chains` chains of `waits`
    /// extensions (two random tokens each, 3 candidates) and `waits + 1` forced answers (3 or 4;
    /// gold 4), as `horizon probe --budget-force` writes them.
    public static func budgetLines(problems: Int, chains: Int = 2, waits: Int = 2, seed: UInt64 = 13) -> [String] {
        var random = SplitMix64(seed: seed)
        func probe(_ part: String, _ waits: Int, _ index: Int, extensionTokens: Int?) -> JSONText {
            var members: [(String, JSONText)] = [("kind", "budget_force"), ("part", .string(part)), ("waits", .integer(waits)), ("index", .integer(index))]
            if let extensionTokens { members.append(("extension_tokens", .integer(extensionTokens))) }
            return .object(members)
        }
        var lines: [String] = []
        for problem in 0..<problems {
            for index in 0..<chains {
                for step in 0...(2 * waits) {
                    let head: KeyValuePairs<String, JSONText> = ["problem_id": .string("p\(problem)"), "sample_index": 0, "gold": "4"]
                    var members = head.map { ($0.key, $0.value) }
                    if step % 2 == 1 {
                        let steps = (0..<2).map { _ in
                            let weights = (0..<3).map { _ in Double.random(in: 0.05...1, using: &random) }
                            let logProbs = weights.sorted(by: >).map { log($0 / weights.reduce(0, +)) }
                            return TestStep(" hm", logProbs[0], bytes: nil, top: [(" hm", logProbs[0], nil), (" x", logProbs[1], nil), (" y", logProbs[2], nil)])
                        }
                        members += [("text", " hm hm"), ("probe", probe("extension", (step + 1) / 2, index, extensionTokens: nil)),
                                    ("logprobs", TraceLines.chatLogProbs(steps))]
                    } else {
                        members += [("text", .string("\\boxed{\(Int.random(in: 3...4, using: &random))}")),
                                    ("probe", probe("answer", step / 2, index, extensionTokens: step))]
                    }
                    lines.append(JSONText.object(members).rendered())
                }
            }
        }
        return lines
    }
}
