import RunnerKit

/// The scheduling data source `execute` hands to the built-in steps.
enum ExecuteDataSource {
    /// The storage-backed `SchedulingDataSource` (domain's adapter).
    static func make(storage: Storage, tools: DataTools) -> any SchedulingDataSource {
        Unavailable()
    }

    /// Placeholder until the storage adapter lands: every load fails with DATABASE_ERROR.
    struct Unavailable: SchedulingDataSource {
        func loadCreatorData(creator: String, weekStart: DayDate) throws(SchedulingError) -> CreatorData {
            throw .databaseError("no scheduling data source over storage is built into this runner yet")
        }

        func loadGateData(creatorId: String) throws(SchedulingError) -> GateData {
            throw .databaseError("no scheduling data source over storage is built into this runner yet")
        }
    }
}
