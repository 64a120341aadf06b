extension PipelineDAG {
    /// Checks each `if` reference: the phase exists, is an ancestor, and exposes the field (C011).
    mutating func checkConditions(suspect: Set<Int> = [], brokenPhaseIds: Set<String> = []) {
        for (node, phase) in phases.enumerated() {
            guard let condition = phase.condition else { continue }
            for comparison in condition.expression.comparisons {
                var location = condition.location
                location.column = (location.column ?? 1) + comparison.offset
                guard let referenced = index[comparison.phase] else {
                    if brokenPhaseIds.contains(comparison.phase) { continue }
                    let notes = Suggestion.closest(to: comparison.phase, among: Array(index.keys)).map { ["did you mean '\($0)'?"] } ?? []
                    diagnostics.append(.error(
                        "C011", "if expression of phase '\(phase.id.value)' names unknown phase '\(comparison.phase)'",
                        at: location, notes: notes))
                    continue
                }
                if level[node] >= 0, !suspect.contains(node), !isAncestor(referenced, of: node) {
                    diagnostics.append(.error(
                        "C011",
                        "if expression of phase '\(phase.id.value)' reads '\(comparison.phase)', which is not an ancestor through needs",
                        at: location, notes: ["add '\(comparison.phase)' to the needs of '\(phase.id.value)' (directly or indirectly)"]))
                }
                let kind = phases[referenced].uses.value
                if kind == .agent, roles[referenced] == nil { continue }
                let fields = kind.exposedFields(role: roles[referenced])
                if !fields.contains(comparison.field) {
                    let exposed = fields.isEmpty ? "exposes no fields" : "exposes \(fields.joined(separator: ", "))"
                    let notes = Suggestion.closest(to: comparison.field, among: fields).map { ["did you mean '\($0)'?"] } ?? []
                    var fieldLocation = location
                    fieldLocation.column = (location.column ?? 1) + comparison.phase.count + 1
                    diagnostics.append(.error(
                        "C011", "phase '\(comparison.phase)' (\(kind.rawValue)) has no field '\(comparison.field)'; it \(exposed)",
                        at: fieldLocation, notes: notes))
                }
            }
        }
    }

    /// The worst-case duration of one phase: attempts × per-attempt timeout plus backoff sleeps.
    public func worstCaseDuration(of node: Int, agents: AgentsConfig) -> ConfigDuration {
        let phase = phases[node]
        var timeout = phase.timeout
        if let name = phase.with.agent?.value, let agentTimeout = agents[name]?.timeout, agentTimeout < timeout {
            timeout = agentTimeout
        }
        return phase.retry.worstCase(timeout: timeout)
    }

    /// The longest path's ids and worst-case duration (phases on cycles excluded).
    public func longestPath(agents: AgentsConfig) -> (path: [String], duration: ConfigDuration) {
        var total = [Int64](repeating: 0, count: phases.count)
        var via = [Int](repeating: -1, count: phases.count)
        var best = -1
        for node in order {
            var start: Int64 = 0
            for parent in parents[node] where via[node] < 0 || total[parent] > start {
                start = total[parent]
                via[node] = parent
            }
            total[node] = start + worstCaseDuration(of: node, agents: agents).milliseconds
            if best < 0 || total[node] > total[best] { best = node }
        }
        guard best >= 0 else { return ([], .zero) }
        var path: [String] = []
        var node = best
        while node >= 0 {
            path.append(phases[node].id.value)
            node = via[node]
        }
        return (path.reversed(), ConfigDuration(milliseconds: total[best]))
    }

    /// C016: warns when the longest path can take longer than the pipeline deadline.
    mutating func checkLongestPath(deadline: ConfigDuration, at location: SourceLocation, agents: AgentsConfig) {
        let longest = longestPath(agents: agents)
        guard longest.duration > deadline else { return }
        let path = longest.path.count <= 12
            ? longest.path.joined(separator: " -> ")
            : (longest.path.prefix(5) + ["…"] + longest.path.suffix(5)).joined(separator: " -> ")
        diagnostics.append(.warning(
            "C016",
            "the longest path (\(path)) can take \(longest.duration) with timeouts, attempts and backoff, more than the deadline of \(deadline)",
            at: location))
    }
}
