import Foundation
import Testing
@testable import RunnerKit

@Suite("The alert state table of operations.md §7.2")
struct AlertStateMachineTests {
    static let t0 = MonitoringFixture.t0

    static func condition(
        hold: ConditionHold = .immediately, onNoData: NoDataPolicy = .hold, keep: ConfigDuration = .zero,
        clear: Double? = nil
    ) -> MetricCondition {
        MetricCondition(
            pipeline: Located("v5", at: .builtIn), metric: Located(.successRate, at: .builtIn), phase: nil,
            threshold: Threshold(.below, 0.9), window: .runs(20), hold: hold, minSamples: 5, onNoData: onNoData,
            keepFiringFor: keep, clearThreshold: clear, roles: [.primary, .fallback])
    }

    static func input(_ value: Double?, runs: Int = 20, newRun: Bool = true) -> AlertStateMachine.Input {
        .init(measurement: MetricMeasurement(metric: .successRate, value: value, samples: runs, runCount: runs),
              followsNewRun: newRun)
    }

    static func state(_ name: AlertStateName, activeAt: Date? = nil, lastTrue: Date? = nil, count: Int = 0) -> AlertRuleState {
        var s = AlertRuleState.initial(kind: .alert, name: "R", definitionHash: "h", severity: .warning, at: t0)
        s.state = name
        s.activeAt = activeAt
        s.lastTrueAt = lastTrue
        s.consecutiveCount = count
        return s
    }

    func at(_ minutes: Double) -> Date { Self.t0.addingTimeInterval(minutes * 60) }

    @Test("inactive or resolved and true without a hold goes straight to firing", arguments: [AlertStateName.inactive, .resolved])
    func immediateFire(from: AlertStateName) {
        let next = AlertStateMachine.next(Self.state(from), condition: Self.condition(), input: Self.input(0.5), at: at(1))
        #expect(next.state == .firing)
        #expect(next.firedAt == at(1))
        #expect(next.lastTrueAt == at(1))
    }

    @Test("true with a hold goes to pending with active_at now and a count of 1")
    func pendingOnHold() {
        for hold in [ConditionHold.duration(.minutes(5)), .consecutiveRuns(3)] {
            let next = AlertStateMachine.next(Self.state(.resolved), condition: Self.condition(hold: hold), input: Self.input(0.5), at: at(1))
            #expect(next.state == .pending)
            #expect(next.activeAt == at(1))
            #expect(next.consecutiveCount == 1)
        }
    }

    @Test("pending fires once for has elapsed since active_at, not before")
    func pendingForElapses() {
        let pending = Self.state(.pending, activeAt: at(0), count: 1)
        let condition = Self.condition(hold: .duration(.minutes(5)))
        #expect(AlertStateMachine.next(pending, condition: condition, input: Self.input(0.5), at: at(4.99)).state == .pending)
        #expect(AlertStateMachine.next(pending, condition: condition, input: Self.input(0.5), at: at(5)).state == .firing)
    }

    @Test("pending and false goes back to inactive, restarting for")
    func pendingFalse() {
        let next = AlertStateMachine.next(
            Self.state(.pending, activeAt: at(0), count: 2), condition: Self.condition(hold: .duration(.minutes(5))),
            input: Self.input(0.95), at: at(3))
        #expect(next.state == .inactive)
        #expect(next.activeAt == nil)
        #expect(next.consecutiveCount == 0)
    }

    @Test("consecutive_runs counts only evaluations after a new counted run")
    func consecutiveRuns() {
        let condition = Self.condition(hold: .consecutiveRuns(3))
        var s = Self.state(.pending, activeAt: at(0), count: 1)
        s = AlertStateMachine.next(s, condition: condition, input: Self.input(0.5, newRun: false), at: at(1))
        #expect(s.consecutiveCount == 1)
        s = AlertStateMachine.next(s, condition: condition, input: Self.input(0.5), at: at(2))
        #expect(s.state == .pending && s.consecutiveCount == 2)
        s = AlertStateMachine.next(s, condition: condition, input: Self.input(0.5), at: at(3))
        #expect(s.state == .firing)
    }

    @Test("firing and true stays firing and refreshes last_true_at")
    func firingTrue() {
        let next = AlertStateMachine.next(Self.state(.firing, lastTrue: at(0)), condition: Self.condition(), input: Self.input(0.5), at: at(2))
        #expect(next.state == .firing)
        #expect(next.lastTrueAt == at(2))
    }

    @Test("firing and false resolves only once keep_firing_for has elapsed since last_true_at")
    func keepFiringFor() {
        let firing = Self.state(.firing, lastTrue: at(0))
        let condition = Self.condition(keep: .minutes(10))
        #expect(AlertStateMachine.next(firing, condition: condition, input: Self.input(0.95), at: at(9)).state == .firing)
        let resolved = AlertStateMachine.next(firing, condition: condition, input: Self.input(0.95), at: at(10))
        #expect(resolved.state == .resolved)
        #expect(resolved.resolvedAt == at(10))
        #expect(AlertStateMachine.next(resolved, condition: condition, input: Self.input(0.95), at: at(11)).state == .resolved)
    }

    @Test("with a clear threshold a firing rule stays true until the value reaches it")
    func clearThreshold() {
        let firing = Self.state(.firing, lastTrue: at(0))
        let condition = Self.condition(clear: 0.95)
        #expect(AlertStateMachine.next(firing, condition: condition, input: Self.input(0.92), at: at(1)).state == .firing)
        #expect(AlertStateMachine.next(firing, condition: condition, input: Self.input(0.95), at: at(1)).state == .resolved)
        // Not firing: the ordinary threshold applies.
        #expect(AlertStateMachine.next(Self.state(.inactive), condition: condition, input: Self.input(0.92), at: at(1)).state == .inactive)
    }

    @Test("no data: hold changes nothing, ok is false, fire is true")
    func noData() {
        let pending = Self.state(.pending, activeAt: at(0), count: 2)
        let hold = AlertStateMachine.next(pending, condition: Self.condition(hold: .consecutiveRuns(3)), input: Self.input(0.5, runs: 4), at: at(1))
        #expect(hold.state == .pending && hold.consecutiveCount == 2 && hold.activeAt == at(0))
        let ok = AlertStateMachine.next(Self.state(.firing, lastTrue: at(0)), condition: Self.condition(onNoData: .ok), input: Self.input(nil, runs: 0), at: at(1))
        #expect(ok.state == .resolved)
        let fire = AlertStateMachine.next(Self.state(.inactive), condition: Self.condition(onNoData: .fire), input: Self.input(nil, runs: 0), at: at(1))
        #expect(fire.state == .firing)
    }
}
