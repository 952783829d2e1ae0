import Foundation

/// Locations of the package and of the shared data beside its checkout.
///
/// The shared data (`../shared/data/` next to the checkout: MATH-500, GSM8K, answer-equivalence
/// cases, captured server responses) is not part of the project; a user's clone does not have it,
/// so tests that need it carry `.enabled(if: SharedData.isPresent(NAME))` and are reported as
/// skipped, never as passed, when it is absent.
public enum SharedData {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/data/NAME` beside the checkout, or `nil` when absent.
    public static func url(_ name: String) -> URL? {
        let url = packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/data").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether `../shared/data/NAME` exists, for a test's `.enabled(if:)` trait.
    public static func isPresent(_ name: String) -> Bool { url(name) != nil }

    /// A fresh temporary directory for one test.
    public static func temporaryDirectory(_ label: String = "horizon-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
