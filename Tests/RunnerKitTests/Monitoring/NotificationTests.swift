import Foundation
import Testing
@testable import RunnerKit

@Suite("Notifications: webhook and command delivery")
struct NotificationTests {
    /// Short waits; a generous timeout so a busy machine does not turn answers into timeouts.
    static let fastWebhook = WebhookPolicy(timeout: .seconds(10), backoff: [.milliseconds(50), .milliseconds(100)])
    /// For the endpoint that never answers.
    static let timingOut = WebhookPolicy(timeout: .milliseconds(400), backoff: [.milliseconds(50), .milliseconds(100)])

    /// A database with a firing rule whose transition is returned, and the configuration.
    func firingTransition(notifiers: String, in dir: TempDirectory) throws -> (Storage, LoadedConfig, [AlertTransition]) {
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { _ in "failed" }))
        let config = MonitoringFixture.config(alerts: MonitoringFixture.rule("""
            metric: success_rate
            below: 0.9
            window: 10 runs
            severity: critical
            action: Page
            """, notifiers: notifiers))
        #expect(config.isValid, "\(config.blockingErrors)")
        let transitions = try AlertEvaluator(storage: storage, config: config).evaluateAll(at: MonitoringFixture.t0)
        #expect(transitions.map(\.toState) == [.firing])
        return (storage, config, transitions)
    }

    func dispatcher(
        _ storage: Storage, _ config: LoadedConfig, environment: [String: String] = [:], policy: WebhookPolicy = fastWebhook
    ) -> NotificationDispatcher {
        NotificationDispatcher(
            storage: storage, notifiers: config.alerts.notifiers, environment: environment,
            configRoot: MonitoringFixture.repositoryRoot, clock: .system, webhookPolicy: policy)
    }

    static func webhook(_ url: String) -> String {
        """
        notifiers:
          - name: hook
            type: webhook
            url: \(url)
        """
    }

    @Test("a webhook answering 500 gets three attempts, all recorded, and the caller carries on")
    func webhookServerError() async throws {
        let server = try LoopbackHTTPServer(.status(500))
        defer { server.stop() }
        let dir = TempDirectory()
        let (storage, config, transitions) = try firingTransition(notifiers: Self.webhook(server.url), in: dir)
        let reports = await dispatcher(storage, config).dispatch(transitions)
        #expect(server.requestCount == 3)
        #expect(reports.first?.outcome == "failed")
        #expect(reports.first?.attempts.map(\.httpStatus) == [500, 500, 500])
        let id = try #require(transitions.first?.event.eventId)
        #expect(try storage.notificationAttempts(eventIds: [id])[id]?.count == 3)
        #expect(try storage.alertEvents(since: nil, rule: nil).first?.notificationOutcome == "failed")
        let body = try #require(server.receivedBodies.first.flatMap(ToolValue.parse))
        #expect(body["alert"] == "T_RULE")
        #expect(body["state"] == "firing")
    }

    @Test("a webhook that never answers times out three times")
    func webhookTimeout() async throws {
        let server = try LoopbackHTTPServer(.hang)
        defer { server.stop() }
        let dir = TempDirectory()
        let (storage, config, transitions) = try firingTransition(notifiers: Self.webhook(server.url), in: dir)
        let reports = await dispatcher(storage, config, policy: Self.timingOut).dispatch(transitions)
        #expect(reports.first?.attempts.count == 3)
        #expect(reports.first?.attempts.allSatisfy { !$0.delivered && $0.httpStatus == nil && $0.error != nil } == true)
        #expect(reports.first?.outcome == "failed")
    }

    @Test("a 404 is not retried and a 200 is delivered once", arguments: [(404, 1, "failed"), (200, 1, "delivered")])
    func webhookStatuses(status: Int, attempts: Int, outcome: String) async throws {
        let server = try LoopbackHTTPServer(.status(status))
        defer { server.stop() }
        let dir = TempDirectory()
        let (storage, config, transitions) = try firingTransition(notifiers: Self.webhook(server.url), in: dir)
        let reports = await dispatcher(storage, config).dispatch(transitions)
        #expect(server.requestCount == attempts)
        #expect(reports.first?.outcome == outcome)
    }

    @Test("a command notifier that hangs is killed at its timeout")
    func commandTimeout() async throws {
        let dir = TempDirectory()
        let (storage, config, transitions) = try firingTransition(notifiers: """
            notifiers:
              - name: pager
                type: command
                command: [/bin/sleep, "30"]
                timeout: 300ms
            """, in: dir)
        // `sleep 30` left alone would exit 0 and count as delivered; killed, it is a failure.
        let reports = await dispatcher(storage, config).dispatch(transitions)
        #expect(reports.first?.outcome == "failed")
        #expect(reports.first?.attempts.first?.error?.contains("killed after timeout") == true)
    }

    @Test("a command notifier gets the alert JSON on stdin and the name and state in its environment")
    func commandDelivery() async throws {
        let dir = TempDirectory()
        let output = dir.path("notified.txt")
        let (storage, config, transitions) = try firingTransition(notifiers: """
            notifiers:
              - name: pager
                type: command
                command: [/bin/sh, -c, 'cat > "$0"; echo " $EROS_ALERT_NAME $EROS_ALERT_STATE" >> "$0"', \(output)]
                severities: [critical]
            """, in: dir)
        let reports = await dispatcher(storage, config, environment: ["PATH": "/usr/bin:/bin"]).dispatch(transitions)
        #expect(reports.first?.outcome == "delivered")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasSuffix(" T_RULE firing\n"))
        let json = try #require(ToolValue.parse(String(text.dropLast(" T_RULE firing\n".count))))
        #expect(json["severity"] == "critical")
        #expect(json["text"]?.stringValue?.hasPrefix("[FIRING] T_RULE (critical): v5 success_rate 0.00 < 0.90") == true)
    }

    @Test("notifiers filter by severity and state")
    func filters() throws {
        let dir = TempDirectory()
        let (storage, config, transitions) = try firingTransition(notifiers: """
            notifiers:
              - name: warnings-only
                type: command
                command: [/bin/true]
                severities: [warning]
              - name: pending-only
                type: command
                command: [/bin/true]
                states: [pending]
              - name: all
                type: command
                command: [/bin/true]
            """, in: dir)
        #expect(dispatcher(storage, config).matching(transitions[0]).map(\.name.value) == ["all"])
    }
}

@Suite("The alert monitor entry point of execute")
struct AlertMonitorTests {
    @Test("evaluate(after:) evaluates only the run's pipeline and notify delivers what it committed")
    func evaluateAfterRunThenNotify() async throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let runs = MonitoringFixture.runs(10, status: { _ in "failed" })
        try storage.insertSyntheticRuns(runs)
        let config = MonitoringFixture.config(alerts: MonitoringFixture.rule("""
            metric: success_rate
            below: 0.9
            window: 10 runs
            severity: warning
            action: Look
            """, notifiers: """
            notifiers:
              - name: ok
                type: command
                command: [/bin/true]
            """))
        let clock = RunnerClock(startingAt: MonitoringFixture.t0)
        let monitor = AlertMonitor(storage: storage, config: config, environment: [:], clock: clock)
        let control = FinishedRunReference(runId: "c", pipeline: "v4", role: "primary", status: "succeeded", readOnly: false)
        #expect(try monitor.evaluate(after: control).isEmpty)
        let reports = try await monitor.evaluateAndNotify(after: MonitoringFixture.reference(runs.last!))
        #expect(reports.map(\.outcome) == ["delivered"])
        #expect(try storage.alertEvents(since: nil, rule: nil).map(\.notificationOutcome) == ["delivered"])
    }
}
