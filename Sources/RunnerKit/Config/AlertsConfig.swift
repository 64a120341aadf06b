/// Every alert rule and notifier of the `kind: alerts` files (config.md §6, operations.md §7).
public struct AlertsConfig: Sendable {
    /// The rules of all files, file by file in file order.
    public var rules: [AlertRule]
    /// The notifiers of all files.
    public var notifiers: [Notifier]

    /// Creates the set.
    public init(rules: [AlertRule] = [], notifiers: [Notifier] = []) {
        self.rules = rules
        self.notifiers = notifiers
    }

    /// The rule with this name, if declared.
    public func rule(named name: String) -> AlertRule? { rules.first { $0.name.value == name } }
}

/// One alert rule.
public struct AlertRule: Sendable, Hashable {
    /// The rule name (`V5_SUCCESS_LOW`), unique across files.
    public var name: Located<String>
    /// What the rule watches.
    public var condition: AlertCondition
    /// The severity.
    public var severity: AlertSeverity
    /// The runbook action shown in notifications.
    public var action: String
    /// Free labels copied into notifications.
    public var labels: [String: String]
    /// The file, relative to the config root.
    public var file: String
    /// Where the rule starts.
    public var location: SourceLocation

    /// Creates a rule.
    public init(
        name: Located<String>, condition: AlertCondition, severity: AlertSeverity, action: String,
        labels: [String: String], file: String, location: SourceLocation
    ) {
        self.name = name
        self.condition = condition
        self.severity = severity
        self.action = action
        self.labels = labels
        self.file = file
        self.location = location
    }

    /// The pipeline the rule watches.
    public var pipeline: Located<String> {
        switch condition {
        case .metric(let metric): metric.pipeline
        case .event(_, let pipeline): pipeline
        }
    }
}

/// A metric condition, or an event of the rollback controller.
public enum AlertCondition: Sendable, Hashable {
    /// A threshold on a metric over a window.
    case metric(MetricCondition)
    /// `event: rollback`: firing while the candidate is rolled back.
    case event(AlertEvent, pipeline: Located<String>)
}

/// Events an event rule can watch.
public enum AlertEvent: String, Sendable, Hashable, CaseIterable {
    case rollback
}

/// Where notifications go.
public struct Notifier: Sendable, Hashable {
    /// The notifier name, unique across files.
    public var name: Located<String>
    /// `webhook` or `command`.
    public var type: NotifierType
    /// Webhook: a literal URL.
    public var url: Located<String>?
    /// Webhook: the environment variable holding the URL.
    public var urlEnv: Located<String>?
    /// Command: program and arguments, run without a shell.
    public var command: [Located<String>]
    /// Per-delivery timeout (default 10s).
    public var timeout: ConfigDuration
    /// Severities sent (default: all).
    public var severities: [AlertSeverity]
    /// States sent (default: firing, resolved).
    public var states: [AlertStateName]
    /// Where the notifier starts.
    public var location: SourceLocation

    /// Creates a notifier.
    public init(
        name: Located<String>, type: NotifierType, url: Located<String>?, urlEnv: Located<String>?,
        command: [Located<String>], timeout: ConfigDuration, severities: [AlertSeverity],
        states: [AlertStateName], location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.url = url
        self.urlEnv = urlEnv
        self.command = command
        self.timeout = timeout
        self.severities = severities
        self.states = states
        self.location = location
    }
}

/// Notifier transports.
public enum NotifierType: String, Sendable, Hashable, CaseIterable {
    case webhook, command
}

/// The persisted states of a rule (operations.md §7.2).
public enum AlertStateName: String, Sendable, Hashable, CaseIterable {
    case inactive, pending, firing, resolved
}
