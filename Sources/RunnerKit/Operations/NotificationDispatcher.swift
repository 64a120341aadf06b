import Foundation
import Logging

/// What happened to the notifications of one committed state change.
public struct NotificationReport: Sendable, Hashable {
    /// The alert event.
    public var eventId: Int64
    /// The rule name.
    public var alert: String
    /// The state notified.
    public var state: AlertStateName
    /// none (no notifier matched), delivered, partial or failed.
    public var outcome: String
    /// Every attempt made.
    public var attempts: [NotificationAttemptRecord]
}

/// Sends the notifications of committed transitions (operations.md §7.4): one `eros.monitoring`
/// log line each, then every matching notifier; records `notification_attempts` and the event's
/// outcome. Delivery failures are logged and recorded, never thrown.
public struct NotificationDispatcher: Sendable {
    /// The database the attempts are recorded in.
    public var storage: Storage
    /// The declared notifiers.
    public var notifiers: [Notifier]
    /// The environment (for `url_env` and command notifiers).
    public var environment: [String: String]
    /// The config root (command programs with a relative path).
    public var configRoot: URL?
    /// The `eros.monitoring` logger.
    public var logger: Logger
    /// Timestamps of attempts.
    public var clock: RunnerClock
    /// Webhook timeouts and retries.
    public var webhookPolicy: WebhookPolicy

    /// Creates a dispatcher.
    public init(
        storage: Storage, notifiers: [Notifier], environment: [String: String], configRoot: URL?,
        logger: Logger = Logger(label: "eros.monitoring"), clock: RunnerClock, webhookPolicy: WebhookPolicy = .standard
    ) {
        self.storage = storage
        self.notifiers = notifiers
        self.environment = environment
        self.configRoot = configRoot
        self.logger = logger
        self.clock = clock
        self.webhookPolicy = webhookPolicy
    }

    /// Logs and delivers every alert transition (trigger transitions are only logged).
    public func dispatch(_ transitions: [AlertTransition]) async -> [NotificationReport] {
        var reports: [NotificationReport] = []
        for transition in transitions {
            log(transition)
            guard transition.event.kind == .alert, let eventId = transition.event.eventId else { continue }
            reports.append(await deliver(transition, eventId: eventId))
        }
        return reports
    }

    /// The notifiers whose severity and state filters match a transition.
    public func matching(_ t: AlertTransition) -> [Notifier] {
        notifiers.filter { notifier in
            notifier.states.contains(t.toState)
                && (t.event.severity.map { notifier.severities.contains($0) } ?? true)
        }
    }

    private func deliver(_ t: AlertTransition, eventId: Int64) async -> NotificationReport {
        let body = Data(AlertPayload.json(t).canonicalJSON().utf8)
        var attempts: [NotificationAttemptRecord] = []
        var deliveredCount = 0, triedCount = 0
        for notifier in matching(t) {
            let records: [NotificationAttemptRecord]
            switch notifier.type {
            case .webhook:
                guard let url = webhookURL(notifier) else {
                    logger.warning(
                        "notifier skipped: no URL", metadata: ["notifier": "\(notifier.name.value)", "alert": "\(t.name)"])
                    continue
                }
                records = await WebhookDelivery.deliver(
                    notifier: notifier.name.value, url: url, body: body, policy: webhookPolicy, clock: clock)
            case .command:
                records = [
                    await CommandDelivery.deliver(
                        notifier: notifier.name.value, command: notifier.command.map(\.value), body: body,
                        alert: t.name, state: t.toState.rawValue, timeout: notifier.timeout.duration,
                        environment: environment, root: configRoot, clock: clock)
                ]
            }
            triedCount += 1
            attempts += records
            if records.contains(where: \.delivered) {
                deliveredCount += 1
            } else {
                logger.error(
                    "notification failed",
                    metadata: [
                        "alert": "\(t.name)", "notifier": "\(notifier.name.value)", "attempts": "\(records.count)",
                        "error": "\(records.last?.error ?? "unknown")",
                    ])
            }
        }
        let outcome =
            triedCount == 0 ? "none" : deliveredCount == triedCount ? "delivered" : deliveredCount == 0 ? "failed" : "partial"
        do {
            try storage.recordNotification(eventId: eventId, attempts: attempts, outcome: outcome)
        } catch {
            logger.error("cannot record notification attempts", metadata: ["alert": "\(t.name)", "error": "\(error)"])
        }
        return NotificationReport(eventId: eventId, alert: t.name, state: t.toState, outcome: outcome, attempts: attempts)
    }

    private func webhookURL(_ notifier: Notifier) -> URL? {
        let text = notifier.url?.value ?? notifier.urlEnv.flatMap { environment[$0.value] }
        guard let text, !text.isEmpty, let url = URL(string: text), url.scheme == "http" || url.scheme == "https"
        else { return nil }
        return url
    }

    /// The state-change log line: warning when firing (error when critical), info otherwise.
    private func log(_ t: AlertTransition) {
        let condition = t.condition
        var metadata: Logger.Metadata = [
            "alert": "\(t.name)", "from_state": "\(t.fromState.rawValue)", "to_state": "\(t.toState.rawValue)",
            "severity": "\(t.event.severity?.rawValue ?? "-")", "pipeline": "\(t.pipeline ?? "-")",
            "metric": "\(condition?.metric.value.rawValue ?? "-")",
            "value": "\(t.event.value.map { ToolValue.formatNumber($0) } ?? "null")",
            "threshold": "\(condition.map { ToolValue.formatNumber($0.threshold.value) } ?? "null")",
            "window": "\(condition?.window.description ?? "-")", "run_id": "\(t.event.runId ?? "-")",
        ]
        if t.event.kind == .trigger { metadata["kind"] = "trigger" }
        if let resolution = t.event.resolution { metadata["resolution"] = "\(resolution)" }
        let level: Logger.Level = t.toState == .firing ? (t.event.severity == .critical ? .error : .warning) : .info
        logger.log(level: level, "\(AlertPayload.text(t))", metadata: metadata)
    }
}
