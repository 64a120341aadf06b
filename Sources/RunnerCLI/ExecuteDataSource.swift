import RunnerKit

/// The scheduling data source `execute` hands to the built-in steps.
enum ExecuteDataSource {
    /// The storage-backed `SchedulingDataSource`.
    static func make(storage: Storage) -> any SchedulingDataSource {
        CreatorDataStore(storage: storage, snapshotCaptionBank: true)
    }
}
