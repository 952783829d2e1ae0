import HorizonTraces

/// A trace whose output is `tokens`, each with log-probability 0 and no candidates: the
/// segmenter reads only the token bytes.
func tokenTrace(_ tokens: [[UInt8]], reasoning: String? = nil, text: String? = nil) -> Trace {
    var logProbs = TokenLogProbs()
    for token in tokens {
        logProbs.append(tokenBytes: token, sampledLogProb: 0, sampledRank: 0, candidates: [0])
    }
    let joined = String(decoding: tokens.joined(), as: UTF8.self)
    return Trace(problemID: "p", text: text ?? joined, reasoning: reasoning, logProbs: logProbs)
}

/// ``tokenTrace(_:reasoning:text:)`` for tokens that are whole UTF-8 strings.
func tokenTrace(strings tokens: [String], reasoning: String? = nil, text: String? = nil) -> Trace {
    tokenTrace(tokens.map { Array($0.utf8) }, reasoning: reasoning, text: text)
}

/// The byte offset of the first occurrence of `needle` in `text` (test inputs always hold it).
func byteOffset(of needle: String, in text: String) -> Int {
    let haystack = Array(text.utf8), pattern = Array(needle.utf8)
    for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
        return start
    }
    preconditionFailure("\(needle) not in \(text)")
}
