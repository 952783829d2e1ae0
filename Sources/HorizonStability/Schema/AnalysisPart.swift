/// What `horizon analyze --shard I/N` writes: the options and the gathered state of one shard's
/// problems, for `horizon merge` to finish into the ``Analysis`` one machine would have written
/// (docs/analysis-schema.md, "Part files").
///
/// A part is not an analysis: it holds no set-level number, since every interval resamples
/// the whole problem set and is drawn only once all shards are merged.
public struct AnalysisPart: Codable, Sendable, Equatable {
    /// Bumped whenever a key changes meaning or disappears. Version 2 added `split_input`; a
    /// version 1 part reads as one that read every line, and merges with version 2 parts.
    public static let currentSchemaVersion = 2
    /// The versions ``load(path:)`` reads.
    public static let readableSchemaVersions = 1...currentSchemaVersion
    public static let schemaName = "horizon.analysis-part"

    public var schema: String = AnalysisPart.schemaName
    public var schemaVersion: Int = AnalysisPart.currentSchemaVersion
    /// Parts written by different versions of horizon do not merge: the state's meaning may differ.
    public var horizonVersion: String
    public var shard: Shard
    /// ``Shard/hashName``.
    public var shardHash: String = Shard.hashName
    /// Whether the shard read only its own problems' files (`analyze --split-input`, on the
    /// files of `horizon split`): then the state's input-level fields cover those files only,
    /// and merging adds them up instead of checking that every part read the same input.
    public var splitInput: Bool = false
    /// The `horizon analyze` command that wrote the part, word by word.
    public var commandLine: [String]?
    public var options: AnalysisOptions
    public var state: AnalysisState

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", horizonVersion = "horizon_version", shard
        case shardHash = "shard_hash", splitInput = "split_input", commandLine = "command_line", options, state
    }

    public init(
        horizonVersion: String, shard: Shard, splitInput: Bool = false, commandLine: [String]? = nil, options: AnalysisOptions,
        state: AnalysisState
    ) {
        self.horizonVersion = horizonVersion
        self.shard = shard
        self.splitInput = splitInput
        self.commandLine = commandLine
        self.options = options
        self.state = state
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(String.self, forKey: .schema)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        horizonVersion = try container.decode(String.self, forKey: .horizonVersion)
        shard = try container.decode(Shard.self, forKey: .shard)
        shardHash = try container.decode(String.self, forKey: .shardHash)
        // Version 1 has no key: its shards read every line.
        splitInput = try container.decodeIfPresent(Bool.self, forKey: .splitInput) ?? false
        commandLine = try container.decodeIfPresent([String].self, forKey: .commandLine)
        options = try container.decode(AnalysisOptions.self, forKey: .options)
        state = try container.decode(AnalysisState.self, forKey: .state)
    }
}
