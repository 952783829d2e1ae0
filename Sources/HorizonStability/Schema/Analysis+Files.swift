import Foundation
import HorizonCommon

extension Analysis {
    /// The encoder every writer of analysis JSON uses: sorted keys and stable float output, so
    /// two runs with the same inputs write the same bytes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads an analysis file (with the project's JSON grammar, ``JSONCursorDecoder``), refusing
    /// other schemas and newer versions with a clear message.
    public static func load(from url: URL) throws(AnalysisError) -> Analysis {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AnalysisError(.unreadable(error.localizedDescription), at: SourceLocation(file: url.path))
        }
        struct Header: Decodable { var schema: String? }
        let bytes = Array(data)
        // A part file (or another schema) is named as such, not as a missing key.
        if let schema = (try? JSONCursorDecoder().decode(Header.self, from: bytes))?.schema, schema != "horizon.analysis" {
            throw AnalysisError(.wrongSchema(schema), at: SourceLocation(file: url.path))
        }
        let analysis: Analysis
        do {
            analysis = try JSONCursorDecoder().decode(Analysis.self, from: bytes)
        } catch let error as DecodingError {
            throw AnalysisError(.malformed(error.summary), at: SourceLocation(file: url.path))
        } catch {
            throw AnalysisError(.malformed(String(describing: error)), at: SourceLocation(file: url.path))
        }
        guard analysis.schemaVersion <= currentSchemaVersion else {
            throw AnalysisError(.newerVersion(analysis.schemaVersion), at: SourceLocation(file: url.path))
        }
        return analysis
    }

    /// Writes the analysis as pretty, key-sorted JSON.
    public func write(to url: URL) throws {
        let data = try Analysis.makeEncoder().encode(self)
        try data.writeInPlaceUnlessFile(to: url)
    }
}
