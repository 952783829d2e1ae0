import Foundation

extension Data {
    /// Writes the bytes to `url`. A regular file (or a new one) is replaced atomically, so a
    /// reader never sees half of it; anything else that exists (`/dev/null`, a pipe, a symbolic
    /// link) is written in place: an atomic write renames over the path, and as root that
    /// replaced `/dev/null` itself with a regular file.
    public func writeInPlaceUnlessFile(to url: URL) throws {
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        try write(to: url, options: type == nil || type == .typeRegular ? .atomic : [])
    }
}
