import Foundation
import GRDB

extension RolloutConnection {
    /// Resets every trigger state to inactive (restore, operations.md §8.5); returns how many changed.
    @discardableResult
    public func resetTriggerStates(at now: String) throws -> Int {
        try db.executeCached(
            sql: """
                UPDATE alert_states SET state = 'inactive', since = ?, active_at = NULL, last_true_at = NULL,
                  consecutive_count = 0
                WHERE kind = 'trigger' AND (state <> 'inactive' OR consecutive_count <> 0)
                """,
            arguments: [now])
        return db.changesCount
    }

    /// Deletes the states of triggers no longer declared.
    public func deleteTriggerStates(except names: [String]) throws {
        let all = try String.fetchAll(db.cachedStatement(sql: "SELECT rule_name FROM alert_states WHERE kind = 'trigger'"))
        for name in all where !names.contains(name) {
            try db.executeCached(sql: "DELETE FROM alert_states WHERE kind = 'trigger' AND rule_name = ?", arguments: [name])
        }
    }

    /// The names of alert rules (kind `alert`) firing now with one of `severities`.
    public func firingAlertNames(severities: [String]) throws -> [String] {
        guard !severities.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: severities.count).joined(separator: ", ")
        return try String.fetchAll(
            db,
            sql: """
                SELECT rule_name FROM alert_states
                WHERE kind = 'alert' AND state = 'firing' AND severity IN (\(marks)) ORDER BY rule_name
                """,
            arguments: StatementArguments(severities))
    }
}
