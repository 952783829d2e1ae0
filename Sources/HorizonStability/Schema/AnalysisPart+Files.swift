import Dispatch
import Foundation
import HorizonCommon
import HorizonTraces

extension AnalysisPart {
    /// Part files hold exact state: a non-finite sum (an absurd input's infinite log-prob) is
    /// written as a string rather than refused, and every double reads back to the same bits.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The project's own decoder (``JSONCursorDecoder``, several times faster than Foundation's
    /// on parts), reading the non-finite strings ``makeEncoder()`` writes.
    static func makeDecoder() -> JSONCursorDecoder {
        JSONCursorDecoder(nonFiniteStrings: .init(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"))
    }

    /// Reads a part file (`-`: standard input), plain or gzip- or zstd-compressed (told by its
    /// first bytes: parts compress about 2.5 times for the trip from the nodes), refusing other
    /// schemas and versions.
    ///
    /// - Throws: ``AnalysisError`` naming the file, and for malformed JSON the byte offset or
    ///   the JSON path of what is wrong.
    public static func load(path: String) throws -> AnalysisPart {
        let bytes: [UInt8]
        do {
            bytes = try TraceReader.contents(of: path)
        } catch {
            throw AnalysisError(.unreadable(error.message), at: SourceLocation(file: path))
        }
        do {
            return try makeDecoder().decode(CheckedPart.self, from: consume bytes).part
        } catch var error as AnalysisError {
            error.location = SourceLocation(file: path)
            throw error
        } catch let error as JSONSyntaxError {
            throw AnalysisError(.malformed(error.description), at: SourceLocation(file: path))
        } catch let error as DecodingError {
            throw AnalysisError(.malformed(error.summary), at: SourceLocation(file: path))
        }
    }

    /// A part whose header is checked before the rest is read, in the same pass: another schema
    /// or version is named as such, not as whichever key it lacks.
    private struct CheckedPart: Decodable {
        var part: AnalysisPart

        private struct Header: Decodable {
            var schema: String
            var schemaVersion: Int
            enum CodingKeys: String, CodingKey { case schema, schemaVersion = "schema_version" }
        }

        init(from decoder: any Decoder) throws {
            let header = try Header(from: decoder)
            // `load(path:)` puts the file in the location.
            let file = SourceLocation(file: "")
            guard header.schema == schemaName else { throw AnalysisError(.notAPart(header.schema), at: file) }
            guard readableSchemaVersions.contains(header.schemaVersion) else { throw AnalysisError(.partVersion(header.schemaVersion), at: file) }
            part = try AnalysisPart(from: decoder)
        }
    }

    /// Reads part files on all cores (decoding dominates `merge`), in the order given.
    ///
    /// - Returns: each part with its file.
    /// - Throws: the error of the first file, in the order given, that cannot be read.
    public static func load(paths: [String]) throws -> [(file: String, part: AnalysisPart)] {
        var results = [Result<AnalysisPart, any Error>?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                slots[index] = Result { try load(path: paths[index]) }
            }
        }
        return try zip(paths, results).map { path, result in (path, try result!.get()) }
    }

    /// Writes the part as compact, key-sorted JSON.
    public func encoded() throws -> Data {
        try Self.makeEncoder().encode(self)
    }
}
