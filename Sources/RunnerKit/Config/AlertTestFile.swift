/// A `kind: alert_test` file of `alerts/tests/` (config.md §8, operations.md §7.6).
public struct AlertTestFile: Sendable, Hashable {
    /// The alert and rollback files under test, relative to the config root.
    public var ruleFiles: [Located<String>]
    /// The tests, in file order.
    public var tests: [AlertTestCase]
    /// The file, relative to the config root.
    public var file: String

    /// Creates a test file.
    public init(ruleFiles: [Located<String>], tests: [AlertTestCase], file: String) {
        self.ruleFiles = ruleFiles
        self.tests = tests
        self.file = file
    }
}

/// One test: synthetic runs on a simulated clock and the expected alert states.
public struct AlertTestCase: Sendable, Hashable {
    /// The test name.
    public var name: Located<String>
    /// The default pipeline of the runs; nil uses the rules' pipeline.
    public var pipeline: String?
    /// The simulated cron interval (`alerts check` and `rollback check`); zero means none.
    public var evaluateEvery: ConfigDuration
    /// Finished runs, each possibly repeated.
    public var runs: [AlertTestRun]
    /// Candidate runs in flight during the test.
    public var inFlight: [AlertTestInFlight]
    /// Shadow comparisons.
    public var comparisons: [AlertTestComparison]
    /// Checks at given offsets.
    public var expect: [AlertTestExpectation]
    /// Where the test starts.
    public var location: SourceLocation

    /// Creates a test case.
    public init(
        name: Located<String>, pipeline: String?, evaluateEvery: ConfigDuration, runs: [AlertTestRun],
        inFlight: [AlertTestInFlight], comparisons: [AlertTestComparison], expect: [AlertTestExpectation],
        location: SourceLocation
    ) {
        self.name = name
        self.pipeline = pipeline
        self.evaluateEvery = evaluateEvery
        self.runs = runs
        self.inFlight = inFlight
        self.comparisons = comparisons
        self.expect = expect
        self.location = location
    }
}

/// How a synthetic run ended.
public enum AlertTestRunStatus: String, Sendable, Hashable, CaseIterable {
    case succeeded, failed, rejected, abandoned, blocked
}

/// A synthetic finished run (or `count` of them, `every` apart).
public struct AlertTestRun: Sendable, Hashable {
    /// Finish offset of the first run from the test start.
    public var at: ConfigDuration
    /// Spacing of repeated runs.
    public var every: ConfigDuration
    /// How many runs (default 1).
    public var count: Int
    /// Final status (`success: true` is `succeeded`, `success: false` is `failed`).
    public var status: AlertTestRunStatus
    /// Wall-clock duration of each run.
    public var duration: ConfigDuration
    /// Quality score, if any.
    public var quality: Double?
    /// Hard-gate codes reported by the validator.
    public var gates: [String]
    /// The run's pipeline; nil uses the test's.
    public var pipeline: String?
    /// `primary` (default) or `fallback`.
    public var role: RunRole
    /// Whether this candidate run started a fallback.
    public var fallback: Bool
    /// The creator, if the test cares.
    public var creator: String?

    /// Creates a synthetic run.
    public init(
        at: ConfigDuration, every: ConfigDuration, count: Int, status: AlertTestRunStatus, duration: ConfigDuration,
        quality: Double?, gates: [String], pipeline: String?, role: RunRole, fallback: Bool, creator: String?
    ) {
        self.at = at
        self.every = every
        self.count = count
        self.status = status
        self.duration = duration
        self.quality = quality
        self.gates = gates
        self.pipeline = pipeline
        self.role = role
        self.fallback = fallback
        self.creator = creator
    }
}

/// A candidate run that is `running` from `at` for `duration` (nil: to the end of the test).
public struct AlertTestInFlight: Sendable, Hashable {
    /// Start offset.
    public var at: ConfigDuration
    /// How long it runs; nil until the end of the test.
    public var duration: ConfigDuration?

    /// Creates an in-flight run.
    public init(at: ConfigDuration, duration: ConfigDuration?) {
        self.at = at
        self.duration = duration
    }
}

/// A shadow comparison created at an offset.
public struct AlertTestComparison: Sendable, Hashable {
    /// Creation offset.
    public var at: ConfigDuration
    /// `equivalent`, `v5_better`, `v4_better`, `v5_failed` or `control_failed`.
    public var recommendation: String

    /// Creates a comparison.
    public init(at: ConfigDuration, recommendation: String) {
        self.at = at
        self.recommendation = recommendation
    }
}

/// Expected states at one offset; nil fields are not checked.
public struct AlertTestExpectation: Sendable, Hashable {
    /// The offset checked.
    public var at: ConfigDuration
    /// Exactly the firing alerts.
    public var firing: [String]
    /// Exactly the pending alerts, when given.
    public var pending: [String]?
    /// The rollback controller state (`ACTIVE`, `DRAINING`, `DISABLED`), when given.
    public var rollbackState: String?
    /// The `(alert, state)` notifications since the previous check, in order, when given.
    public var notifications: [AlertTestNotification]?
    /// Where the expectation starts.
    public var location: SourceLocation

    /// Creates an expectation.
    public init(
        at: ConfigDuration, firing: [String], pending: [String]?, rollbackState: String?,
        notifications: [AlertTestNotification]?, location: SourceLocation
    ) {
        self.at = at
        self.firing = firing
        self.pending = pending
        self.rollbackState = rollbackState
        self.notifications = notifications
        self.location = location
    }
}

/// One expected notification.
public struct AlertTestNotification: Sendable, Hashable {
    /// The alert name.
    public var alert: String
    /// The state notified.
    public var state: AlertStateName

    /// Creates an expected notification.
    public init(alert: String, state: AlertStateName) {
        self.alert = alert
        self.state = state
    }
}
