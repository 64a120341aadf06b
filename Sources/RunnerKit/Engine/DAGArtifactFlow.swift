extension PipelineDAG {
    /// Resolves every consumed artifact to its producing ancestor (C010) and flags unused outputs (C019).
    ///
    /// Walks the phases in topological order carrying, per phase, the producers of each artifact
    /// that reach it. A producer that is an ancestor of another producer of the same artifact is
    /// superseded by it (`price_items` re-producing `schedule`); two producers that remain are on
    /// parallel branches, which is an error only for a phase that consumes that artifact.
    mutating func checkArtifactFlow(suspect: Set<Int> = []) {
        // What each phase passes on: what reached it, with its own products replacing those artifacts.
        var passed = [[Artifact: [Int]]](repeating: [:], count: phases.count)
        var opaque = [Bool](repeating: false, count: phases.count)
        var used = [Bool](repeating: false, count: phases.count)
        for node in order {
            var reaching: [Artifact: [Int]] = [:]
            for parent in parents[node] {
                if opaque[parent] { opaque[node] = true }
                for (artifact, producers) in passed[parent] {
                    reaching[artifact, default: []].append(contentsOf: producers)
                }
            }
            for (artifact, producers) in reaching where producers.count > 1 {
                reaching[artifact] = reduce(producers)
            }
            let phase = phases[node]
            if phase.uses.value == .agent, roles[node] == nil { opaque[node] = true }
            if suspect.contains(node) { opaque[node] = true }
            if opaque[node] {
                for parent in parents[node] { used[parent] = true }
            }
            for input in phase.uses.value.consumes(role: roles[node]) {
                let producers = reaching[input.artifact] ?? []
                if producers.count == 1 {
                    inputs[node][input.artifact] = producers[0]
                    used[producers[0]] = true
                } else if producers.isEmpty {
                    guard !input.isOptional, !opaque[node] else { continue }
                    if phase.uses.value == .agent, let role = roles[node], let agent = phase.with.agent {
                        diagnostics.append(.error(
                            "C012",
                            "agent '\(agent.value)' has role \(role.rawValue), which reads '\(input.artifact.rawValue)', but no phase that '\(phase.id.value)' needs produces it",
                            at: agent.location))
                        opaque[node] = true
                        continue
                    }
                    diagnostics.append(.error(
                        "C010",
                        "phase '\(phase.id.value)' (\(phase.uses.value.rawValue)) consumes '\(input.artifact.rawValue)', but no phase it needs (directly or indirectly) produces it",
                        at: phase.id.location))
                } else {
                    let names = producers.sorted().map { "'\(phases[$0].id.value)'" }.joined(separator: " and ")
                    diagnostics.append(.error(
                        "C010",
                        "ambiguous artifact '\(input.artifact.rawValue)' for phase '\(phase.id.value)': produced by \(names) on parallel branches",
                        at: phase.id.location))
                    for producer in producers { used[producer] = true }
                    // Reported once: the phases after this one see a single producer.
                    reaching[input.artifact] = [producers.sorted()[0]]
                }
            }
            for artifact in phase.uses.value.produces(role: roles[node]) { reaching[artifact] = [node] }
            passed[node] = reaching
            for comparison in phase.condition?.expression.comparisons ?? [] {
                if let referenced = index[comparison.phase] { used[referenced] = true }
            }
        }
        guard isAcyclic, suspect.isEmpty else { return }
        for node in order where !used[node] {
            let phase = phases[node]
            let produced = phase.uses.value.produces(role: roles[node])
            guard !phase.uses.value.hasSideEffect, !produced.isEmpty else { continue }
            let names = produced.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            diagnostics.append(.warning(
                "C019", "phase '\(phase.id.value)' produces \(names) but no phase consumes it (unused output)",
                at: phase.id.location))
        }
    }

    /// Removes duplicates and every producer that is an ancestor of another producer in the list.
    private func reduce(_ producers: [Int]) -> [Int] {
        let unique = Array(Set(producers)).sorted()
        guard unique.count > 1 else { return unique }
        return unique.filter { candidate in !unique.contains { $0 != candidate && isAncestor(candidate, of: $0) } }
    }
}
