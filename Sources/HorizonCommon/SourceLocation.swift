

/// Where an error is: a file's path, its 1-based line (0: the file as a whole), and for a saved
/// response object with several choices, the choice index. Every module's error carries one.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var choice: Int?

    /// - Parameter line: 1-based; 0 stands for the file as a whole.
    public init(file: String, line: Int = 0, choice: Int? = nil) {
        self.file = file
        self.line = line
        self.choice = choice
    }

    /// `FILE:LINE`, the form compilers use, so editors can jump to it.
    /// Line 0 stands for the file as a whole and prints as `FILE`.
    public var description: String { line == 0 ? file : "\(file):\(line)" }
}
