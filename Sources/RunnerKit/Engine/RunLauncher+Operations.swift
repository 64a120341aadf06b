import Foundation
import Logging

/// The operations steps of the run lifecycle (operations.md §1.3 steps 2, 7 and 8): reconcile the
/// routing configuration before routing, then evaluate the rollback policy and the alert rules
/// after the runs this invocation finished, and notify what it committed.
extension RunLauncher {
    /// The routing decision inputs after step 2: the reconciled configuration and its applied row.
    struct ReconciledRouting {
        var routing: RoutingConfiguration
        var appliedConfigId: Int64
        var appliedPhase: String?
    }

    /// The rollback controller of this invocation.
    var rollbackController: RollbackController {
        RollbackController(storage: storage, settings: RollbackSettings(config: config), clock: clock)
    }

    /// This launcher with step 2 done once for all the runs it will start (`execute --all`: the
    /// YAML is loaded once per invocation, so its routing is reconciled once too; the rollback
    /// state is still read in every run's routing transaction).
    public func reconcilingOnce() throws -> Self {
        var launcher = self
        launcher.batchRouting = try reconcileRouting()
        return launcher
    }

    /// Step 2: reconciles the rollout file with `applied_configs` (advancements may be refused)
    /// and returns what routing uses; finishes a drain left by a dead process first.
    func reconcileRouting() throws -> ReconciledRouting {
        try rollbackController.completeStaleDrain()
        guard let reconciler = RolloutReconciler(storage: storage, config: config, clock: clock, seenBy: owner.actor)
        else {
            // No rollout file: the built-in defaults route everyone to control; record them as-is.
            let routing = self.routing
            let row = try storage.acceptRoutingConfig(
                hash: routing.configHash, phase: routing.settings.phaseName, flagsJSON: routing.flagsJSON,
                salt: routing.salt, seenBy: owner.actor)
            return ReconciledRouting(routing: routing, appliedConfigId: row.id, appliedPhase: row.phase)
        }
        let result = try reconciler.reconcile()
        return ReconciledRouting(
            routing: result.routing(config: config), appliedConfigId: result.applied.id,
            appliedPhase: result.applied.config.phase)
    }

    /// Steps 7 and 8 for a routed run and its fallback: alert rules after each finished run that is
    /// not read-only or blocked (candidate, then its fallback), the rollback policy after a candidate
    /// run (draining before returning), the rollback event rules after a rollback, then notifications.
    func afterRuns(served: RunReport, first: RunReport, firstRow: RunStart, candidate: String) async -> RunReport {
        var served = served
        var finished = [(first, firstRow.readOnly)]
        if served.runId != first.runId { finished.append((served, false)) }
        let monitor = AlertMonitor(
            storage: storage, config: config, environment: ProcessInfo.processInfo.environment, clock: clock)
        var transitions: [AlertTransition] = []
        let log = Logger(label: "eros.monitoring")
        for (report, readOnly) in finished where !readOnly && report.status != .blocked {
            let reference = FinishedRunReference(
                runId: report.runId, pipeline: report.pipeline, role: report.role.rawValue,
                status: report.status.rawValue, readOnly: readOnly)
            do {
                transitions += try monitor.evaluate(after: reference)
            } catch {
                log.error("alert evaluation failed", metadata: ["run_id": "\(report.runId)", "error": "\(error)"])
            }
        }
        if first.pipeline == candidate, !firstRow.readOnly, first.status != .blocked {
            do {
                let check = try await rollbackController.evaluateAfterRun(runId: first.runId)
                if let rollback = check.rollback, !rollback.alreadyRolledBack {
                    served.notices.append(
                        "rollback: trigger \(check.firedTrigger ?? "-") fired; \(candidate) is now "
                            + rollback.state.state.rawValue)
                    transitions += try monitor.evaluator.evaluateEventRules(at: clock.now())
                }
            } catch {
                Logger(label: "eros.rollback").error(
                    "rollback evaluation failed", metadata: ["run_id": "\(first.runId)", "error": "\(error)"])
            }
        }
        _ = await monitor.notify(transitions)
        return served
    }
}
