import Foundation

extension DataTools {
    /// Check 3 of §5: structural item checks, every problem collected.
    static func itemErrors(_ items: ToolValue?) -> [String] {
        guard let items, let list = items.arrayValue else {
            return ["items must be a list, got \(items?.typeName ?? "null")"]
        }
        if list.isEmpty { return ["items list is empty"] }
        if list.count > 500 { return ["items exceeds maximum of 500"] }
        var errors: [String] = []
        for (i, item) in list.enumerated() {
            guard let object = item.objectValue else {
                errors.append("item[\(i)]: must be an object")
                continue
            }
            let missing = ["send_type_key", "scheduled_date", "scheduled_time"].filter { object[$0] == nil }
            if !missing.isEmpty {
                errors.append("item[\(i)]: missing required keys: \(missing.joined(separator: ", "))")
                continue
            }
            let date = object["scheduled_date"]!
            if date.stringValue.flatMap(CivilDay.init) == nil {
                errors.append("item[\(i)]: scheduled_date must be YYYY-MM-DD, got: \(display(date))")
            }
            let time = object["scheduled_time"]!
            if !validTime(time.stringValue) {
                errors.append("item[\(i)]: scheduled_time must be HH:MM (00:00-23:59), got: \(display(time))")
            }
            if let price = object["price"], !price.isNull {
                if let n = price.numberValue {
                    if n < 5.0 || n > 50.0 { errors.append("item[\(i)]: price \(display(price)) outside [5.00, 50.00]") }
                } else {
                    errors.append("item[\(i)]: price must be a number or null, got \(price.typeName)")
                }
            }
            if let flyer = object["flyer_required"], !flyer.isNull {
                let ok = flyer.boolValue != nil || flyer.numberValue == 0 || flyer.numberValue == 1
                if !ok { errors.append("item[\(i)]: flyer_required must be null, 0, 1, true or false, got: \(display(flyer))") }
            }
        }
        return errors
    }

    /// `HH:MM` with hour 00-23 and minute 00-59.
    static func validTime(_ text: String?) -> Bool {
        guard let text else { return false }
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == 58, [0, 1, 3, 4].allSatisfy({ (48...57).contains(b[$0]) }) else { return false }
        let hour = Int(b[0] - 48) * 10 + Int(b[1] - 48)
        let minute = Int(b[3] - 48) * 10 + Int(b[4] - 48)
        return hour < 24 && minute < 60
    }

    /// A value as shown in messages.
    static func display(_ v: ToolValue) -> String { v.stringValue ?? v.canonicalJSON() }

    /// Check 4 and 5 of §5: freshness, warnings, status and the certificate summary.
    static func certificateOutcome(_ certificate: [String: ToolValue]?, itemCount: Int, now: Date)
        -> (status: String, warnings: [String], summary: SaveScheduleResult.CertificateSummary?)
    {
        guard let certificate else { return ("draft", [], nil) }
        var warnings: [String] = []
        var fresh = true
        var reason: String?
        var age: Double?
        if let raw = certificate["validation_timestamp"], !raw.isNull {
            if let text = raw.stringValue, let instant = Timestamp.parse(text) {
                let seconds = now.timeIntervalSince(instant)
                age = (seconds * 10).rounded() / 10
                if seconds < -30 {
                    reason = "certificate timestamp is \(Int((-seconds).rounded()))s in the future"
                } else if seconds > 300 {
                    reason = "certificate expired (age: \(Int(seconds.rounded()))s > 300s)"
                }
            } else {
                reason = "certificate has invalid timestamp format: \(display(raw))"
            }
        } else {
            reason = "certificate missing validation_timestamp"
        }
        if let reason {
            fresh = false
            warnings.append("Certificate freshness: \(reason) - status downgraded to 'draft'")
        }
        if let validated = certificate["items_validated"], !validated.isNull,
            validated.numberValue != Double(itemCount)
        {
            warnings.append("Item count mismatch: certificate validated \(display(validated)), received \(itemCount)")
        }
        let approved = certificate["validation_status"]?.stringValue?.uppercased() == "APPROVED"
        let summary = SaveScheduleResult.CertificateSummary(
            validation_status: certificate["validation_status"], quality_score: certificate["quality_score"],
            items_validated: certificate["items_validated"], is_fresh: fresh, age_seconds: age)
        return (fresh && approved ? "approved" : "draft", warnings, summary)
    }
}
