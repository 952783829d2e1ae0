import HorizonCommon
import Foundation

/// How far a metric may move in its worse direction before the threshold test fires: either a
/// fraction of the baseline value (`10%`) or an amount in the metric's own unit (`0.02`).
///
/// ```swift
/// let limit = try Threshold(parsing: "10%")      // .relative(0.1)
/// limit.allowedChange(from: 1.5)                  // 0.15
/// try Threshold(parsing: "0.02").allowedChange(from: 0.8)  // 0.02
/// ```
///
/// Encoded in JSON as the same text it is parsed from.
public enum Threshold: Sendable, Hashable, Codable, LosslessStringConvertible {
    /// A fraction of the baseline's magnitude: `0.1` allows a 10% change.
    case relative(Double)
    /// An amount in the metric's unit (BF, a share in [0, 1], nats).
    case absolute(Double)

    /// Parses `"10%"` as ``relative(_:)`` 0.1 and `"0.02"` as ``absolute(_:)`` 0.02.
    ///
    /// Surrounding white space is ignored; the number must be finite and not negative.
    ///
    /// - Parameter text: the option's value as the user typed it.
    /// - Throws: ``GateError`` with ``GateError/Reason/invalidThreshold(text:why:)``.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String) throws(GateError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isRelative = trimmed.hasSuffix("%")
        let numberText = isRelative ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        guard let number = Double(numberText), !numberText.lowercased().hasPrefix("0x") else {
            throw GateError(.invalidThreshold(text: text, why: "not a number"))
        }
        guard number.isFinite else {
            throw GateError(.invalidThreshold(text: text, why: "must be finite"))
        }
        guard number >= 0 else {
            throw GateError(.invalidThreshold(text: text, why: "must not be negative"))
        }
        self = isRelative ? .relative(number / 100) : .absolute(number)
    }

    /// `LosslessStringConvertible`: `nil` where ``init(parsing:)`` throws (for argument parsers).
    public init?(_ description: String) {
        guard let parsed = try? Threshold(parsing: description) else { return nil }
        self = parsed
    }

    /// The text form: `10%` or `0.02` (up to ten significant digits); parsing it gives back the
    /// same threshold.
    public var description: String {
        switch self {
        case .relative(let fraction): return NumberFormat.compact(fraction * 100) + "%"
        case .absolute(let amount): return NumberFormat.compact(amount)
        }
    }

    /// The largest change (in the metric's unit) the threshold allows from `baseline`.
    ///
    /// - Parameter baseline: the baseline value of the metric.
    /// - Returns: `fraction × |baseline|` for a relative threshold, the amount for an absolute one;
    ///   never negative. A relative threshold on a baseline of 0 allows no change at all.
    /// - Complexity: O(1).
    public func allowedChange(from baseline: Double) -> Double {
        switch self {
        case .relative(let fraction): return fraction * abs(baseline)
        case .absolute(let amount): return amount
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Threshold(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
