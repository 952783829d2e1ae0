import Foundation

extension TestStep {
    /// A step whose top list holds `candidates` equally likely tokens, the sampled `token` first
    /// and then `alt1`, `alt2`, …, each with probability `mass / candidates`.
    ///
    /// Under top-p 1 (and any top-p the whole list must reach) the rebuilt distribution is
    /// uniform over the list, so the step's entropy and NLL are ln(`candidates`) nats and its
    /// missing mass is 1 − `mass`; one candidate gives entropy 0.
    ///
    /// - Parameters:
    ///   - token: The sampled token's text.
    ///   - candidates: How many candidates the list holds, at least 1.
    ///   - mass: The list's total probability, in (0, 1].
    public static func uniform(_ token: String, candidates: Int, mass: Double = 1) -> TestStep {
        precondition(candidates >= 1 && mass > 0 && mass <= 1, "a uniform step needs candidates >= 1 and mass in (0, 1]")
        let logProb = log(mass / Double(candidates))
        let alternatives = (1..<candidates).map { (token: "alt\($0)", logProb: logProb, bytes: [UInt8]?.none) }
        return TestStep(token, logProb, bytes: nil, top: [(token: token, logProb: logProb, bytes: nil)] + alternatives)
    }
}
