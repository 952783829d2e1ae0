import Foundation
import HorizonGate
import HorizonStability
import HorizonTestSupport
import Testing

/// Seeded mutations of valid baseline and analysis files: every one is either read (and then
/// usable) or refused with a ``GateError`` that names the file; none crashes.
@Suite struct GateFuzzTests {
    typealias F = GateFixtures

    /// A deterministic byte mutator (a 64-bit LCG), so a failure replays.
    struct Mutator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        /// Replaces, deletes, duplicates or inserts a few bytes, preferring JSON's own characters.
        mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
            let alphabet = Array(#"{}[],:"-.0123456789eEnulltruefalse \"#.utf8)
            var bytes = bytes
            for _ in 0..<(1 + next(3)) where !bytes.isEmpty {
                let at = next(bytes.count)
                switch next(4) {
                case 0: bytes[at] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(bytes[at], at: at)
                default: bytes.insert(alphabet[next(alphabet.count)], at: at)
                }
            }
            return bytes
        }
    }

    @Test func mutatedBaselinesLoadOrFailWithTheFileNamed() throws {
        let directory = try SharedData.temporaryDirectory("gate-fuzz-baseline")
        let valid = directory.appendingPathComponent("valid.json")
        try Baseline.make(from: F.reference()).write(to: valid)
        let bytes = Array(try Data(contentsOf: valid))
        var mutator = Mutator(state: 42)
        var refused = 0
        for round in 0..<400 {
            let url = directory.appendingPathComponent("baseline-\(round).json")
            try Data(mutator.mutate(bytes)).write(to: url)
            do {
                let baseline = try Baseline.load(from: url)
                // What loads is usable: checking the reference analysis against it gives a verdict or a gate error.
                _ = try? Gate.check(baseline: baseline, analysis: F.reference())
            } catch {
                refused += 1
                #expect(error.description.hasPrefix(url.path), "round \(round): \(error)")
                #expect(error.exitCode == 2)
            }
        }
        #expect(refused > 100, "the mutations must reach the refusals")
    }

    @Test func mutatedAnalysesLoadOrFailWithTheFileNamed() throws {
        let directory = try SharedData.temporaryDirectory("gate-fuzz-analysis")
        let valid = directory.appendingPathComponent("valid.json")
        try F.reference().write(to: valid)
        let bytes = Array(try Data(contentsOf: valid))
        var mutator = Mutator(state: 7)
        var refused = 0
        for round in 0..<400 {
            let url = directory.appendingPathComponent("analysis-\(round).json")
            try Data(mutator.mutate(bytes)).write(to: url)
            do {
                let analysis = try Gate.loadAnalysis(from: url)
                // A loaded analysis makes a baseline that reads back (or holds nothing to gate).
                if let baseline = try? Baseline.make(from: analysis) {
                    let written = directory.appendingPathComponent("baseline-\(round).json")
                    try baseline.write(to: written)
                    #expect(try Baseline.load(from: written) == baseline, "round \(round)")
                }
            } catch {
                refused += 1
                #expect(error.description.hasPrefix(url.path), "round \(round): \(error)")
            }
        }
        #expect(refused > 100, "the mutations must reach the refusals")
    }
}
