import Foundation
import HorizonStability
import HorizonTestSupport
import Testing

/// The texts of the forking tokens' alternatives, end to end through ``Analyzer`` on one
/// hand-laid chat-shape trace (no thinking markers: the whole output is one span).
///
/// | step | token | candidates (server order) | entropy |
/// |---|---|---|---|
/// | 0 | `A` | A ½, `a|b` ¼, `` `x` `` ¹⁄₁₆, newline ¹⁄₁₆, é ¹⁄₁₆, z ¹⁄₁₆ | ½L + ¼·2L + 4·¹⁄₁₆·4L = 2L |
/// | 1 | bytes E2 82 (a cut "€") | E2 82 ½, FF ½ (both read U+FFFD) | L |
/// | 2 | ` B` | none (`null`): the token alone, p = 1 | 0 |
/// | 3 | `C` | C 1 | 0 |
@Suite struct ForkAlternativeTextTests {
    static func ln(_ p: Double) -> String { String(log(p)) }

    static let line = """
        {"problem_id": "p", "text": "A\\ufffd BC", "logprobs": {"content": [\
        {"token": "A", "logprob": \(ln(0.5)), "top_logprobs": [{"token": "A", "logprob": \(ln(0.5))}, \
        {"token": "a|b", "logprob": \(ln(0.25))}, {"token": "`x`", "logprob": \(ln(0.0625))}, {"token": "\\n", "logprob": \(ln(0.0625))}, \
        {"token": "\\u00e9", "logprob": \(ln(0.0625))}, {"token": "z", "logprob": \(ln(0.0625))}]}, \
        {"token": "\\ufffd", "bytes": [226, 130], "logprob": \(ln(0.5)), "top_logprobs": [\
        {"token": "\\ufffd", "bytes": [226, 130], "logprob": \(ln(0.5))}, {"token": "\\ufffd", "bytes": [255], "logprob": \(ln(0.5))}]}, \
        {"token": " B", "logprob": 0, "top_logprobs": null}, \
        {"token": "C", "logprob": 0, "top_logprobs": [{"token": "C", "logprob": 0}]}]}}
        """

    @Test func alternativesCarryTheirTextsLargestFirst() throws {
        let analysis = try AnalyzerSetup().analyze(try TraceFile.write([Self.line]))
        let top = try #require(analysis.forks?.top.overall)
        #expect(top.map(\.position) == [0, 1, 2, 3])
        #expect(isClose(top[0].entropy, 2 * log(2.0)) && isClose(top[1].entropy, log(2.0)))
        // Five of six, largest first; the four equal ones in the server's order, so z is cut.
        #expect(top[0].alternativeTokens == ["A", "a|b", "`x`", "\n", "é"])
        #expect(zip(top[0].alternatives, [0.5, 0.25, 0.0625, 0.0625, 0.0625]).allSatisfy { isClose($0, $1) })
        // Bytes that are not UTF-8 read as the token does.
        #expect(top[1].token == "\u{FFFD}" && top[1].alternativeTokens == ["\u{FFFD}", "\u{FFFD}"])
        // No top list: the sampled token is the only alternative.
        #expect(top[2].alternativeTokens == [" B"] && top[2].alternatives == [1])
        #expect(top[3].alternativeTokens == ["C"] && top[3].alternatives == [1])
    }

    @Test func theJSONKeyIsAdditive() throws {
        let analysis = try AnalyzerSetup().analyze(try TraceFile.write([Self.line]))
        let token = try #require(analysis.forks?.top.overall.first)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(token)) as? [String: Any])
        #expect(json["alternative_tokens"] as? [String] == ["A", "a|b", "`x`", "\n", "é"])
        #expect((json["alternatives"] as? [Double])?.count == 5)
        // A version-3 token, without the key, still reads, with no texts.
        var older = json
        older["alternative_tokens"] = nil
        let decoded = try JSONDecoder().decode(ForkingToken.self, from: JSONSerialization.data(withJSONObject: older))
        #expect(decoded.alternativeTokens == nil && decoded.alternatives == token.alternatives)
    }
}
