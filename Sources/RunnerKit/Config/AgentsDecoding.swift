extension ConfigDecoder {
    static let agentsKeys = ["version", "kind", "agents"]
    static let agentKeys = ["role", "backend", "command", "prompt", "timeout"]

    /// Decodes a `kind: agents` file.
    mutating func agents(_ root: ConfigNode) -> [AgentDefinition] {
        guard let fields = mapping(root, known: Self.agentsKeys, in: "agents file"),
            let list = required(fields, "agents")
        else { return [] }
        guard let entries = list.entries else {
            error("C004", "expected a mapping of agent names for 'agents', got \(list.typeDescription)", at: list.location)
            return []
        }
        var agents: [AgentDefinition] = []
        for entry in entries {
            let name = Located(entry.key, at: entry.keyLocation)
            if !NamePattern.id.matches(entry.key) {
                error("C004", "'\(entry.key)' is not a valid agent name: \(NamePattern.id.rule)", at: entry.keyLocation)
            }
            if let agent = agent(entry.value, name: name) { agents.append(agent) }
        }
        return agents
    }

    private mutating func agent(_ node: ConfigNode, name: Located<String>) -> AgentDefinition? {
        let what = "agent '\(name.value)'"
        guard let fields = mapping(node, known: Self.agentKeys, in: what) else { return nil }
        let role = required(fields, "role").flatMap { choice($0, key: "role", as: AgentRole.self) }
        let backend = fields["backend"].map { choice($0, key: "backend", as: AgentBackend.self) } ?? .builtin
        var command: [String] = []
        if let node = fields["command"] {
            command = stringList(node, key: "command")?.map(\.value) ?? []
            if backend == .builtin {
                error("C004", "'command' is only for 'backend: command' (\(what) is builtin)", at: fields.keyLocation("command"))
            } else if command.isEmpty, node.items != nil {
                error("C004", "'command' of \(what) must name a program", at: node.location)
            }
        } else if backend == .command {
            error("C005", "missing required key 'command' in \(what) (backend: command)", at: fields.location)
        }
        let prompt = fields["prompt"].flatMap { locatedString($0, key: "prompt") }
        let timeout = fields["timeout"].flatMap { duration($0, key: "timeout") }
        guard let role, let backend else { return nil }
        return AgentDefinition(
            name: name, role: role, backend: backend, command: command, prompt: prompt, timeout: timeout,
            location: node.location)
    }
}
