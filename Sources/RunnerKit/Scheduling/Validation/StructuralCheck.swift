/// The structural checks of schedule-domain §7.1 (`VALIDATION_ERROR`).
public enum StructuralCheck {
    /// Every structural problem of the schedule for the week starting `weekStart`.
    public static func run(_ schedule: ScheduleOutput, weekStart: DayDate) -> [Violation] {
        var found: [Violation] = []
        for problem in schedule.shapeProblems {
            found.append(Violation(code: "VALIDATION_ERROR", message: problem, itemIndex: nil))
        }
        if schedule.items.isEmpty, !schedule.shapeProblems.contains(where: { $0.hasPrefix("items") }) {
            found.append(Violation(code: "VALIDATION_ERROR", message: "items must be a non-empty list", itemIndex: nil))
        }
        let week = Set(CalendarRules.week(from: weekStart).map(\.description))
        var parentsSeen: Set<Int> = []
        let entries = schedule.items.map { ($0, false) } + schedule.followups.map { ($0, true) }
        for (position, (entry, isFollowup)) in entries.enumerated() {
            let label = isFollowup ? "followup[\(position - schedule.items.count)]" : "item[\(position)]"
            func report(_ message: String) {
                found.append(Violation(code: "VALIDATION_ERROR", message: "\(label): \(message)", itemIndex: position))
            }
            if entry.malformedFields.contains("<object>") {
                report("must be an object")
                continue
            }
            let missing = [
                ("send_type_key", entry.sendTypeKey), ("scheduled_date", entry.scheduledDate),
                ("scheduled_time", entry.scheduledTime),
            ].filter { $0.1 == nil && !entry.malformedFields.contains($0.0) }.map(\.0)
            if !missing.isEmpty { report("missing required keys: \(missing.joined(separator: ", "))") }
            for field in entry.malformedFields {
                switch field {
                case "price": report("price must be a number or null")
                case "flyer_required": report("flyer_required must be 0, 1, true or false")
                default: report("\(field) has the wrong type")
                }
            }
            if let raw = entry.sendTypeKey {
                if let key = SendTypeKey(rawValue: raw) {
                    if isFollowup, key != .ppvFollowup { report("follow-ups must use ppv_followup, got \(raw)") }
                    if !isFollowup, key == .ppvFollowup { report("items must not use ppv_followup") }
                } else {
                    report("unknown send_type_key \(raw)")
                }
            }
            if let date = entry.scheduledDate {
                if DayDate(date) == nil {
                    report("scheduled_date \(date) is not YYYY-MM-DD")
                } else if !week.contains(date) {
                    report("scheduled_date \(date) is outside the week of \(weekStart)")
                }
            }
            if let time = entry.scheduledTime, ClockTime(time) == nil {
                report("scheduled_time \(time) is not HH:MM with hour 00-23 and minute 00-59")
            }
            if isFollowup {
                guard let parent = entry.parentItemIndex else {
                    report("missing required keys: parent_item_index")
                    continue
                }
                guard schedule.items.indices.contains(parent), let key = schedule.items[parent].key, key.isFollowupParent
                else {
                    report("parent_item_index \(parent) does not point at a ppv_unlock, ppv_wall or tip_goal item")
                    continue
                }
                if !parentsSeen.insert(parent).inserted { report("item \(parent) already has a follow-up") }
            }
        }
        return found
    }
}
