import Foundation
import RunnerKit

/// The reconciliation that `status` and `alerts check` run first (operations.md §9.2; cli.md
/// "What each command needs"): only with a valid configuration, since an invalid one states no
/// desired configuration to accept. A failure is reported on stderr and the command carries on.
enum ReconcileStep {
    /// Reconciles `applied_configs` with the rollout file; nil when nothing was reconciled.
    @discardableResult
    static func run(storage: Storage, config: LoadedConfig, clock: RunnerClock) -> RolloutReconciliation? {
        guard config.isValid else { return nil }
        let actor = "runner@\(DatabaseOpener.hostName()):\(ProcessInfo.processInfo.processIdentifier)"
        guard let reconciler = RolloutReconciler(storage: storage, config: config, clock: clock, seenBy: actor) else {
            return nil
        }
        do {
            return try reconciler.reconcile()
        } catch {
            printError("warning: applied configuration not reconciled: \(error)")
            return nil
        }
    }
}
