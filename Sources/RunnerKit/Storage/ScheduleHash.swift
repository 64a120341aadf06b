/// `schedule_hash` of schedule-domain.md §10.8 / data-model.md §5.
public enum ScheduleHash {
    /// Hash of a saved item list: `sha256:empty` when empty, else hex16 of the sorted, rendered lines.
    public static func compute(_ items: [ToolValue]) -> String {
        ScheduleHashing.scheduleHash(
            rows: items.map { item in
                (
                    (item["scheduled_date"]?.stringValue ?? "", item["scheduled_time"]?.stringValue ?? ""),
                    [
                        render(item["send_type_key"]), render(item["scheduled_date"]), render(item["scheduled_time"]),
                        render(item["content_type"]), render(item["price"]), render(item["caption_id"], integer: true),
                    ]
                )
            })
    }

    /// Python-style rendering of one field value.
    static func render(_ value: ToolValue?, integer: Bool = false) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .string(let s): return s
        case .number(let n):
            if integer && n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
            return ScheduleHashing.pythonFloat(n)
        case .array, .object: return value.canonicalJSON()
        }
    }
}
