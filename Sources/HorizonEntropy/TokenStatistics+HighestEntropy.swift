extension TokenStatistics {
    /// The positions of the `count` highest-entropy tokens in `range`, highest first; among
    /// equal entropies the earlier position first.
    ///
    /// ```swift
    /// statistics.highestEntropyPositions(in: thinkingTokens, count: 3)   // e.g. [41, 7, 112]
    /// ```
    ///
    /// - Returns: At most `count` positions (fewer when the range is shorter).
    /// - Complexity: O(n · count) for n tokens in `range`; `count` is a handful.
    public func highestEntropyPositions(in range: Range<Int>, count: Int) -> [Int] {
        precondition(range.lowerBound >= 0 && range.upperBound <= self.count, "token range \(range) outside 0..<\(self.count)")
        guard count > 0 else { return [] }
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        for position in range {
            let entropy = entropies[position]
            if kept.count == count, entropy <= entropies[kept[count - 1]] { continue }
            // Strictly higher entropies move ahead; an equal one stays behind the earlier position.
            var slot = kept.count
            while slot > 0, entropies[kept[slot - 1]] < entropy { slot -= 1 }
            kept.insert(position, at: slot)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
