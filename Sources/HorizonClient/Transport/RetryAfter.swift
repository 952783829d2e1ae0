import Foundation

/// Reads an HTTP `Retry-After` header (RFC 9110 §10.2.3).
enum RetryAfter {
    /// The wait the header asks for, in seconds: a non-negative number of seconds, or an
    /// HTTP-date turned into the time from `now` (0 if in the past). `nil` for anything else.
    static func seconds(fromHeader value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds >= 0 ? seconds : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
