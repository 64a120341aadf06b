extension ConfigDecoder {
    static let alertTestKeys = ["version", "kind", "rule_files", "tests"]
    static let testCaseKeys = ["name", "pipeline", "evaluate_every", "runs", "in_flight", "comparisons", "expect"]
    static let testRunKeys = [
        "at", "every", "count", "success", "status", "duration", "quality", "gates", "pipeline", "role", "fallback", "creator",
    ]
    static let expectKeys = ["at", "firing", "pending", "rollback_state", "notifications"]

    /// Decodes a `kind: alert_test` file.
    mutating func alertTest(_ root: ConfigNode, file: String) -> AlertTestFile? {
        guard let fields = mapping(root, known: Self.alertTestKeys, in: "alert test file") else { return nil }
        let ruleFiles = required(fields, "rule_files").flatMap { stringList($0, key: "rule_files") } ?? []
        let tests = required(fields, "tests").flatMap { list($0, key: "tests") { d, n in d.alertTestCase(n) } } ?? []
        return AlertTestFile(ruleFiles: ruleFiles, tests: tests, file: file)
    }

    private mutating func alertTestCase(_ node: ConfigNode) -> AlertTestCase? {
        let nameText = node.entries?.first { $0.key == "name" }?.value.scalarText
        let what = nameText.map { "test '\($0)'" } ?? "test"
        guard let fields = mapping(node, known: Self.testCaseKeys, in: what) else { return nil }
        let name = required(fields, "name").flatMap { locatedString($0, key: "name") }
        let pipeline = fields["pipeline"].flatMap { string($0, key: "pipeline") }
        let every = fields["evaluate_every"].flatMap { duration($0, key: "evaluate_every") } ?? ConfigDefaults.evaluateEvery
        let runs = fields["runs"].flatMap { list($0, key: "runs") { d, n in d.alertTestRun(n) } } ?? []
        let inFlight = fields["in_flight"].flatMap {
            list($0, key: "in_flight") { d, n -> AlertTestInFlight? in
                guard let f = d.mapping(n, known: ["at", "duration"], in: "in_flight entry"),
                    let at = d.required(f, "at").flatMap({ d.duration($0, key: "at") })
                else { return nil }
                return AlertTestInFlight(at: at, duration: f["duration"].flatMap { d.duration($0, key: "duration") })
            }
        } ?? []
        let comparisons = fields["comparisons"].flatMap {
            list($0, key: "comparisons") { d, n -> AlertTestComparison? in
                guard let f = d.mapping(n, known: ["at", "recommendation"], in: "comparison"),
                    let at = d.required(f, "at").flatMap({ d.duration($0, key: "at") }),
                    let recommendation = d.required(f, "recommendation").flatMap({ d.string($0, key: "recommendation") })
                else { return nil }
                return AlertTestComparison(at: at, recommendation: recommendation)
            }
        } ?? []
        let expect = fields["expect"].flatMap { list($0, key: "expect") { d, n in d.alertTestExpectation(n) } } ?? []
        guard let name else { return nil }
        return AlertTestCase(
            name: name, pipeline: pipeline, evaluateEvery: every, runs: runs, inFlight: inFlight,
            comparisons: comparisons, expect: expect, location: node.location)
    }

    private mutating func alertTestRun(_ node: ConfigNode) -> AlertTestRun? {
        guard let fields = mapping(node, known: Self.testRunKeys, in: "run") else { return nil }
        let at = required(fields, "at").flatMap { self.duration($0, key: "at") }
        let every = fields["every"].flatMap { self.duration($0, key: "every") } ?? .zero
        let count = fields["count"].flatMap { int($0, key: "count", range: 1...100_000) } ?? 1
        var status = AlertTestRunStatus.succeeded
        switch (fields["success"], fields["status"]) {
        case (.some, .some):
            error("C004", "a run takes 'success' or 'status', not both", at: fields.keyLocation("status"))
        case (let node?, nil):
            status = bool(node, key: "success") == false ? .failed : .succeeded
        case (nil, let node?):
            status = choice(node, key: "status", as: AlertTestRunStatus.self) ?? .succeeded
        case (nil, nil): break
        }
        let duration = required(fields, "duration").flatMap { self.duration($0, key: "duration") }
        let quality = fields["quality"].flatMap { number($0, key: "quality") }
        let gates = fields["gates"].flatMap { stringList($0, key: "gates") }?.map(\.value) ?? []
        let pipeline = fields["pipeline"].flatMap { string($0, key: "pipeline") }
        let role = fields["role"].flatMap { choice($0, key: "role", as: RunRole.self) } ?? .primary
        let fallback = fields["fallback"].flatMap { bool($0, key: "fallback") } ?? false
        let creator = fields["creator"].flatMap { string($0, key: "creator") }
        guard let at, let duration else { return nil }
        return AlertTestRun(
            at: at, every: every, count: count, status: status, duration: duration, quality: quality, gates: gates,
            pipeline: pipeline, role: role, fallback: fallback, creator: creator)
    }

    private mutating func alertTestExpectation(_ node: ConfigNode) -> AlertTestExpectation? {
        guard let fields = mapping(node, known: Self.expectKeys, in: "expect entry") else { return nil }
        let at = required(fields, "at").flatMap { duration($0, key: "at") }
        let firing = required(fields, "firing").flatMap { stringList($0, key: "firing") }?.map(\.value) ?? []
        let pending = fields["pending"].flatMap { stringList($0, key: "pending") }?.map(\.value)
        var rollbackState: String?
        if let node = fields["rollback_state"], let text = string(node, key: "rollback_state") {
            if ["ACTIVE", "DRAINING", "DISABLED"].contains(text) {
                rollbackState = text
            } else {
                error("C004", "'\(text)' is not a rollback state (ACTIVE, DRAINING, DISABLED)", at: node.location)
            }
        }
        let notifications = fields["notifications"].flatMap {
            list($0, key: "notifications") { d, n -> AlertTestNotification? in
                guard let f = d.mapping(n, known: ["alert", "state"], in: "notification"),
                    let alert = d.required(f, "alert").flatMap({ d.string($0, key: "alert") }),
                    let state = d.required(f, "state").flatMap({ d.choice($0, key: "state", as: AlertStateName.self) })
                else { return nil }
                return AlertTestNotification(alert: alert, state: state)
            }
        }
        guard let at else { return nil }
        return AlertTestExpectation(
            at: at, firing: firing, pending: pending, rollbackState: rollbackState, notifications: notifications,
            location: node.location)
    }
}
