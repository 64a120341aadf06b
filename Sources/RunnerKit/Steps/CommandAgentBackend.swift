import Foundation

/// The `backend: command` agent backend (config.md §3): each attempt runs the configured
/// program with no shell, in its own process group, with the protocol request on stdin, and
/// treats its stdout as untrusted until it passes the role's schema.
///
/// The environment is inherited as it is (API keys included) and is never logged.
public struct CommandAgentBackend: Sendable {
    /// The agent as declared.
    public var agent: AgentDefinition
    /// The config root: prompt files and a relative program path (`agents/x.py`) resolve here.
    public var configRoot: URL
    /// Time between SIGTERM and SIGKILL when an attempt is stopped.
    public var killGrace: Duration
    /// The stdout cap (8 MiB by the protocol; smaller only in tests).
    public var outputLimit: Int

    /// Creates the backend for one declared `command` agent.
    public init(
        agent: AgentDefinition, configRoot: URL, killGrace: Duration = .seconds(2),
        outputLimit: Int = AgentProcess.protocolOutputLimit
    ) {
        self.agent = agent
        self.configRoot = configRoot
        self.killGrace = killGrace
        self.outputLimit = outputLimit
    }

    /// The agent's name.
    public var name: String { agent.name.value }

    /// The attempt timeout: the phase's, or the agent's own `timeout` when that is shorter.
    public func effectiveTimeout(phaseTimeout: Duration) -> Duration {
        guard let own = agent.timeout?.duration else { return phaseTimeout }
        return min(own, phaseTimeout)
    }

    /// The argv: `{model}` replaced by the phase's model, a relative program path containing
    /// `/` resolved against the config root (a bare name is looked up on PATH).
    public func arguments(model: String?) throws(AgentProtocolError) -> [String] {
        guard var program = agent.command.first, !program.isEmpty else {
            throw .cannotStart(agent: name, detail: "its command is empty")
        }
        if agent.usesModelPlaceholder, model == nil {
            throw .cannotStart(agent: name, detail: "its command uses {model} but the phase sets no with.model")
        }
        if program.contains("/"), !program.hasPrefix("/") {
            program = configRoot.appendingPathComponent(program).standardizedFileURL.path
        }
        let rest = agent.command.dropFirst().map { $0.replacingOccurrences(of: "{model}", with: model ?? "") }
        return [program.replacingOccurrences(of: "{model}", with: model ?? "")] + rest
    }

    /// The prompt file's contents, or nil when the agent has none.
    public func promptText() throws(AgentProtocolError) -> String? {
        guard let prompt = agent.prompt?.value else { return nil }
        let url = configRoot.appendingPathComponent(prompt)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .cannotStart(agent: name, detail: "cannot read its prompt file \(prompt)")
        }
    }

    /// Runs one attempt: sends `request` (its prompt filled from the agent's prompt file) and
    /// returns the schema-checked response.
    ///
    /// Throws `AgentProtocolError` (AGENT_FAILED, AGENT_OUTPUT_INVALID, PHASE_TIMEOUT), or
    /// `CancellationError` when the calling task was cancelled (the group is killed first).
    public func run(_ request: AgentProtocolRequest, timeout phaseTimeout: Duration) async throws
        -> AgentProtocolResponse
    {
        var request = request
        request.prompt = try promptText()
        let timeout = effectiveTimeout(phaseTimeout: phaseTimeout)
        let process = AgentProcess(
            arguments: try arguments(model: request.model), input: request.stdinBytes, timeout: timeout,
            killGrace: killGrace, outputLimit: outputLimit)
        let outcome = await process.run()
        switch outcome.termination {
        case .cancelled:
            throw CancellationError()
        case .couldNotStart(_, let message):
            throw AgentProtocolError.cannotStart(agent: name, detail: message)
        case .timedOut:
            throw AgentProtocolError.timedOut(
                agent: name, timeoutMs: timeout.wholeMilliseconds, stderr: outcome.stderrTail)
        case .outputTooLarge:
            throw AgentProtocolError.outputTooLarge(agent: name, limit: outputLimit)
        case .signaled(let signal):
            throw AgentProtocolError.killedBySignal(agent: name, signal: signal, stderr: outcome.stderrTail)
        case .exited(let status) where status != 0:
            throw AgentProtocolError.exitedNonZero(agent: name, status: status, stderr: outcome.stderrTail)
        case .exited:
            return try AgentProtocolSchema(request: request).response(fromStdout: outcome.stdout)
        }
    }
}
