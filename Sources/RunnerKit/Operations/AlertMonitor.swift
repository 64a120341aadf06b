import Foundation
import Logging

/// The alerting entry point of the run lifecycle (operations.md §1.3 steps 7 and 8): `execute`
/// calls `evaluate(after:)` once per finished run that is not read-only (primary, fallback; a
/// read-only run is accepted and evaluates nothing), then `notify(_:)` with what it returned.
public struct AlertMonitor: Sendable {
    /// The evaluator (one immediate transaction per call).
    public let evaluator: AlertEvaluator
    /// The notification sender.
    public let dispatcher: NotificationDispatcher
    /// The clock evaluations read.
    public let clock: RunnerClock

    /// Creates the monitor for one invocation.
    public init(
        storage: Storage, config: LoadedConfig, environment: [String: String], clock: RunnerClock,
        logger: Logger = Logger(label: "eros.monitoring"), webhookPolicy: WebhookPolicy = .standard
    ) {
        evaluator = AlertEvaluator(storage: storage, config: config)
        dispatcher = NotificationDispatcher(
            storage: storage, notifiers: config.alerts.notifiers, environment: environment, configRoot: config.root,
            logger: logger, clock: clock, webhookPolicy: webhookPolicy)
        self.clock = clock
    }

    /// Evaluates the rules of the run's pipeline now; returns the committed transitions (to be
    /// passed to `notify`). Throws `StorageError` (e.g. `busy`); callers log it and carry on.
    public func evaluate(after run: FinishedRunReference) throws -> [AlertTransition] {
        try evaluator.evaluate(after: run, at: clock.now())
    }

    /// Every rule now (`runner alerts check`).
    public func evaluateAll() throws -> [AlertTransition] {
        try evaluator.evaluateAll(at: clock.now())
    }

    /// Logs and delivers the transitions this process committed; never throws.
    public func notify(_ transitions: [AlertTransition]) async -> [NotificationReport] {
        await dispatcher.dispatch(transitions)
    }

    /// `evaluate(after:)` then `notify`.
    public func evaluateAndNotify(after run: FinishedRunReference) async throws -> [NotificationReport] {
        await notify(try evaluate(after: run))
    }
}
