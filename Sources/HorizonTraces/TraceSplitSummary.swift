/// What `horizon split` read and where it went.
public struct TraceSplitSummary: Sendable, Equatable {
    /// The shards' files, by shard index.
    public var files: [String] = []
    /// Lines read, blank ones included.
    public var lines = 0
    /// Bytes read (compressed bytes, for compressed inputs).
    public var bytesRead = 0
    /// Lines that name no problem the parser can read — blank, malformed, or holding no
    /// sample — sent to shard 0's file, so each is counted once.
    public var unroutedLines = 0
    /// Lines written to each shard's file, by shard index.
    public var linesPerShard: [Int] = []
    /// Bytes written to each shard's file (compressed bytes, when compressing).
    public var bytesPerShard: [Int] = []

    public init() {}
}
