import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rollback controller of operations.md §8: ACTIVE → DRAINING → DISABLED and back by restore.
/// Every state change is one `BEGIN IMMEDIATE` transaction that re-reads the row, writes a
/// `rollback_events` row and an audit row; all timing comes from persisted timestamps.
public struct RollbackController: Sendable {
    /// The database.
    public var storage: Storage
    /// Pipelines, policy and defaults.
    public var settings: RollbackSettings
    /// The runner clock (EROS_NOW aware).
    public var clock: RunnerClock
    /// Where trigger metrics and snapshots come from.
    public var metrics: any RollbackMetricSource
    /// `eros.rollback`.
    public var logger: Logger
    /// The in-flight check.
    public var inFlight: RollbackInFlight
    /// How often a drain re-counts in-flight runs.
    public var pollInterval: Duration

    /// Creates a controller; `metrics` defaults to monitoring's `MetricsReader`.
    public init(
        storage: Storage, settings: RollbackSettings, clock: RunnerClock, metrics: (any RollbackMetricSource)? = nil,
        logger: Logger = Logger(label: "eros.rollback"), inFlight: RollbackInFlight = RollbackInFlight(),
        pollInterval: Duration = .milliseconds(500)
    ) {
        self.storage = storage
        self.settings = settings
        self.clock = clock
        self.metrics = metrics ?? RollbackMetricsReading(storage: storage, candidate: settings.candidate)
        self.logger = logger
        self.inFlight = inFlight
        self.pollInterval = pollInterval
    }

    /// The actor of automatic work in audit rows: `runner@<host>:<pid>`.
    public var automaticActor: String { "runner@\(inFlight.host):\(getpid())" }

    /// The current `rollback_state` row.
    public func status() throws -> RollbackStateRecord {
        try storage.rolloutSnapshot { try $0.rollbackState() }
    }

    /// Every rollback event, newest first.
    public func history(limit: Int? = nil) throws -> [RollbackEventRecord] {
        try storage.rolloutSnapshot { try $0.rollbackEvents(limit: limit) }
    }

    /// The number of candidate runs in flight now.
    public func inFlightCount() throws -> Int {
        let running = try storage.rolloutSnapshot { try $0.runningRuns(pipeline: settings.candidate) }
        return inFlight.inFlight(running, at: clock.now()).count
    }

