/// An exact value whose products may grow past a bound, where `multiplied(by:)` answers `nil`.
protocol CheckedMultiplication {
    func multiplied(by other: Self) -> Self?
}

extension CheckedMultiplication {
    /// `self` to the power `exponent ≥ 0` by repeated squaring from `one`, or `nil` as soon as a
    /// product is too large: the work is O(log exponent) bounded multiplications.
    func power(_ exponent: Int, one: Self) -> Self? {
        precondition(exponent >= 0, "negative exponent")
        var result = one
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                guard let next = result.multiplied(by: base) else { return nil }
                result = next
            }
            remaining >>= 1
            if remaining > 0 {
                guard let squared = base.multiplied(by: base) else { return nil }
                base = squared
            }
        }
        return result
    }
}
