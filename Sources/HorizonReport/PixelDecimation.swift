/// Thinning of long polylines to what a screen can show, without changing how they look.
///
/// A cumulative curve over a 32k-token output has 32k points but the chart is 640 pixels wide.
/// Within each pixel column only four points matter for the drawn shape: the first and last
/// (where the line enters and leaves the column) and the lowest and highest (its vertical
/// extent). Keeping those ("M4", Jugel et al., "M4: A Visualization-Oriented Time Series Data
/// Aggregation", VLDB 2014) draws the same pixels from at most 4 points per column.
enum PixelDecimation {
    /// The points of a polyline reduced to at most four per pixel column, in their order.
    ///
    /// - Parameter pixels: Points in pixel coordinates, in drawing order.
    /// - Returns: `pixels` itself when it has at most 4 points per occupied column on average,
    ///   else for each run of points in the same column (by `floor(x)`) its first, last, lowest
    ///   and highest, in their original order without repeats.
    /// - Complexity: O(n).
    static func m4(_ pixels: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard let first = pixels.first, let last = pixels.last else { return pixels }
        let columns = Int(abs(last.x - first.x).rounded(.up)) + 1
        guard pixels.count > 4 * columns else { return pixels }
        var kept: [(x: Double, y: Double)] = []
        kept.reserveCapacity(4 * columns)
        var start = 0
        while start < pixels.count {
            let column = pixels[start].x.rounded(.down)
            var end = start
            var lowest = start, highest = start
            while end + 1 < pixels.count && pixels[end + 1].x.rounded(.down) == column {
                end += 1
                if pixels[end].y < pixels[lowest].y { lowest = end }
                if pixels[end].y > pixels[highest].y { highest = end }
            }
            for index in Set([start, lowest, highest, end]).sorted() { kept.append(pixels[index]) }
            start = end + 1
        }
        return kept
    }
}
