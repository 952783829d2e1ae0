/// Where a profile's markers put thinking and answer in one output, in bytes.
struct MarkerSplit: Equatable {
    /// The thinking bytes (empty when there is none).
    var thinking: Range<Int>
    /// The answer bytes (empty when there is none).
    var answer: Range<Int>
    /// Whether any of the profile's markers occurred.
    var markerFound: Bool
    /// Whether thinking ran to the end of the output for want of an end marker.
    var truncated: Bool
    /// Whether the profile has an opening marker and the output lacks it (before the end marker).
    var openingMarkerMissing: Bool
}

extension SegmentationProfile {
    /// Splits `subject` into thinking and answer by this profile's markers and rules (see the
    /// type's documentation).
    /// - Throws: ``SegmentationError`` when matching a pattern fails.
    /// - Complexity: O(*n*) in the subject's length for the built-in patterns.
    func split(_ subject: MatchSubject) throws -> MarkerSplit {
        let byteCount = subject.count
        let opening = try thinkingStart?.firstMatch(in: subject)
        var openingFound = false
        if let opening {
            // An opening marker after the first end marker is text the answer quotes, not an opening.
            let firstEnd = try thinkingEnd.firstMatch(in: subject)
            openingFound = firstEnd.map { opening.range.lowerBound <= $0.range.lowerBound } ?? true
        }
        let openingMarkerMissing = thinkingStart != nil && !openingFound

        let thinkingFrom: Int
        if let opening, openingFound {
            thinkingFrom = opening.range.upperBound
        } else if openingMarkerOptional || thinkingStart == nil {
            thinkingFrom = 0
        } else {
            // The family always opens thinking itself; without the opening there is none.
            return try answerSplit(
                subject, region: 0..<byteCount, thinking: 0..<0,
                markerFound: opening != nil || (try thinkingEnd.firstMatch(in: subject)) != nil,
                truncated: false, openingMarkerMissing: openingMarkerMissing
            )
        }

        let end = switch endMarkerChoice {
        case .first: try thinkingEnd.firstMatch(in: subject, from: thinkingFrom)
        case .last: try thinkingEnd.lastMatch(in: subject, from: thinkingFrom)
        }
        if let end {
            return try answerSplit(
                subject, region: end.range.upperBound..<byteCount,
                thinking: thinkingFrom..<end.range.lowerBound, markerFound: true,
                truncated: false, openingMarkerMissing: openingMarkerMissing
            )
        }
        let thinkingRunsToEnd = switch missingEndMarker {
        case .allThinking: true
        case .allAnswer: false
        case .thinkingIfOpened: openingFound
        }
        if thinkingRunsToEnd {
            return MarkerSplit(
                thinking: thinkingFrom..<byteCount, answer: byteCount..<byteCount, markerFound: openingFound,
                truncated: true, openingMarkerMissing: openingMarkerMissing
            )
        }
        return try answerSplit(
            subject, region: 0..<byteCount, thinking: 0..<0, markerFound: openingFound,
            truncated: false, openingMarkerMissing: openingMarkerMissing
        )
    }

    /// Narrows the answer region to the text between the answer markers, when the profile has
    /// them and they occur.
    private func answerSplit(
        _ subject: MatchSubject,
        region: Range<Int>,
        thinking: Range<Int>,
        markerFound: Bool,
        truncated: Bool,
        openingMarkerMissing: Bool
    ) throws -> MarkerSplit {
        var answerFrom = region.lowerBound
        var markerFound = markerFound
        if let start = try answerStart?.firstMatch(in: subject, from: region.lowerBound) {
            answerFrom = start.range.upperBound
            markerFound = true
        }
        var answerTo = region.upperBound
        if let end = try answerEnd?.firstMatch(in: subject, from: answerFrom) {
            answerTo = end.range.lowerBound
            markerFound = true
        }
        return MarkerSplit(
            thinking: thinking, answer: answerFrom..<answerTo, markerFound: markerFound,
            truncated: truncated, openingMarkerMissing: openingMarkerMissing
        )
    }
}
