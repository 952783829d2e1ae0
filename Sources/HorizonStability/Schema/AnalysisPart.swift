/// What `horizon analyze --shard I/N` writes: the options and the gathered state of one shard's
/// problems, for `horizon merge` to finish into the ``Analysis`` one machine would have written
/// (docs/analysis-schema.md, "Part files").
///
/// A part is not an analysis: it holds no set-level number, since every interval resamples
/// the whole problem set and is drawn only once all shards are merged.
public struct AnalysisPart: Codable, Sendable, Equatable {
    /// Bumped whenever a key changes meaning or disappears; parts of different versions never merge.
    public static let currentSchemaVersion = 1
    public static let schemaName = "horizon.analysis-part"

    public var schema: String = AnalysisPart.schemaName
    public var schemaVersion: Int = AnalysisPart.currentSchemaVersion
    /// Parts written by different versions of horizon do not merge: the state's meaning may differ.
    public var horizonVersion: String
    public var shard: Shard
    /// ``Shard/hashName``.
    public var shardHash: String = Shard.hashName
    /// The `horizon analyze` command that wrote the part, word by word.
    public var commandLine: [String]?
    public var options: AnalysisOptions
    public var state: AnalysisState

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", horizonVersion = "horizon_version", shard
        case shardHash = "shard_hash", commandLine = "command_line", options, state
    }

    public init(horizonVersion: String, shard: Shard, commandLine: [String]? = nil, options: AnalysisOptions, state: AnalysisState) {
        self.horizonVersion = horizonVersion
        self.shard = shard
        self.commandLine = commandLine
        self.options = options
        self.state = state
    }
}
