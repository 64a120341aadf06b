import Foundation

/// One `kind: alert_test` test run on a simulated clock against a throwaway database: synthetic
/// runs and comparisons, the real `AlertEvaluator`, rollback triggers and a simulated rollback
/// controller (drain waits for `in_flight` runs up to `drain_timeout`).
struct AlertTestSimulation {
    /// The instant offset 0 of every test maps to.
    static let start = Timestamp.parse("2026-01-05T00:00:00Z")!

    let test: AlertTestCase
    let config: LoadedConfig
    let storage: Storage

    private enum Step: Comparable {
        // Order at equal times: runs finish, then cron evaluations, then checks.
        case run(Int), tick, expect(Int)

        var rank: Int {
            switch self {
            case .run: 0
            case .tick: 1
            case .expect: 2
            }
        }
        static func < (a: Step, b: Step) -> Bool { a.rank < b.rank }
    }

    private struct Drain {
        var startedAt: Date
        var endsAt: Date
        var trigger: String
    }

    /// Runs the test; returns one message per failed expectation.
    func run() throws -> [String] {
        let candidate = MetricScope.candidate(in: config)
        let control = config.rollout?.control.value ?? "v4"
        let defaultPipeline = test.pipeline ?? candidate ?? config.alerts.rules.first?.pipeline.value ?? "v5"
        var runs: [SyntheticRun] = []
        for spec in test.runs {
            for i in 0..<max(spec.count, 1) {
                let finished = Self.start.addingTimeInterval(spec.at.seconds + Double(i) * spec.every.seconds)
                runs.append(SyntheticRun(
                    pipeline: spec.pipeline ?? defaultPipeline, role: spec.role.rawValue, status: spec.status.rawValue,
                    startedAt: finished.addingTimeInterval(-spec.duration.seconds), finishedAt: finished,
                    qualityScore: spec.quality, gateCodes: spec.gates, creatorId: spec.creator ?? "synthetic",
                    startedFallback: spec.fallback))
            }
        }
        try storage.setSimulatedEpoch(Self.start.addingTimeInterval(-86_400 * 365))
        try storage.insertSyntheticRuns(runs, fallbackPipeline: control)
        for comparison in test.comparisons {
            try storage.insertSyntheticComparison(
                createdAt: Self.start.addingTimeInterval(comparison.at.seconds),
                recommendation: comparison.recommendation, pipelines: (control, candidate ?? defaultPipeline))
        }
        let lastExpect = test.expect.map(\.at.seconds).max() ?? 0
        let lastRun = runs.compactMap { $0.finishedAt?.timeIntervalSince(Self.start) }.max() ?? 0
        let end = max(lastExpect, lastRun)
        var timeline: [(TimeInterval, Step)] = runs.enumerated().map {
            ($0.element.finishedAt!.timeIntervalSince(Self.start), .run($0.offset))
        }
        if test.evaluateEvery.milliseconds > 0 {
            var t = 0.0
            while t <= end {
                timeline.append((t, .tick))
                t += test.evaluateEvery.seconds
            }
        }
        timeline += test.expect.enumerated().map { ($0.element.at.seconds, .expect($0.offset)) }

        let evaluator = AlertEvaluator(storage: storage, config: config, actor: "runner test alerts")
        let policy = candidate.flatMap { config.rollback[$0] } ?? config.rollback.values.first
        var rollbackState = "ACTIVE"
        var drain: Drain?
        var sent: [AlertTestNotification] = []
        var failures: [String] = []

        func handle(_ transitions: [AlertTransition], at now: Date) throws {
            for t in transitions where t.event.kind == .alert && notifies(t) {
                sent.append(AlertTestNotification(alert: t.name, state: t.toState))
            }
            guard let policy, rollbackState == "ACTIVE", policy.automatic else { return }
            if let fired = transitions.first(where: { $0.event.kind == .trigger && $0.toState == .firing }) {
                rollbackState = "DRAINING"
                try storage.setSimulatedRollbackState(
                    "DRAINING", at: now, reason: "trigger \(fired.name) fired", initiatedBy: "automatic",
                    trigger: fired.name, drainMs: nil)
                drain = Drain(startedAt: now, endsAt: drainEnd(from: now, timeout: policy.drainTimeout), trigger: fired.name)
                if drain!.endsAt <= now { try finishDrain(at: now) }
            }
        }
        func finishDrain(at now: Date) throws {
            guard let current = drain else { return }
            drain = nil
            rollbackState = "DISABLED"
            try storage.setSimulatedRollbackState(
                "DISABLED", at: now, reason: "trigger \(current.trigger) fired", initiatedBy: "automatic",
                trigger: current.trigger, drainMs: Int(now.timeIntervalSince(current.startedAt) * 1000))
            try handle(try evaluator.evaluateEventRules(at: now), at: now)
        }

        var index = 0
        let sorted = timeline.enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0
                : a.element.1 != b.element.1 ? a.element.1 < b.element.1 : a.offset < b.offset
        }.map(\.element)
        while index < sorted.count {
            let (offset, step) = sorted[index]
            let now = Self.start.addingTimeInterval(offset)
            if let pending = drain, pending.endsAt <= now {
                try finishDrain(at: pending.endsAt)
                continue
            }
            index += 1
            switch step {
            case .run(let i):
                let run = runs[i]
                let reference = FinishedRunReference(
                    runId: run.runId, pipeline: run.pipeline, role: run.role, status: run.status, readOnly: false)
                try handle(try evaluator.evaluate(after: reference, at: now), at: now)
                if let policy, run.pipeline == policy.pipeline.value, rollbackState == "ACTIVE", policy.automatic {
                    try handle(try evaluator.evaluateTriggers(of: policy, after: reference, at: now), at: now)
                }
            case .tick:
                try handle(try evaluator.evaluateAll(at: now), at: now)
                if let policy, rollbackState == "ACTIVE", policy.automatic {
                    try handle(try evaluator.evaluateTriggers(of: policy, after: nil, at: now), at: now)
                }
            case .expect(let i):
                failures += try check(test.expect[i], rollbackState: rollbackState, sent: sent)
                sent = []
            }
        }
        return failures
    }

    /// When a drain started at `now` ends: when the last in-flight run running then finishes, or
    /// at the drain timeout, whichever is first.
    private func drainEnd(from now: Date, timeout: ConfigDuration) -> Date {
        let limit = now.addingTimeInterval(timeout.seconds)
        var end = now
        for run in test.inFlight {
            let started = Self.start.addingTimeInterval(run.at.seconds)
            guard started <= now else { continue }
            guard let duration = run.duration else { return limit }
            let finished = started.addingTimeInterval(duration.seconds)
            if finished > now { end = max(end, finished) }
        }
        return min(end, limit)
    }

    /// Whether a transition would be sent: by a matching notifier, or with none declared, the
    /// default notifier states (firing, resolved).
    private func notifies(_ t: AlertTransition) -> Bool {
        let notifiers = config.alerts.notifiers
        guard !notifiers.isEmpty else { return ConfigDefaults.notifierStates.contains(t.toState) }
        return notifiers.contains { n in
            n.states.contains(t.toState) && (t.event.severity.map { n.severities.contains($0) } ?? true)
        }
    }

    private func check(_ e: AlertTestExpectation, rollbackState: String, sent: [AlertTestNotification]) throws
        -> [String]
    {
        let states = try storage.alertStates(kind: .alert)
        let firing = states.filter { $0.state == .firing }.map(\.ruleName).sorted()
        let pending = states.filter { $0.state == .pending }.map(\.ruleName).sorted()
        let at = "at \(e.at)"
        var failures: [String] = []
        func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }
        if e.firing.sorted() != firing {
            failures.append("\(at): expected firing \(list(e.firing)), got \(list(firing))")
        }
        if let expected = e.pending, expected.sorted() != pending {
            failures.append("\(at): expected pending \(list(expected)), got \(list(pending))")
        }
        if let expected = e.rollbackState, expected != rollbackState {
            failures.append("\(at): expected rollback_state \(expected), got \(rollbackState)")
        }
        if let expected = e.notifications, expected != sent {
            func show(_ n: [AlertTestNotification]) -> String { list(n.map { "\($0.alert) \($0.state.rawValue)" }) }
            failures.append("\(at): expected notifications \(show(expected)), got \(show(sent))")
        }
        return failures
    }
}
