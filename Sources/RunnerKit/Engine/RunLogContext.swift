import Foundation
import Logging

/// The run metadata every log line carries while a run executes (operations.md §10): `run_id`,
/// `creator_id`, `week_start`, `pipeline` and `role`, held in a task local so any logger used
/// inside the run's task tree picks it up through `provider`.
public enum RunLogContext {
    /// The metadata of the run the current task belongs to (empty outside runs).
    @TaskLocal public static var metadata: Logger.Metadata = [:]

    /// The metadata provider the runner's log handler merges into every line.
    public static let provider = Logger.MetadataProvider { metadata }

    /// The five run fields of a run row.
    public static func metadata(of row: RunStart) -> Logger.Metadata {
        [
            "run_id": .string(row.runId), "creator_id": .string(row.creatorId), "week_start": .string(row.weekStart),
            "pipeline": .string(row.pipeline), "role": .string(row.role.rawValue),
        ]
    }

    /// A logger with `label` whose lines carry the run fields of `row` (also outside its task tree).
    public static func logger(_ label: String, for row: RunStart) -> Logger {
        var logger = Logger(label: label)
        for (key, value) in metadata(of: row) { logger[metadataKey: key] = value }
        return logger
    }
}
