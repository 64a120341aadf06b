/// The agents declared by `kind: agents` files (config.md §3).
public struct AgentsConfig: Sendable {
    /// Every agent in file order.
    public var agents: [AgentDefinition]

    /// Creates the set.
    public init(agents: [AgentDefinition] = []) { self.agents = agents }

    /// The agent with this name, if declared.
    public subscript(name: String) -> AgentDefinition? { agents.first { $0.name.value == name } }
}

/// What an agent produces: a schedule (generator) or a verdict on one (validator).
public enum AgentRole: String, Sendable, Hashable, CaseIterable {
    case generator, validator
}

/// How an agent runs: the embedded implementation, or an external program.
public enum AgentBackend: String, Sendable, Hashable, CaseIterable {
    case builtin, command
}

/// One declared agent.
public struct AgentDefinition: Sendable {
    /// The agent's name (the key in `agents:`).
    public var name: Located<String>
    /// Its role.
    public var role: AgentRole
    /// Its backend.
    public var backend: AgentBackend
    /// The program and arguments for `backend: command` (`{model}` substituted); empty for builtin.
    public var command: [String]
    /// The prompt file, relative to the config root; nil when it has none.
    public var prompt: Located<String>?
    /// The agent's own per-attempt timeout; nil uses the phase's (the shorter one wins).
    public var timeout: ConfigDuration?
    /// Where the agent is declared.
    public var location: SourceLocation

    /// Creates an agent definition.
    public init(
        name: Located<String>, role: AgentRole, backend: AgentBackend, command: [String] = [],
        prompt: Located<String>? = nil, timeout: ConfigDuration? = nil, location: SourceLocation
    ) {
        self.name = name
        self.role = role
        self.backend = backend
        self.command = command
        self.prompt = prompt
        self.timeout = timeout
        self.location = location
    }

    /// Whether any command argument contains `{model}`.
    public var usesModelPlaceholder: Bool { command.contains { $0.contains("{model}") } }
}
