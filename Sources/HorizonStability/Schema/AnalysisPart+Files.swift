import Foundation

extension AnalysisPart {
    /// Part files hold exact state: a non-finite sum (an absurd input's infinite log-prob) is
    /// written as a string rather than refused, and every double reads back to the same bits.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// Reads a part file (`-`: standard input), refusing other schemas and versions.
    ///
    /// - Throws: ``AnalysisError`` naming the file.
    public static func load(path: String) throws -> AnalysisPart {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AnalysisError(file: path, reason: .unreadable(error.localizedDescription))
        }
        struct Header: Decodable {
            var schema: String
            var schemaVersion: Int
            enum CodingKeys: String, CodingKey { case schema, schemaVersion = "schema_version" }
        }
        do {
            let header = try JSONDecoder().decode(Header.self, from: data)
            guard header.schema == schemaName else { throw AnalysisError(file: path, reason: .notAPart(header.schema)) }
            guard header.schemaVersion == currentSchemaVersion else {
                throw AnalysisError(file: path, reason: .partVersion(header.schemaVersion))
            }
            return try makeDecoder().decode(AnalysisPart.self, from: data)
        } catch let error as DecodingError {
            throw AnalysisError(file: path, reason: .malformed(AnalysisError.describe(error)))
        }
    }

    /// Writes the part as compact, key-sorted JSON.
    public func encoded() throws -> Data {
        try Self.makeEncoder().encode(self)
    }
}
