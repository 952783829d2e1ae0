import Foundation
import HorizonEntropy
import Testing

@Suite("Curves over output position")
struct CurveTests {
    /// Window values are sqrt(a b) for a window of uniform-a and uniform-b steps.
    let samples = [
        uniformSample([1, 4, 2, 8, 5]),  // windows: 2, 4
        uniformSample([3, 3, 1, 1]),  // 3, 1
        uniformSample([2, 2, 4, 4]),  // 2, 4
        uniformSample([4, 4, 9, 1, 7, 7]),  // 4, 3 (third window past the shortest sample)
    ]

    @Test("windowed: mean over samples of exp(mean H in window), up to the shortest sample")
    func windowed() throws {
        var builder = try WindowedCurveBuilder(windowLength: 2)
        for sample in samples { builder.add(sample) }
        let curve = builder.curve()
        #expect(curve.positions == [0, 2])
        #expect(isClose(curve.values[0], 11.0 / 4))
        #expect(isClose(curve.values[1], 3))
        #expect(curve.counts == [4, 4])
        #expect(builder.curve(minimumSamples: 5) == PositionCurve())
    }

    @Test("windowed builders of parts merge into the whole")
    func windowedMerge() throws {
        var whole = try WindowedCurveBuilder(windowLength: 2)
        var first = try WindowedCurveBuilder(windowLength: 2)
        var second = try WindowedCurveBuilder(windowLength: 2)
        for sample in samples { whole.add(sample) }
        for sample in samples.prefix(2) { first.add(sample) }
        for sample in samples.suffix(2) { second.add(sample) }
        second.merge(first)
        #expect(second.sampleCount == 4)
        #expect(second.shortestLength == 4)
        let merged = second.curve()
        #expect(merged.positions == whole.curve().positions)
        #expect(zip(merged.values, whole.curve().values).allSatisfy { isClose($0, $1) })
        var empty = try WindowedCurveBuilder(windowLength: 2)
        empty.merge(try WindowedCurveBuilder(windowLength: 2))
        #expect(empty.shortestLength == nil)
    }

    @Test("windowed within a token range counts positions from its start; empty spans are ignored")
    func windowedRange() throws {
        var builder = try WindowedCurveBuilder(windowLength: 2)
        // Tokens 2..<6 of a 6-token sample: windows (9, 1) -> 3 and (7, 7) -> 7.
        builder.add(samples[3], tokens: 2..<6)
        builder.add(samples[3], tokens: 6..<6)
        let curve = builder.curve(minimumSamples: 1)
        #expect(curve.positions == [0, 2])
        #expect(isClose(curve.values[0], 3))
        #expect(isClose(curve.values[1], 7))
        #expect(builder.sampleCount == 1)
    }

    @Test("a window ending exactly at the shortest sample's end is kept (the reference drops it)")
    func lastCompleteWindow() throws {
        var builder = try WindowedCurveBuilder()
        for _ in 0..<4 { builder.add(uniformSample(Array(repeating: 3, count: 10))) }
        let curve = builder.curve()
        #expect(curve.positions == [0, 5])
        #expect(curve.values.allSatisfy { isClose($0, 3) })
    }

    @Test("window length must be positive")
    func windowValidation() {
        #expect(throws: EntropyError(.windowLengthTooSmall(0))) { try WindowedCurveBuilder(windowLength: 0) }
    }

    /// Steps with known (H, NLL): skewed (1.5 ln 2, ln 2), uniform 4 (2 ln 2, 2 ln 2), one-hot (0, 0).
    let skewed = Step(probabilities: [0.5, 0.25, 0.25], sampledRank: 0)

    @Test("cumulative: prefix mean entropy up to the limit, prefix mean NLL after it")
    func cumulative() {
        var builder = CumulativeCurveBuilder(asymptoticLimit: 2)
        builder.add(statistics([skewed, .uniform(4), .uniform(1)]))
        builder.add(uniformSample([2, 2, 2]))
        let curve = builder.curve(minimumSamples: 2)
        #expect(curve.positions == [0, 1, 2])
        #expect(curve.counts == [2, 2, 2])
        // k = 0: entropy means 1.5 and 1 (x ln 2), averaged: 1.25.
        #expect(isClose(curve.values[0], pow(2, 1.25)))
        // k = 1: (1.5 + 2) / 2 = 1.75 and 1 -> 1.375.
        #expect(isClose(curve.values[1], pow(2, 1.375)))
        // k = 2 > limit: NLL means (1 + 2 + 0) / 3 = 1 and 1 -> 1.
        #expect(isClose(curve.values[2], 2))
    }

