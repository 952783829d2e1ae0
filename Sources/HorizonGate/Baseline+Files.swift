import HorizonCommon
import Foundation
import HorizonStability

extension Baseline {
    /// Reads a baseline file, refusing other schemas, newer versions and self-contradicting
    /// content with a message that names the file and what is wrong.
    ///
    /// - Parameter url: the `BASELINE.json` written by `horizon baseline`.
    /// - Returns: the baseline.
    /// - Throws: ``GateError`` (exit 2) with ``GateError/Reason/unreadable(_:)``,
    ///   ``GateError/Reason/malformed(_:)`` (naming the JSON path),
    ///   ``GateError/Reason/wrongSchema(_:)``, ``GateError/Reason/newerVersion(_:)`` or
    ///   ``GateError/Reason/inconsistentBaseline(_:)``.
    /// - Complexity: O(n) in the file size.
    public static func load(from url: URL) throws(GateError) -> Baseline {
        let file = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GateError(.unreadable(error.localizedDescription), at: SourceLocation(file: file))
        }
        // The header first, so an analysis or a future baseline gets a precise message instead
        // of a complaint about whichever key it lacks.
        let header = try decode(SchemaHeader.self, from: data, file: file)
        guard let schema = header.schema else {
            throw GateError(.malformed("missing key 'schema' at top level"), at: SourceLocation(file: file))
        }
        guard schema == schemaName else { throw GateError(.wrongSchema(schema), at: SourceLocation(file: file)) }
        if let version = header.schemaVersion, version > currentSchemaVersion {
            throw GateError(.newerVersion(version), at: SourceLocation(file: file))
        }
        let baseline = try decode(Baseline.self, from: data, file: file)
        if let problem = baseline.inconsistency {
            throw GateError(.inconsistentBaseline(problem), at: SourceLocation(file: file))
        }
        return baseline
    }

    /// Writes the baseline as pretty, key-sorted JSON (the analysis encoder), atomically when
    /// `url` is a file.
    ///
    /// - Parameter url: where to write.
    /// - Throws: ``GateError`` with ``GateError/Reason/unwritable(_:)``.
    /// - Complexity: O(n) in the baseline's size.
    public func write(to url: URL) throws(GateError) {
        do {
            try Analysis.makeEncoder().encode(self).writeInPlaceUnlessFile(to: url)
        } catch {
            throw GateError(.unwritable(error.localizedDescription), at: SourceLocation(file: url.path))
        }
    }

    /// The first thing that makes the baseline unusable, or `nil`: a `schema_version` below 1, no
    /// metrics, a repeated metric id, a value or interval out of its family's range (the same
    /// rules as ``Gate/validate(_:)``), an interval upside down, settings no measurement has (a
    /// confidence level outside (0, 1), ...), and the per-problem faults ``Gate/validate(_:)``
    /// refuses in an analysis.
    var inconsistency: String? {
        if let why = Gate.versionFault(schemaVersion, current: Baseline.currentSchemaVersion)
            ?? Gate.settingsFault(settings) {
            return why
        }
        if metrics.isEmpty { return "it holds no metrics" }
        var ids = Set<String>()
        for (index, metric) in metrics.enumerated() {
            if !ids.insert(metric.id).inserted { return "metric '\(metric.id)' appears more than once" }
            if let why = metric.family.violation(
                value: metric.value, ci: metric.ci, path: "metrics[\(index)].value", ciPath: "metrics[\(index)].ci") {
                return "metric '\(metric.id)': \(why)"
            }
        }
        return Gate.problemsFault(problems, bfKey: "bf")
    }

    private struct SchemaHeader: Decodable {
        var schema: String?
        var schemaVersion: Int?
        enum CodingKeys: String, CodingKey { case schema, schemaVersion = "schema_version" }
    }

    /// Decodes with the project's JSON grammar (``JSONCursorDecoder``); a syntax error is named
    /// with the line of its byte.
    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(GateError) -> T {
        do {
            return try JSONCursorDecoder().decode(type, from: Array(data))
        } catch let error as JSONSyntaxError {
            let line = 1 + data.prefix(error.offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw GateError(.malformed("not valid JSON: \(error.description)"), at: SourceLocation(file: file, line: line))
        } catch let error as DecodingError {
            throw GateError(.malformed(error.summary), at: SourceLocation(file: file))
        } catch {
            throw GateError(.malformed(error.localizedDescription), at: SourceLocation(file: file))
        }
    }
}
