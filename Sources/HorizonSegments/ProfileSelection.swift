/// The profile `--profile` asks for: a fixed one, or detection from each output's markers.
///
/// ```swift
/// let selection = try ProfileSelection(named: "auto")
/// let profile = try selection.resolve(for: MatchSubject("[THINK]2+2[/THINK]4"))   // magistral
/// ```
public enum ProfileSelection: Sendable, Hashable {
    /// Every output is segmented with this profile.
    case fixed(SegmentationProfile)
    /// Each output is segmented with the first profile in ``autoDetectionOrder`` whose signature
    /// occurs in it, or with ``SegmentationProfile/plain`` when none does.
    ///
    /// Detection sees only the output: a DeepSeek-R1 output cut off before `</think>` whose
    /// template put `<think>` in the prompt has no marker at all and is segmented as plain text.
    /// Name the profile when the family is known.
    case auto

    /// The profiles automatic detection tries, most specific first: Hunyuan's `</think><answer>`
    /// must be tried before DeepSeek-R1's bare `</think>`.
    public static let autoDetectionOrder: [SegmentationProfile] = [
        .gptOSS, .cohere, .seedOSS, .hunyuan, .kimiK15, .magistral, .granite, .deepseekR1,
    ]

    /// Every name ``init(named:)`` accepts: the built-in profiles and `auto`, for `--help`.
    public static var names: [String] { SegmentationProfile.builtInNames + ["auto"] }

    /// `auto` or a built-in profile, by name.
    /// - Throws: ``SegmentationError`` with reason ``SegmentationError/Reason/unknownProfile(name:known:)``.
    public init(named name: String) throws {
        if name == "auto" {
            self = .auto
        } else if let profile = SegmentationProfile.builtIns.first(where: { $0.name == name }) {
            self = .fixed(profile)
        } else {
            throw SegmentationError(.unknownProfile(name: name, known: Self.names))
        }
    }

    /// The name ``init(named:)`` takes back: `auto`, or the fixed profile's.
    public var name: String {
        switch self {
        case .auto: "auto"
        case .fixed(let profile): profile.name
        }
    }

    /// The profile to segment `subject` with.
    /// - Throws: ``SegmentationError`` when matching a signature fails.
    /// - Complexity: O(*n*) per profile tried, in the subject's length.
    public func resolve(for subject: MatchSubject) throws -> SegmentationProfile {
        switch self {
        case .fixed(let profile):
            return profile
        case .auto:
            for profile in Self.autoDetectionOrder {
                if let signature = profile.autoDetectionSignature, try signature.firstMatch(in: subject) != nil {
                    return profile
                }
            }
            return .plain
        }
    }
}
