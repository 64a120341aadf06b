import Foundation

/// The routing configuration every command routes with (operations.md §9.2): the latest accepted
/// `applied_configs` row, or the desired configuration when none exists yet. Reconciling commands
/// (`execute`, `status`, `rollout status`, `alerts check`, `rollback check`) call
/// `RolloutReconciler.reconcile()` first; the others read it as it is.
public enum RolloutAppliedRouting {
    /// The applied routing configuration and its row (nil before the first reconciliation).
    public static func current(
        storage: Storage, config: LoadedConfig
    ) throws -> (routing: RoutingConfiguration, applied: AppliedConfigRecord?) {
        let desired = RoutingConfiguration(rollout: config.rollout)
        guard let applied = try storage.rolloutSnapshot({ try $0.latestAcceptedConfig() }) else {
            return (desired, nil)
        }
        return (routing(for: applied, config: config), applied)
    }

    /// The routing configuration of an applied row, with the rollout file's pipelines and file name.
    /// When the row is the desired configuration, the file's own settings are kept (so unset flags
    /// report the built-in default as their source).
    public static func routing(for applied: AppliedConfigRecord, config: LoadedConfig) -> RoutingConfiguration {
        let desired = RoutingConfiguration(rollout: config.rollout)
        if desired.configHash == applied.configHash { return desired }
        return applied.config.routingConfiguration(
            control: desired.control, candidate: desired.candidate, file: config.rollout?.file ?? "pipelines/rollout.yaml")
    }
}

extension RolloutReconciliation {
    /// The routing configuration `execute` routes with after reconciling.
    public func routing(config: LoadedConfig) -> RoutingConfiguration {
        RolloutAppliedRouting.routing(for: applied, config: config)
    }
}