    @Test("cumulative with a single estimator never switches: entropy or NLL at every position")
    func cumulativeSingleEstimator() {
        var entropy = CumulativeCurveBuilder(estimator: .entropy, asymptoticLimit: 2)
        var nll = CumulativeCurveBuilder(estimator: .nll, asymptoticLimit: 2)
        for sample in [statistics([skewed, .uniform(4), .uniform(1)]), uniformSample([2, 2, 2])] {
            entropy.add(sample)
            nll.add(sample)
        }
        // Entropy (x ln 2): prefix means 1.5, 1.75, 7/6 and 1, 1, 1, averaged.
        #expect(zip(entropy.curve(minimumSamples: 2).values, [pow(2, 1.25), pow(2, 1.375), pow(2, 13.0 / 12)]).allSatisfy { isClose($0, $1) })
        // NLL (x ln 2): prefix means 1, 1.5, 1 and 1, 1, 1, averaged.
        #expect(zip(nll.curve(minimumSamples: 2).values, [2, pow(2, 1.25), 2]).allSatisfy { isClose($0, $1) })
        #expect(entropy.nllFromPosition == nil && nll.nllFromPosition == nil)
        #expect(CumulativeCurveBuilder(asymptoticLimit: 2).nllFromPosition == 2)
    }

    @Test("windowed with the NLL estimator averages NLL; auto and entropy average entropy")
    func windowedEstimator() throws {
        let sample = statistics([skewed, .uniform(4), .uniform(1)])
        var values: [Double] = []
        for estimator in [BranchingFactorEstimator.nll, .entropy, .auto] {
            var builder = try WindowedCurveBuilder(windowLength: 3, estimator: estimator)
            builder.add(sample)
            values.append(try #require(builder.curve(minimumSamples: 1).values.first))
        }
        // NLL (1 + 2 + 0) ln 2 / 3 = ln 2; entropy (1.5 + 2 + 0) ln 2 / 3 = 7/6 ln 2.
        #expect(isClose(values[0], 2))
        #expect(isClose(values[1], pow(2, 7.0 / 6)) && isClose(values[2], pow(2, 7.0 / 6)))
    }

    @Test("cumulative: counts fall as samples end; the curve stops below the minimum")
    func cumulativeCounts() {
        var builder = CumulativeCurveBuilder()
        builder.add(uniformSample([2, 2, 2]))
        builder.add(uniformSample([8]))
        let curve = builder.curve(minimumSamples: 1)
        #expect(curve.counts == [2, 1, 1])
        #expect(isClose(curve.values[0], 4))
        #expect(isClose(curve.values[2], 2))
        #expect(builder.curve(minimumSamples: 2).positions == [0])
        #expect(CumulativeCurveBuilder().curve() == PositionCurve())
    }

    @Test("cumulative at a shared full length equals the problem's BF", arguments: [3, 60])
    func cumulativeEndpoint(length: Int) throws {
        let sampleSteps = [
            Array(repeating: skewed, count: length),
            Array(repeating: Step.uniform(3), count: length),
            Array(repeating: Step.uniform(1), count: length),
        ]
        var builder = CumulativeCurveBuilder()
        for steps in sampleSteps { builder.add(statistics(steps)) }
        let problem = try #require(ProblemBranchingFactor(samples: sampleSteps.map { statistics($0).measures }))
        let curve = builder.curve(minimumSamples: 3)
        #expect(curve.count == length)
        #expect(isClose(curve.values.last, problem.value, tolerance: 1e-10))
    }

    @Test("cumulative builders merge into the whole")
    func cumulativeMerge() {
        var whole = CumulativeCurveBuilder()
        var first = CumulativeCurveBuilder()
        var second = CumulativeCurveBuilder()
        let parts = [uniformSample([2, 4]), uniformSample([8, 8, 8]), uniformSample([3])]
        for sample in parts { whole.add(sample) }
        first.add(parts[0])
        second.add(parts[1])
        second.add(parts[2])
        first.merge(second)
        #expect(first == whole)
    }

    @Test("set curve: nan-mean over problems with problem counts per point")
    func setCurve() {
        var set = SetCurveBuilder()
        set.add(PositionCurve(positions: [0, 5, 10], values: [2, 4, 6], counts: [4, 4, 4]))
        set.add(PositionCurve(positions: [0, 5], values: [4, .nan], counts: [5, 5]))
        var other = SetCurveBuilder()
        other.add(PositionCurve(positions: [0], values: [6], counts: [4]))
        set.merge(other)
        let curve = set.curve()
        #expect(curve.positions == [0, 5, 10])
        #expect(curve.values == [4, 4, 6])
        #expect(curve.counts == [3, 1, 1])
        #expect(set.curve(minimumProblems: 2).positions == [0])
        #expect(SetCurveBuilder().curve() == PositionCurve())
    }

    @Test("EMA smoothing: s0 = v0, s_i = α v_i + (1 - α) s_(i-1)")
    func smoothing() throws {
        let curve = PositionCurve(positions: [0, 1, 2], values: [1, 2, 3], counts: [1, 1, 1])
        #expect(try curve.smoothed(alpha: 0.5).values == [1, 1.5, 2.25])
        let tenth = try curve.smoothed()
        #expect(isClose(tenth.values[1], 1.1))
        #expect(isClose(tenth.values[2], 0.1 * 3 + 0.9 * 1.1))
        #expect(try curve.smoothed(alpha: 1) == curve)
        #expect(throws: EntropyError(.smoothingFactorOutOfRange(0))) { try curve.smoothed(alpha: 0) }
        #expect(try PositionCurve().smoothed() == PositionCurve())
    }
}
