/// English number words, for answers written out in words (`three` → 3, `twenty-five` → 25,
/// `one hundred twenty` → 120), as Qwen2.5-Math's normaliser does.
enum NumberWords {
    static let small: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]

    /// The value of one number word, or `nil`.
    static func value(ofWord word: String) -> Int? { small[word] ?? scales[word] }

    /// The value of a phrase made only of number words (hyphens and "and" allowed), or `nil`.
    /// - Complexity: O(number of words).
    static func value(ofPhrase phrase: String) -> Int? {
        let words = phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            .filter { $0 != "and" }
        guard !words.isEmpty else { return nil }
        var total = 0
        var current = 0
        for word in words {
            if let value = small[word] {
                current += value
            } else if let scale = scales[word] {
                if scale == 100 {
                    current = max(current, 1) * 100
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
            } else {
                return nil
            }
        }
        return total + current
    }
}
