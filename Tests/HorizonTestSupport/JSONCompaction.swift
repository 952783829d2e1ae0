/// Turns pretty-printed JSON into one line without touching any value's text.
///
/// Foundation's `JSONSerialization` would do it too, but on Linux it reads some 17-digit
/// numbers inexactly (`-1.2039728164672852` comes back as `-1.2039728164672856`), which would
/// change the very values the tests check.
public enum JSONCompaction {
    /// `text` with the whitespace outside strings removed.
    public static func compact(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var inString = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                output.append(scalar)
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
            } else if scalar == "\"" {
                inString = true
                output.append(scalar)
            } else if !(scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t") {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `object` (a compact JSON object) with `members` (compact JSON text such as
    /// `"problem_id":"p1"`) inserted first.
    public static func prepending(_ members: String, to object: String) -> String {
        precondition(object.first == "{")
        let rest = object.dropFirst()
        return "{" + members + (rest.first == "}" ? "" : ",") + rest
    }
}
