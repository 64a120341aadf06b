/// `schedule_hash` of schedule-domain.md §10.8 / data-model.md §5.
public enum ScheduleHash {
    /// Hash of a saved item list: `sha256:empty` when empty, else hex16 of the sorted, rendered lines.
    public static func compute(_ items: [ToolValue]) -> String {
        if items.isEmpty { return "sha256:empty" }
        let sorted = items.enumerated().sorted { a, b in
            let ka = key(a.element)
            let kb = key(b.element)
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
        let lines = sorted.map { item in
            [
                render(item["send_type_key"], price: false), render(item["scheduled_date"], price: false),
                render(item["scheduled_time"], price: false), render(item["content_type"], price: false),
                render(item["price"], price: true), render(item["caption_id"], price: false, integer: true),
            ].joined(separator: "|")
        }
        return HashText.prefixed(lines.joined(separator: "\n"))
    }

    private static func key(_ item: ToolValue) -> String {
        (item["scheduled_date"]?.stringValue ?? "") + "\u{0}" + (item["scheduled_time"]?.stringValue ?? "")
    }

    /// Python-style rendering of one field value.
    static func render(_ value: ToolValue?, price: Bool, integer: Bool = false) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .string(let s): return s
        case .number(let n):
            if integer && n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
            return pythonFloat(n)
        case .array, .object: return value.canonicalJSON()
        }
    }

    /// A float the way Python's repr prints it: at least one fractional digit (15 -> "15.0").
    static func pythonFloat(_ n: Double) -> String {
        if n == n.rounded() && abs(n) < 1e16 { return String(Int64(n)) + ".0" }
        return "\(n)"
    }
}
