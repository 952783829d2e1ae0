import Foundation
import HorizonTraces

/// The record `horizon sample` keeps beside its traces (`OUT.manifest.json`): the command line,
/// the settings, the dataset and its checksum, each session's times and counts.
///
/// ```json
/// {"schema": "horizon.sample-manifest", "schema_version": 1, "command_line": [...],
///  "settings": {...}, "session_settings": {...}, "dataset": {"path", "sha256", "problems"},
///  "started_at", "finished_at", "status", "counts": {...}, "sessions": [...]}
/// ```
///
/// `settings` holds what determines the samples and must match for a run to resume;
/// `session_settings` holds what may change between sessions. The API key is never part of it
/// (only the name of its environment variable).
struct RunManifest {
    static let schema = "horizon.sample-manifest"
    static let schemaVersion = 1

    var json: JSONValue

    /// The settings that must match for a run to resume.
    static func settings(of config: SamplingConfig) -> JSONValue {
        let p = config.parameters
        var sampling: JSONValue = [:]
        sampling["temperature"] = .double(p.temperature)
        sampling["top_p"] = .double(p.topP)
        sampling["top_k"] = p.topK.map { .integer($0) } ?? .null
        sampling["min_p"] = p.minP.flatMap { .double($0) } ?? .null
        sampling["max_tokens"] = .integer(p.maxTokens)
        sampling["top_logprobs"] = p.topLogprobs.map { .integer($0) } ?? .null
        return [
            "model": .string(config.model),
            "endpoint": .string(config.endpoint.rawValue),
            "seed": .integer(config.seed),
            "system_prompt": config.systemPrompt.map { .string($0) } ?? .null,
            "prompt_template": .string(config.promptTemplate),
            "sampling": sampling,
            "extra_body": config.extraBody ?? .null,
            "logprobs_kind": .string(config.logProbKind.rawValue),
            "dataset_sha256": .string(config.dataset.sha256),
        ]
    }

    /// A manifest for a run starting now.
    init(config: SamplingConfig, startedAt: Date) {
        json = [
            "schema": .string(Self.schema),
            "schema_version": .integer(Self.schemaVersion),
            "command_line": .array(config.commandLine.map { .string($0) }),
            "settings": Self.settings(of: config),
            "session_settings": Self.sessionSettings(of: config),
            "dataset": [
                "path": config.dataset.path.map { .string($0) } ?? .null,
                "sha256": .string(config.dataset.sha256),
                "problems": .integer(config.dataset.problems.count),
            ],
            "started_at": .string(Self.timestamp(startedAt)),
            "finished_at": .null,
            "status": "running",
            "counts": [:],
            "sessions": [],
        ]
    }

    private init(json: JSONValue) { self.json = json }

    private static func sessionSettings(of config: SamplingConfig) -> JSONValue {
        [
            "base_url": .string(config.baseURL),
            "samples_per_problem": .integer(config.samplesPerProblem),
            "concurrency": .integer(config.concurrency),
            "stream": .bool(config.stream),
            "api_key_env": .string(config.apiKeyEnvironmentVariable),
        ]
    }

    static func timestamp(_ date: Date) -> String { date.ISO8601Format() }

    /// Reads a manifest, or returns `nil` when the file does not exist.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidExistingOutput`` for a file that
    ///   is not a sample manifest.
    static func read(path: String) throws(ClientError) -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let json: JSONValue
        do { json = try JSONValue(parsing: [UInt8](data)) } catch {
            throw ClientError(.invalidExistingOutput, "\(path) is not a run manifest: \(error.message)")
        }
        guard json["schema"]?.stringValue == schema, json["settings"]?.objectMembers != nil else {
            throw ClientError(.invalidExistingOutput, "\(path) is not a \(schema) file")
        }
        return RunManifest(json: json)
    }

    /// The settings that differ between this manifest and `config`, as readable
    /// `name: old → new` entries (empty when the run may resume).
    func differences(from config: SamplingConfig) -> [String] {
        let recorded = json["settings"] ?? [:]
        let current = Self.settings(of: config)
        var differences: [String] = []
        func compare(_ old: JSONValue, _ new: JSONValue, path: String) {
            if case .object = new, case .object = old, path != "extra_body" {
                let keys = (new.objectMembers ?? []).map(\.key) + (old.objectMembers ?? []).map(\.key).filter { new[$0] == nil }
                for key in keys {
                    compare(old[key] ?? .null, new[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)")
                }
            } else if old != new {
                differences.append("\(path): \(old.jsonText) → \(new.jsonText)")
            }
        }
        compare(recorded, current, path: "")
        return differences
    }

    /// Starts a new session: current session settings and command line, status `running`.
    mutating func beginSession(config: SamplingConfig, startedAt: Date) {
        json["command_line"] = .array(config.commandLine.map { .string($0) })
        json["session_settings"] = Self.sessionSettings(of: config)
        json["status"] = "running"
        json["finished_at"] = .null
        var sessions = json["sessions"]?.arrayValue ?? []
        sessions.append(["started_at": .string(Self.timestamp(startedAt)), "finished_at": .null, "written": 0])
        json["sessions"] = .array(sessions)
    }

    /// Records the end of the current session.
    ///
    /// - Parameters:
    ///   - finishedAt: now.
    ///   - complete: whether every expected sample is present.
    ///   - counts: the run's counts (written under `counts`).
    ///   - written: lines written in this session.
    mutating func endSession(finishedAt: Date, complete: Bool, counts: JSONValue, written: Int) {
        json["finished_at"] = .string(Self.timestamp(finishedAt))
        json["status"] = complete ? "complete" : "incomplete"
        json["counts"] = counts
        var sessions = json["sessions"]?.arrayValue ?? []
        if var last = sessions.popLast() {
            last["finished_at"] = .string(Self.timestamp(finishedAt))
            last["written"] = .integer(written)
            sessions.append(last)
        }
        json["sessions"] = .array(sessions)
    }

    /// Writes the manifest atomically (a temporary file renamed over the old one).
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/fileSystem``.
    func write(to path: String) throws(ClientError) {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(json.prettyPrinted().utf8)) else {
            throw ClientError(.fileSystem, "cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            throw ClientError(.fileSystem, "cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