    /// `runner rollback trigger --reason TEXT`: a manual rollback, drained before returning.
    /// A blank reason is refused (exit 2); while DRAINING or DISABLED nothing changes.
    public func trigger(
        reason: String?, initiatedBy: String, drainTimeout: ConfigDuration? = nil
    ) async throws -> RollbackOutcome {
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            throw RollbackError.missingReason(command: "trigger")
        }
        return try await rollBack(
            reason: reason, initiatedBy: initiatedBy, actor: initiatedBy, trigger: nil, evaluation: nil,
            drainTimeout: drainTimeout ?? settings.drainTimeout)
    }

    /// Starts a drain (unless already rolled back), waits for in-flight candidate runs and writes DISABLED.
    func rollBack(
        reason: String, initiatedBy: String, actor: String, trigger: String?, evaluation: TriggerEvaluation?,
        drainTimeout: ConfigDuration
    ) async throws -> RollbackOutcome {
        if let recovered = try completeStaleDrain() {
            return RollbackOutcome(state: try status(), events: [recovered], alreadyRolledBack: true)
        }
        let snapshotBase = try status()
        let snapshot = RollbackMetricsSnapshot(settings: settings, metrics: metrics).take(
            epochStartedAt: Timestamp.parse(snapshotBase.epochStartedAt) ?? clock.now(), at: clock.now(),
            trigger: evaluation)
        let started: (RollbackStateRecord, RollbackEventRecord?) = try storage.rolloutTransaction { db in
            let current = try db.rollbackState()
            guard current.state == .active else { return (current, nil) }
            let now = Timestamp.string(clock.now())
            let count = inFlight.inFlight(try db.runningRuns(pipeline: settings.candidate), at: clock.now()).count
            var next = current
            next.state = .draining
            next.since = now
            next.reason = reason
            next.initiatedBy = initiatedBy
            next.trigger = trigger
            guard try db.replaceRollbackState(next, expecting: current) else { return (try db.rollbackState(), nil) }
            var event = RollbackEventRecord(
                at: now, event: .drainStarted, fromState: .active, toState: .draining, reason: reason,
                initiatedBy: initiatedBy, trigger: trigger, metricsSnapshot: snapshot, inFlightAtStart: count)
            event.eventId = try db.insertRollbackEvent(event, actor: actor, before: current, after: next)
            return (next, event)
        }
        guard let drainEvent = started.1 else {
            return RollbackOutcome(state: started.0, events: [], alreadyRolledBack: true)
        }
        logger.warning(
            "drain started", metadata: ["reason": "\(reason)", "initiated_by": "\(initiatedBy)",
                                        "trigger": "\(trigger ?? "-")", "in_flight": "\(drainEvent.inFlightAtStart ?? 0)"])
        let remaining = try await waitForDrain(since: started.0.since, timeout: drainTimeout)
        let disabled = try finishDrain(
            expecting: started.0, inFlightAtStart: drainEvent.inFlightAtStart ?? 0, remaining: remaining,
            snapshot: snapshot, actor: actor, recovered: false)
        var events = [drainEvent]
        if let disabled { events.append(disabled) }
        return RollbackOutcome(state: try status(), events: events, alreadyRolledBack: false)
    }

    /// Polls until no candidate run is in flight or `timeout` has passed since the drain began;
    /// returns how many are still in flight.
    func waitForDrain(since: String, timeout: ConfigDuration) async throws -> Int {
        let start = Timestamp.parse(since) ?? clock.now()
        while true {
            let count = try inFlightCount()
            if count == 0 { return 0 }
            if clock.now().timeIntervalSince(start) * 1000 >= Double(timeout.milliseconds) { return count }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Writes DISABLED if the row still holds the drain `expecting`; nil when another process did.
    func finishDrain(
        expecting drain: RollbackStateRecord, inFlightAtStart: Int, remaining: Int, snapshot: ToolValue?,
        actor: String, recovered: Bool
    ) throws -> RollbackEventRecord? {
        let event: RollbackEventRecord? = try storage.rolloutTransaction { db in
            let current = try db.rollbackState()
            guard current.state == .draining, current.since == drain.since else { return nil }
            let nowDate = clock.now()
            let now = Timestamp.string(nowDate)
            var next = current
            next.state = .disabled
            next.since = now
            let began = Timestamp.parse(current.since) ?? nowDate
            var event = RollbackEventRecord(
                at: now, event: .disabled, fromState: .draining, toState: .disabled, reason: current.reason,
                initiatedBy: current.initiatedBy, trigger: current.trigger, metricsSnapshot: snapshot,
                drainMs: Int64((nowDate.timeIntervalSince(began) * 1000).rounded()), inFlightAtStart: inFlightAtStart,
                inFlightRemaining: remaining, recovered: recovered)
            guard try db.replaceRollbackState(next, expecting: current) else { return nil }
            event.eventId = try db.insertRollbackEvent(event, actor: actor, before: current, after: next)
            return event
        }
        if let event {
            logger.critical(
                "\(settings.candidate) disabled", metadata: [
                    "reason": "\(event.reason)", "initiated_by": "\(event.initiatedBy)",
                    "trigger": "\(event.trigger ?? "-")", "drain_ms": "\(event.drainMs ?? 0)",
                    "in_flight_remaining": "\(remaining)", "recovered": "\(recovered)",
                ])
        }
        return event
    }

    /// Completes a drain whose process died: DRAINING found more than drain_timeout + 30 s after it
    /// began becomes DISABLED with `recovered: true`. Every rollback entry point calls this first;
    /// routing may too. Returns the event when this invocation completed it.
    @discardableResult
    public func completeStaleDrain() throws -> RollbackEventRecord? {
        let current = try status()
        guard current.state == .draining, let began = Timestamp.parse(current.since) else { return nil }
        let limit = Double(settings.drainTimeout.milliseconds) / 1000 + RollbackInFlight.heartbeatLimit
        guard clock.now().timeIntervalSince(began) > limit else { return nil }
        let start = try history(limit: 10).first { $0.event == .drainStarted && $0.at == current.since }
        logger.warning("completing a drain left by a process that died", metadata: ["since": "\(current.since)"])
        return try finishDrain(
            expecting: current, inFlightAtStart: start?.inFlightAtStart ?? 0, remaining: try inFlightCount(),
            snapshot: start?.metricsSnapshot, actor: automaticActor, recovered: true)
    }
}
