import Foundation
import HorizonCommon
import HorizonTraces

/// The record a run keeps beside its output (`OUT.manifest.json`): the command line, the
/// settings, the inputs and their checksum, each session's times and counts.
///
/// ```json
/// {"schema": "horizon.sample-manifest", "schema_version": 1, "command_line": [...],
///  "settings": {...}, "session_settings": {...}, "inputs": {...},
///  "started_at", "finished_at", "status", "counts": {...}, "sessions": [...]}
/// ```
///
/// `settings` holds what determines the output and must match for a run to resume;
/// `session_settings` holds what may change between sessions. The API key is never part of it
/// (only the name of its environment variable).
struct RunManifest {
    static let schemaVersion = 1

    var json: JSONValue

    /// A manifest for a run starting now.
    ///
    /// - Parameters:
    ///   - schema: `horizon.sample-manifest` or `horizon.probe-manifest`.
    ///   - settings: what must match on resume.
    ///   - inputs: where the work came from (`dataset` or `source` with their SHA-256).
    init(schema: String, commandLine: [String], settings: JSONValue, inputsKey: String, inputs: JSONValue, startedAt: Date) {
        json = [
            "schema": .string(schema),
            "schema_version": .integer(Self.schemaVersion),
            "command_line": .array(commandLine.map { .string($0) }),
            "settings": settings,
            "session_settings": [:],
            inputsKey: inputs,
            "started_at": .string(Self.timestamp(startedAt)),
            "finished_at": .null,
            "status": "running",
            "counts": [:],
            "sessions": [],
        ]
    }

    private init(json: JSONValue) { self.json = json }

    static func timestamp(_ date: Date) -> String { date.ISO8601Format() }

    /// Reads a manifest, or returns `nil` when the file does not exist.
    ///
    /// - Throws: ``ClientError`` with ``ClientError/Reason/invalidExistingOutput`` for a file that
    ///   is not a manifest of `schema`.
    static func read(path: String, schema: String) throws(ClientError) -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let json: JSONValue
        do { json = try JSONValue(parsing: [UInt8](data)) } catch {
            throw ClientError(.invalidExistingOutput, "\(path) is not a run manifest: \(error.description)")
        }
        guard json["schema"]?.stringValue == schema, json["settings"]?.objectMembers != nil else {
            throw ClientError(.invalidExistingOutput, "\(path) is not a \(schema) file")
        }
        return RunManifest(json: json)
    }

    /// The settings that differ between this manifest and `settings`, as readable
    /// `name: old → new` entries (empty when the run may resume). Nested objects are compared
    /// member by member (`sampling.temperature`), except `extra_body`, compared whole.
    func differences(from settings: JSONValue) -> [String] {
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
        compare(json["settings"] ?? [:], settings, path: "")
        return differences
    }

    /// Starts a new session: its command line and session settings, status `running`.
    mutating func beginSession(commandLine: [String], sessionSettings: JSONValue, startedAt: Date) {
        json["command_line"] = .array(commandLine.map { .string($0) })
        json["session_settings"] = sessionSettings
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
    ///   - complete: whether every expected line is present.
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
