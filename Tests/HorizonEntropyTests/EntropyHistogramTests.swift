import HorizonCommon
import HorizonEntropy
import HorizonTraces
import Testing

@Suite("EntropyHistogram: exact percentiles on the 2⁻¹⁰-nat grid")
struct EntropyHistogramTests {
    @Test("values on the grid: the type-7 80th percentile and the count above it")
    func onGrid() throws {
        var histogram = EntropyHistogram()
        for h in [2.0, 0, 1.5, 0.5, 1] { histogram.add(h) }
        // Sorted 0, 0.5, 1, 1.5, 2: h = 4 × 0.8 = 3.2 → 1.5 + 0.2 × 0.5 = 1.6.
        #expect(histogram.quantile(0.8) == 1.6)
        #expect(histogram.quantile(0) == 0 && histogram.quantile(1) == 2 && histogram.quantile(0.5) == 1)
        #expect(histogram.count(above: 1.6) == 1)
        #expect(histogram.count(above: 1.5) == 1)  // strictly above
        #expect(histogram.count(above: 1.4) == 2)
        #expect(histogram.count(above: -1) == 5)
        #expect(histogram.total == 5)
    }

    @Test("entropies are quantised down to the grid")
    func quantisation() {
        #expect(EntropyHistogram.quantised(0.0009) == 0)
        #expect(EntropyHistogram.quantised(0.001) == 1.0 / 1024)
        #expect(EntropyHistogram.quantised(1) == 1)
        #expect(EntropyHistogram.quantised(-0.5) == 0)
        #expect(EntropyHistogram.quantised(.nan) == 0)
        var histogram = EntropyHistogram()
        histogram.add(0.7)
        histogram.add(0.7004)  // 0.7 × 1024 = 716.8 → bin 716; 0.7004 × 1024 = 717.2 → bin 717
        #expect(histogram.quantile(0) == 716.0 / 1024 && histogram.quantile(1) == 717.0 / 1024)
    }

    @Test("merged histograms count what one histogram of everything counts")
    func merging() {
        var generator = SplitMix64(seed: 3)
        let values = (0..<500).map { _ in Double.random(in: 0..<3, using: &generator) }
        var whole = EntropyHistogram()
        var first = EntropyHistogram()
        var second = EntropyHistogram()
        for (index, value) in values.enumerated() {
            whole.add(value)
            if index % 3 == 0 { first.add(value) } else { second.add(value) }
        }
        var merged = second
        merged.add(first)
        #expect(merged == whole)
        // And the percentile is the type-7 quantile of the quantised values.
        let sorted = values.map(EntropyHistogram.quantised).sorted()
        #expect(whole.quantile(0.8) == Quantile.linear(sorted: sorted, probability: 0.8))
        #expect(whole.count(above: whole.quantile(0.8)!) == sorted.filter { $0 > whole.quantile(0.8)! }.count)
    }

    @Test("an empty histogram has no percentile")
    func empty() {
        #expect(EntropyHistogram().quantile(0.8) == nil)
        #expect(EntropyHistogram().count(above: 0) == 0)
    }
}
