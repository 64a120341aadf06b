/// JSON string literals, written by hand where the output's key order and layout are part of a
/// stable contract (canonical JSON, validate/lint JSON, pretty learnings JSON).
public enum JSONString {
    /// The JSON literal of `value`: quotes, escapes for `"` `\` and control characters.
    public static func quoted(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    /// Appends the JSON literal of `value` to `out`.
    public static func append(_ value: String, to out: inout String) {
        out += "\""
        // Fast path: nothing to escape.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
