import Foundation
import Testing

@testable import HorizonEntropy

@Suite("Inlined exponential of the hot loop")
struct FastExponentialTests {
    /// Distance in units in the last place between two positive doubles.
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let (x, y) = (a.bitPattern, b.bitPattern)
        return x > y ? x - y : y - x
    }

    @Test("within 4 ulps of the C library over [-708, 709]")
    func accuracy() {
        var worst: UInt64 = 0
        // 200,001 points over [-708, 0] plus a few positive ones.
        for step in 0..<200_000 {
            let x = -708 * Double(step) / 200_000
            worst = max(worst, ulps(FastExponential.exp(x), Foundation.exp(x)))
        }
        for x in [-1e-300, -1e-17, -0.3466, -0.3465, 1e-17, 0.25, 0.3465, 0.3466, 1, 10, 700, 709] {
            worst = max(worst, ulps(FastExponential.exp(x), Foundation.exp(x)))
        }
        #expect(worst <= 4)
    }

    @Test("exact where it matters and defined at the edges")
    func edges() {
        #expect(FastExponential.exp(0) == 1)
        #expect(FastExponential.exp(-0.0) == 1)
        #expect(FastExponential.exp(-.infinity) == 0)
        #expect(FastExponential.exp(-709) == 0)
        #expect(FastExponential.exp(.infinity) == .infinity)
        #expect(FastExponential.exp(710) == .infinity)
        #expect(FastExponential.exp(.nan).isNaN)
    }
}
