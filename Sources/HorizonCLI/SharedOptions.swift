import ArgumentParser
import Foundation
import Horizon

/// Which traces to read and how to treat bad lines.
struct TraceInputOptions: ParsableArguments {
    @Argument(help: "JSONL trace files (`-` reads standard input).")
    var traces: [String]

    @Flag(help: "Count, report and skip invalid lines instead of stopping at the first one.")
    var skipInvalid = false

    @Option(help: "Field holding the problem id (default: problem_id, id, idx, unique_id).")
    var idField: String?

    @Option(help: "Field holding the output text (default: text).")
    var textField: String?

    @Option(help: "Field holding a list of responses (default: responses, response, resps, completions, outputs).")
    var responsesField: String?

    @Option(help: "Field holding the gold answer (default: gold, answer, gt, ground_truth).")
    var goldField: String?

    var readOptions: TraceReadOptions {
        var options = TraceReadOptions()
        options.skipInvalid = skipInvalid
        options.idField = idField
        options.textField = textField
        options.responsesField = responsesField
        options.goldField = goldField
        return options
    }
}

/// `--seed`: one option for every command that draws random numbers, so a run is reproduced by
/// giving the same seed again.
struct SeedOptions: ParsableArguments {
    @Option(help: "Seed of everything random: each request's own seed derives from it (sample, probe); the bootstrap draws from it (analyze).")
    var seed: UInt64 = 0
}

/// How outputs are split into thinking and answer.
struct SegmentationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Segmentation profile.",
        discussion: "`auto` detects the family from the markers present in each output."))
    var profile: ProfileSelection = .auto

    @Option(help: "PCRE2 pattern that opens thinking (custom profile; needs --thinking-end).")
    var thinkingStart: String?

    @Option(help: "PCRE2 pattern that closes thinking (custom profile).")
    var thinkingEnd: String?

    @Option(help: "Split at the first or the last end-of-thinking marker (default: the profile's, first).")
    var endMarker: EndMarkerChoice?

    func validate() throws {
        if thinkingStart != nil && thinkingEnd == nil {
            throw ValidationError("--thinking-start needs --thinking-end.")
        }
    }

    var profileName: String { thinkingEnd == nil ? profile.name : "custom" }

    func segmenter() throws -> Segmenter {
        if let thinkingEnd {
            let custom = try SegmentationProfile.custom(thinkingStart: thinkingStart, thinkingEnd: thinkingEnd)
            return Segmenter(.fixed(custom), endMarkerChoice: endMarker)
        }
        return Segmenter(profile, endMarkerChoice: endMarker)
    }
}

extension EndMarkerChoice: ExpressibleByArgument {}

extension ProfileSelection: ExpressibleByArgument {
    public init?(argument: String) {
        guard let selection = try? ProfileSelection(named: argument) else { return nil }
        self = selection
    }

    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { names }
}
extension BranchingFactorEstimator: ExpressibleByArgument {}
extension GateRule: ExpressibleByArgument {}
extension Threshold: ExpressibleByArgument {}

/// Writes `data` to `path` (a file atomically, `/dev/null` in place), or to standard output when
/// `path` is nil or `-`.
func emit(_ data: Data, to path: String?) throws {
    if let path, path != "-" {
        try data.writeInPlaceUnlessFile(to: URL(fileURLWithPath: path))
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// Progress and warnings go to standard error, so standard output stays clean for data.
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
