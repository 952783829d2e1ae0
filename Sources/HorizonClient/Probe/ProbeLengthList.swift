/// The lengths `horizon probe --lengths` cuts at, as written on the command line: token counts
/// (`1,25,200`) or, when any value has a decimal point, fractions of each trace's own thinking
/// (`0,0.25,0.5,0.75,1`); `none` for no truncation probe (only resampling or budget forcing).
public struct ProbeLengthList: Sendable, Hashable, CustomStringConvertible {
    public var lengths: [ProbeLength]
    /// The text it was read from, shown back in help and errors.
    public var description: String

    /// - Returns: `nil` when a value is not a token count (an integer ≥ 0), or, in a list of
    ///   fractions, not a number in [0, 1], or when the list is empty.
    public init?(parsing text: String) {
        if text.trimmingCharacters(in: .whitespaces) == "none" {
            (lengths, description) = ([], "none")
            return
        }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var lengths: [ProbeLength] = []
        if parts.contains(where: { $0.contains(".") }) {
            for part in parts {
                guard let value = Double(part), (0...1).contains(value) else { return nil }
                lengths.append(.fraction(value))
            }
        } else {
            for part in parts {
                guard let value = Int(part), value >= 0 else { return nil }
                lengths.append(.tokens(value))
            }
        }
        self.lengths = lengths
        description = parts.joined(separator: ",")
    }
}

/// The output positions `horizon probe --resample-at` keeps before resampling: `1,25,200`, each
/// at least 1.
public struct ResamplePositionList: Sendable, Hashable, CustomStringConvertible {
    public var positions: [Int]
    public var description: String

    /// - Returns: `nil` when a value is not an integer ≥ 1, or the list is empty.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var positions: [Int] = []
        for part in parts {
            guard let value = Int(part), value >= 1 else { return nil }
            positions.append(value)
        }
        self.positions = positions
        description = parts.joined(separator: ",")
    }
}
