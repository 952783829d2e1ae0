/// The consistency stop rule (Dynasor / Certaindex, Fu et al. 2024) replayed on truncation
/// probes: the chosen K and a table over K.
public struct ConsistencyStopSummary: Codable, Sendable, Equatable {
    /// The K asked for (`analyze --consistency-k`).
    public var k: Int
    /// One row per K: 2 to 5 and the chosen K, ascending.
    public var rows: [ConsistencyStopRow]

    public init(k: Int, rows: [ConsistencyStopRow]) {
        self.k = k
        self.rows = rows
    }

    /// The row of the chosen K.
    public var chosen: ConsistencyStopRow? { rows.first { $0.k == k } }
}
