import Foundation
import GRDB

extension DataTools {
    /// get_performance_trends (data-model.md §4.10): a report over the requested period ending
    /// today; it never feeds volume.
    public func getPerformanceTrends(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "get_performance_trends", values: parameters)
        let input = parameters["creator_id"]?.stringValue
        do {
            if let f = p.checkKnown(["creator_id", "period"]) { throw f }
            let periodValue = p.value("period") ?? "14d"
            guard let period = periodValue.stringValue, let days = ["7d": 7, "14d": 14, "30d": 30][period] else {
                throw ToolFailure(code: "INVALID_PERIOD", message: "Invalid period: \(Self.display(periodValue)). Must be one of 7d, 14d, 30d")
            }
            let today = CivilDay(date: storage.clock.now())
            let (creator, sends, weekly, latest) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let sends = try Row.fetchAll(
                    db.cachedStatement(
                    sql: """
                        SELECT sent_count, viewed_count, purchased_count, earnings FROM mass_messages
                        WHERE creator_id = ? AND sent_date >= ? AND sent_date <= ?
                        """),
                    arguments: [creator.creatorID, today.adding(-days).string, today.string])
                let weekly = try Row.fetchAll(
                    db.cachedStatement(
                    sql: "SELECT sent_date, earnings, viewed_count FROM mass_messages WHERE creator_id = ? AND sent_date >= ? AND sent_date <= ?"),
                    arguments: [creator.creatorID, today.adding(-56).string, today.string])
                let latest = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT max(sent_date) FROM mass_messages WHERE creator_id = ?"), arguments: [creator.creatorID])
                return (creator, sends, weekly, latest)
            }
            let age = latest.flatMap(CivilDay.init).map { today.number - $0.number }
            var buckets: [Int: (earnings: Double, views: Double)] = [:]
            for row in weekly {
                guard let day = (row["sent_date"] as String?).flatMap(CivilDay.init) else { continue }
                let key = day.yearWeek
                buckets[key, default: (0, 0)].earnings += (row["earnings"] as Double?) ?? 0
                buckets[key, default: (0, 0)].views += Double((row["viewed_count"] as Int?) ?? 0)
            }
            let weeks = buckets.keys.sorted(by: >).prefix(8).map { buckets[$0]! }
            var decline = 0
            while decline + 1 < weeks.count && roundMoney(weeks[decline].earnings) < roundMoney(weeks[decline + 1].earnings) {
                decline += 1
            }
            func trend(_ a: Double, _ b: Double) -> ToolValue { b > 0 ? .number(roundTo((a - b) / b * 100, 1)) : .null }
            let count = sends.count
            let sent = sends.reduce(0.0) { $0 + Double(($1["sent_count"] as Int?) ?? 0) }
            let viewed = sends.reduce(0.0) { $0 + Double(($1["viewed_count"] as Int?) ?? 0) }
            let purchased = sends.reduce(0.0) { $0 + Double(($1["purchased_count"] as Int?) ?? 0) }
            let earnings = sends.reduce(0.0) { $0 + (($1["earnings"] as Double?) ?? 0) }
            let saturation = count == 0 ? 50 : min(100, Int(Double(count) / Double(2 * days) * 100))
            let status = count == 0 ? "HEALTHY" : decline >= 4 ? "DEATH_SPIRAL" : decline >= 2 ? "WARNING" : "HEALTHY"
            let adjustment = status == "DEATH_SPIRAL" ? -1 : status == "WARNING" ? 0 : (count > 0 && saturation < 30 ? 1 : 0)
            let confidence =
                count >= 20 && (age ?? 99) <= 7 ? "high" : (count >= 10 || (age ?? 99) <= 14) && count > 0 ? "moderate" : "low"
            let hashInputs: [ToolValue] = [
                .string("creator:\(creator.creatorID)"), .string("period:\(period)"), .string("sends:\(count)"),
                .string("earnings:\(ToolValue.formatNumber(roundMoney(earnings)))"), .string("latest:\(latest ?? "")"),
            ]
            return ToolObject([
                "creator_id": .string(input ?? ""), "creator_id_resolved": .string(creator.creatorID), "period": .string(period),
                "health_status": .string(status), "avg_rps": .number(purchased > 0 ? roundMoney(earnings / purchased) : 0),
                "avg_conversion": .number(viewed > 0 ? roundTo(purchased / viewed * 100, 1) : 0),
                "avg_open_rate": .number(sent > 0 ? roundTo(viewed / sent * 100, 1) : 0),
                "total_earnings": .number(roundMoney(earnings)), "total_sends": .number(Double(count)),
                "saturation_score": .number(Double(saturation)), "opportunity_score": .number(Double(100 - saturation)),
                "date_range": count == 0
                    ? ["start": nil, "end": nil]
                    : ["start": .string(today.adding(-days).string), "end": .string(today.string)],
                "consecutive_decline_weeks": .number(Double(count == 0 ? 0 : decline)),
                "volume_adjustment": .number(Double(adjustment)),
                "revenue_trend_pct": count > 0 && weeks.count >= 2 ? trend(weeks[0].earnings, weeks[1].earnings) : .null,
                "engagement_trend_pct": count > 0 && weeks.count >= 2 ? trend(weeks[0].views, weeks[1].views) : .null,
                "trend_period": "wow", "data_confidence": .string(confidence), "insufficient_data": .bool(count < 10),
                "metadata": [
                    "fetched_at": .string(fetchedAt), "trends_hash": .string(HashText.prefixed(ToolValue.array(hashInputs).canonicalJSON())),
                    "hash_inputs": .array(hashInputs), "query_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "data_age_days": age.map { .number(Double($0)) } ?? .null,
                    "is_stale": .bool(count == 0 || age == nil || age! > 14), "has_period_data": .bool(count > 0),
                    "sends_in_period": .number(Double(count)), "period_days": .number(Double(days)),
                    "expected_sends": .number(Double(2 * days)), "staleness_threshold_days": 14,
                ],
            ])
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject(["error": .string(f.message), "error_code": .string(f.code), "creator_id": input.map(ToolValue.string) ?? .null])
        }
    }
}
