import Foundation
import GRDB

extension DataTools {
    /// get_schedules (data-model.md §4.12): filtered, sorted, paginated saved schedules.
    public func getSchedules(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "get_schedules", values: parameters)
        func failed(_ f: ToolFailure) -> ToolObject {
            ToolObject([
                "error": .string(f.message), "error_code": .string(f.code), "schedules": [], "count": 0,
                "total_count": 0, "metadata": ["fetched_at": .string(fetchedAt), "error": true],
            ])
        }
        do {
            let known: Set = [
                "creator_id", "week_start", "status", "limit", "offset", "include_items", "sort_by", "sort_order",
            ]
            if let f = p.checkKnown(known) { throw f }
            var creatorFilter: String?
            if let raw = p.value("creator_id") {
                switch CreatorIDRule.check(parameter: raw) {
                case .success(let v): creatorFilter = v
                case .failure(let e): throw ToolFailure(code: "VALIDATION_ERROR", message: e.message)
                }
            }
            var week: String?
            if let raw = p.value("week_start") {
                guard let text = raw.stringValue, CivilDay(text) != nil else {
                    throw ToolFailure(
                        code: "INVALID_DATE", message: "Invalid week_start format: '\(Self.display(raw))'. Must be YYYY-MM-DD")
                }
                week = text
            }
            let statuses = ["draft", "approved", "queued", "completed"]
            var status: String?
            if let raw = p.value("status") {
                let lowered = (raw.stringValue ?? Self.display(raw)).lowercased()
                guard statuses.contains(lowered) else {
                    throw ToolFailure(
                        code: "INVALID_STATUS",
                        message: "Invalid status: '\(Self.display(raw))'. Must be one of: \(statuses.joined(separator: ", "))")
                }
                status = lowered
            }
            let limit = min(max(try p.int("limit", lenient: true) ?? 50, 1), 500)
            let offset = max(try p.int("offset", lenient: true) ?? 0, 0)
            let includeItems = try p.bool("include_items", default: false)
            let sortBy = p.value("sort_by").map(Self.display) ?? "generated_at"
            guard ["generated_at", "week_start", "status"].contains(sortBy) else {
                throw ToolFailure(
                    code: "INVALID_SORT_FIELD",
                    message: "Invalid sort_by: '\(sortBy)'. Must be one of: generated_at, week_start, status")
            }
            let sortOrder = p.value("sort_order").map(Self.display) ?? "desc"
            guard sortOrder == "asc" || sortOrder == "desc" else {
                throw ToolFailure(code: "INVALID_SORT_ORDER", message: "Invalid sort_order: '\(sortOrder)'. Must be 'asc' or 'desc'")
            }
            let (total, rows) = try storage.read { db in
                var conditions: [String] = []
                var arguments: [(any DatabaseValueConvertible)?] = []
                if let creatorFilter {
                    guard let creator = try Self.resolve(db, creatorFilter) else {
                        throw ToolFailure(code: "INVALID_CREATOR", message: "Creator not found: '\(creatorFilter)'")
                    }
                    conditions.append("s.creator_id = ?")
                    arguments.append(creator.creatorID)
                }
                if let week { conditions.append("s.week_start = ?"); arguments.append(week) }
                if let status { conditions.append("s.status = ?"); arguments.append(status) }
                let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
                let from = "FROM schedule_templates s LEFT JOIN creators c ON c.creator_id = s.creator_id \(whereClause)"
                let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.*, c.page_name AS creator_page_name \(from)
                        ORDER BY s.\(sortBy) \(sortOrder.uppercased()), s.template_id \(sortOrder.uppercased()) LIMIT ? OFFSET ?
                        """,
                    arguments: StatementArguments(arguments + [limit, offset]))
                return (total, rows)
            }
            let schedules: [ToolValue] = rows.map { row in
                var m: [String: ToolValue] = [:]
                m["schedule_id"] = SampleDataset.toolValue(row["template_id"])
                for key in [
                    "creator_id", "creator_page_name", "week_start", "week_end", "status", "total_items",
                    "projected_earnings", "actual_earnings", "completion_rate", "quality_validation_score",
                    "generated_at",
                ] {
                    m[key] = SampleDataset.toolValue(row[key])
                }
                m["total_ppvs"] = .number(Double((row["total_ppvs"] as Int?) ?? 0))
                m["total_bumps"] = .number(Double((row["total_bumps"] as Int?) ?? 0))
                m["health_status"] = .string((row["health_status"] as String?) ?? "HEALTHY")
                if includeItems {
                    let metadata = (row["generation_metadata"] as String?).flatMap(ToolValue.parse)
                    m["items"] = metadata?["items"].flatMap { $0.arrayValue == nil ? nil : $0 } ?? .null
                }
                return .object(m)
            }
            return ToolObject([
                "schedules": .array(schedules), "count": .number(Double(schedules.count)),
                "total_count": .number(Double(total)), "limit": .number(Double(limit)),
                "offset": .number(Double(offset)), "has_more": .bool(offset + schedules.count < total),
                "metadata": .object([
                    "fetched_at": .string(fetchedAt), "tool_version": "2.0.0",
                    "execution_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "filters_applied": .object([
                        "creator_id": parameters["creator_id"] ?? .null, "week_start": week.map(ToolValue.string) ?? .null,
                        "status": status.map(ToolValue.string) ?? .null,
                    ]),
                    "sort": .object(["by": .string(sortBy), "order": .string(sortOrder)]),
                ]),
            ])
        } catch {
            return failed(Self.storageFailure(error))
        }
    }
}
