/// Words that name a unit of measure, dropped from the end of an answer (`125 miles` → `125`).
///
/// Single letters (`m`, `g`, `s`) are units only inside `\text{}`/`\mbox{}`: bare, they are more
/// often variables. The list is ours; it covers what MATH and GSM8K answers carry.
enum UnitWords {
    static let units: Set<String> = [
        // length
        "mm", "millimeter", "millimeters", "millimetre", "millimetres", "cm", "centimeter", "centimeters",
        "centimetre", "centimetres", "meter", "meters", "metre", "metres", "km", "kilometer", "kilometers",
        "kilometre", "kilometres", "inch", "inches", "ft", "foot", "feet", "yd", "yard", "yards", "mile",
        "miles", "mi", "nm", "nanometer", "nanometers", "micrometer", "micrometers", "light-year", "au",
        // area and volume
        "sq", "square", "squared", "cubic", "cubed", "acre", "acres", "hectare", "hectares", "liter",
        "liters", "litre", "litres", "ml", "milliliter", "milliliters", "millilitre", "millilitres",
        "gallon", "gallons", "quart", "quarts", "pint", "pints", "cup", "cups", "tablespoon", "tablespoons",
        "teaspoon", "teaspoons", "oz", "ounce", "ounces", "cc",
        // mass
        "mg", "milligram", "milligrams", "gram", "grams", "kg", "kilogram", "kilograms", "lb", "lbs",
        "pound", "pounds", "ton", "tons", "tonne", "tonnes",
        // time
        "ms", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour",
        "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
        "century", "centuries",
        // money
        "dollar", "dollars", "cent", "cents", "euro", "euros", "yuan", "rupee", "rupees", "usd",
        // angles and temperature
        "degree", "degrees", "deg", "radian", "radians", "rad", "celsius", "fahrenheit", "kelvin",
        // speed, rate and other physical units
        "mph", "kph", "kmh", "rpm", "bpm", "per", "hz", "hertz", "watt", "watts", "volt", "volts", "amp",
        "amps", "joule", "joules", "newton", "newtons", "calorie", "calories", "kcal", "byte", "bytes",
        "kb", "mb", "gb",
        // counting words that only label the number
        "unit", "units", "times", "items", "pieces", "points",
    ]

    /// Letters that are units inside `\text{}` but variables when bare.
    static let singleLetterUnits: Set<String> = ["m", "g", "s", "h", "l"]

    static let percentWords: Set<String> = ["percent", "percentage", "pct", "per cent"]

    static let joiners: Set<String> = ["and", "or"]

    /// Whether a word may appear in an answer capture without making it read like a sentence.
    static func isNeutralWord(_ lowercased: String) -> Bool {
        units.contains(lowercased) || percentWords.contains(lowercased) || joiners.contains(lowercased)
            || NumberWords.value(ofWord: lowercased) != nil || mathWords.contains(lowercased)
            || LatexTokenizer.functionNames[lowercased] != nil
    }

    /// Words of plain-text maths that are not prose: constants and the clock's half-days
    /// (function names such as `sqrt` and `cos` come from the tokenizer's table).
    static let mathWords: Set<String> = ["pi", "inf", "infinity", "oo", "am", "pm"]

    /// Whether `text` (trimmed, lowercased) is nothing but unit words, e.g. ` cm`, `square feet`,
    /// `m/s`; single letters count here because the caller found them inside `\text{}`.
    static func isUnitPhrase(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "^" || $0 == "." })
            .filter { !$0.allSatisfy { $0.isNumber || $0 == "{" || $0 == "}" } }
        guard !words.isEmpty else { return false }
        return words.allSatisfy { units.contains(String($0)) || singleLetterUnits.contains(String($0)) }
    }
}
