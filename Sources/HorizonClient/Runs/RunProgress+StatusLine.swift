import HorizonCommon

extension RunProgress: ProgressStatus {
    /// One status line: `sampled 37/120 (31%), 12 resumed, 52.3 tok/s, ETA 4m12s, 2 retries, 3 failed attempts`.
    public var statusLine: String {
        let percent = total > 0 ? 100 * completed / total : 100
        var parts = ["sampled \(completed)/\(total) (\(percent)%)"]
        if resumed > 0 { parts.append("\(resumed) resumed") }
        if let rate = tokensPerSecond { parts.append("\(NumberFormat.fixed(rate, decimals: 1)) tok/s") }
        if completed < total, let remaining = estimatedRemaining {
            parts.append("ETA \(NumberFormat.duration(seconds: remaining.seconds))")
        }
        if retries > 0 { parts.append(retries == 1 ? "1 retry" : "\(retries) retries") }
        if failedAttempts > 0 {
            parts.append(failedAttempts == 1 ? "1 failed attempt" : "\(failedAttempts) failed attempts")
        }
        return parts.joined(separator: ", ")
    }
}
