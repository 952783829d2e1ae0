import Testing
@testable import HorizonReport

@Suite struct PixelDecimationTests {
    @Test func keepsFirstLowestHighestAndLastOfEachColumn() {
        // Twenty points inside pixel column 0 (y = 20, 19, ..., 1, with a dip to 0.5 at index 7
        // and a peak of 30 at index 12), then one point in column 1.
        var pixels = (0..<20).map { (x: 0.01 + Double($0) * 0.04, y: Double(20 - $0)) }
        pixels[7].y = 0.5
        pixels[12].y = 30
        pixels.append((x: 1.5, y: 2))
        let kept = PixelDecimation.m4(pixels)
        #expect(kept.map(\.y) == [20, 0.5, 30, 1, 2])
    }

    @Test func shortLinesAreLeftAlone() {
        let pixels = [(x: 0.0, y: 1.0), (x: 0.5, y: 2.0), (x: 0.7, y: 0.0), (x: 3.0, y: 5.0)]
        #expect(PixelDecimation.m4(pixels).map(\.y) == [1, 2, 0, 5])
        #expect(PixelDecimation.m4([]).isEmpty)
    }
}
