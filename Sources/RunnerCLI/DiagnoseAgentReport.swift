import RunnerKit

/// The JSON document of `runner diagnose agent`.
struct DiagnoseAgentReport: Encodable {
    var creatorId: String
    var weekStart: String
    var agents: [AgentBackendProbeResult]
    var conforming: Int

    enum CodingKeys: String, CodingKey {
        case creatorId = "creator_id", weekStart = "week_start", agents, conforming
    }
}

/// Why no probe could be built.
enum DiagnoseAgentError: RunnerError {
    case noActiveCreator(String?)

    var code: String { "NO_PROBE_CREATOR" }
    var exitStatus: ExitStatus { .negative }
    var description: String {
        switch self {
        case .noActiveCreator(let detail):
            "no active creator to build the probe context from" + (detail.map { ": \($0)" } ?? "")
        }
    }
}
