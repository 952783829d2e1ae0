import Foundation
import HorizonStability

extension GateResult {
    /// The result as pretty, key-sorted JSON for machines (`--json`): schema `horizon.check`,
    /// keys documented in docs/ci.md. Keys of values that do not apply are absent.
    ///
    /// - Returns: UTF-8 JSON.
    /// - Throws: `EncodingError` only if a number is not finite, which a check of finite inputs
    ///   does not produce.
    /// - Complexity: O(m + p) in rows and listed problems.
    public func json() throws -> Data {
        try Analysis.makeEncoder().encode(self)
    }
}
