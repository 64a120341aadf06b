/// The dependency graph of one pipeline: order, parallel levels, cycles and artifact flow.
///
/// Pure: built from a `Pipeline` and the declared agents, it does no I/O. Every check that needs
/// only the graph (C006 duplicate ids, C008 unknown `needs`, C009 cycles, C010 artifact flow,
/// C011 `if` references, C016 longest path, C019 unused outputs) is reported in `diagnostics`.
/// Building is linear in phases plus edges, apart from the sort inside each level.
public struct PipelineDAG: Sendable {
    /// The pipeline's name.
    public let pipeline: String
    /// The phases in the graph, in file order (duplicates of an earlier id left out).
    public let phases: [Phase]
    /// Phase index by id.
    public let index: [String: Int]
    /// For each phase, the indices of the phases it needs.
    public let parents: [[Int]]
    /// For each phase, the indices of the phases that need it.
    public let children: [[Int]]
    /// Phase indices in a topological order (file order breaks ties); cyclic phases are absent.
    public let order: [Int]
    /// Phase indices grouped by level: a level's phases only need phases of earlier levels.
    public let levels: [[Int]]
    /// Level of each phase (-1 for phases on or behind a cycle).
    public let level: [Int]
    /// The cycles found, each as a path of ids whose last element repeats the first.
    public let cycles: [[String]]
    /// The agent role of each phase (nil for non-agent phases and unknown agents).
    public let roles: [AgentRole?]
    /// For each phase, the producing phase of every artifact it consumes (resolved inputs).
    public internal(set) var inputs: [[Artifact: Int]]
    /// Findings about the graph.
    public internal(set) var diagnostics: [Diagnostic]

    /// The ids in topological order.
    public var topologicalOrder: [String] { order.map { phases[$0].id.value } }

    /// The ids grouped by parallel level.
    public var parallelLevels: [[String]] { levels.map { $0.map { phases[$0].id.value } } }

    /// Whether the graph has no cycle.
    public var isAcyclic: Bool { cycles.isEmpty }

    /// The phase with this id.
    public func phase(_ id: String) -> Phase? { index[id].map { phases[$0] } }

    /// The id of the phase whose artifact `phase` reads, if resolved.
    public func producer(of artifact: Artifact, for phase: String) -> String? {
        guard let i = index[phase], let p = inputs[i][artifact] else { return nil }
        return phases[p].id.value
    }

    /// Builds the graph and runs every graph check.
    ///
    /// `brokenPhaseIds` are phases that failed to decode (a `needs` on them is not C008);
    /// `suspectPhaseIds` had unknown keys, so their artifact and `if` findings would be noise.
    public static func build(
        pipeline: Pipeline, agents: AgentsConfig = AgentsConfig(), brokenPhaseIds: Set<String> = [],
        suspectPhaseIds: Set<String> = []
    ) -> PipelineDAG {
        var diagnostics: [Diagnostic] = []
        var phases: [Phase] = []
        var index: [String: Int] = [:]
        phases.reserveCapacity(pipeline.phases.count)
        for phase in pipeline.phases {
            if let first = index[phase.id.value] {
                diagnostics.append(.error(
                    "C006", "duplicate phase id '\(phase.id.value)' in pipeline '\(pipeline.name.value)'", at: phase.id.location,
                    notes: ["first defined at \(phases[first].id.location.shortDescription)"]))
                continue
            }
            index[phase.id.value] = phases.count
            phases.append(phase)
        }
        let ids = Array(index.keys)
        var parents = [[Int]](repeating: [], count: phases.count)
        var children = [[Int]](repeating: [], count: phases.count)
        var suspect = Set(suspectPhaseIds.compactMap { index[$0] })
        for (i, phase) in phases.enumerated() {
            var seen: Set<Int> = []
            for need in phase.needs {
                guard let p = index[need.value] else {
                    // A phase missing an input is not checked further: its findings would be noise.
                    suspect.insert(i)
                    if brokenPhaseIds.contains(need.value) { continue }
                    let notes = Suggestion.closest(to: need.value, among: ids).map { ["did you mean '\($0)'?"] } ?? []
                    diagnostics.append(.error(
                        "C008", "phase '\(phase.id.value)' needs '\(need.value)', which is no phase of pipeline '\(pipeline.name.value)'",
                        at: need.location, notes: notes))
                    continue
                }
                guard seen.insert(p).inserted else { continue }
                parents[i].append(p)
                children[p].append(i)
            }
        }
        let roles: [AgentRole?] = phases.map { phase in
            phase.uses.value == .agent ? phase.with.agent.flatMap { agents[$0.value]?.role } : nil
        }
        let sorted = Self.levelSort(parents: parents, children: children)
        let cycles = Self.findCycles(phases: phases, parents: parents, level: sorted.level)
        for cycle in cycles {
            let path = cycle.map { phases[$0].id.value }
            let start = phases[cycle[0]]
            let location = start.needs.first { $0.value == path[1] }?.location ?? start.id.location
            diagnostics.append(.error("C009", "dependency cycle: \(path.joined(separator: " -> "))", at: location))
        }
        var dag = PipelineDAG(
            pipeline: pipeline.name.value, phases: phases, index: index, parents: parents, children: children,
            order: sorted.order, levels: sorted.levels, level: sorted.level,
            cycles: cycles.map { $0.map { phases[$0].id.value } }, roles: roles,
            inputs: [[Artifact: Int]](repeating: [:], count: phases.count), diagnostics: diagnostics)
        dag.checkArtifactFlow(suspect: suspect)
        dag.checkConditions(suspect: suspect, brokenPhaseIds: brokenPhaseIds)
        dag.checkLongestPath(deadline: pipeline.deadline, at: pipeline.deadlineLocation, agents: agents)
        return dag
    }

    /// Kahn's algorithm level by level; phases left unplaced are on or behind a cycle.
    static func levelSort(parents: [[Int]], children: [[Int]]) -> (order: [Int], levels: [[Int]], level: [Int]) {
        var indegree = parents.map(\.count)
        var level = [Int](repeating: -1, count: parents.count)
        var current = indegree.indices.filter { indegree[$0] == 0 }
        var levels: [[Int]] = []
        var order: [Int] = []
        order.reserveCapacity(parents.count)
        while !current.isEmpty {
            current.sort()
            for node in current { level[node] = levels.count }
            levels.append(current)
            order.append(contentsOf: current)
            var next: [Int] = []
            for node in current {
                for child in children[node] {
                    indegree[child] -= 1
                    if indegree[child] == 0 { next.append(child) }
                }
            }
            current = next
        }
        return (order, levels, level)
    }

    /// Each distinct cycle among the unplaced phases, as indices with the first repeated at the end.
    static func findCycles(phases: [Phase], parents: [[Int]], level: [Int]) -> [[Int]] {
        var walkOf = [Int](repeating: -1, count: phases.count)
        var cycles: [[Int]] = []
        for start in phases.indices where level[start] < 0 && walkOf[start] < 0 {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var node = start
            while walkOf[node] < 0 {
                walkOf[node] = start
                position[node] = path.count
                path.append(node)
                // An unplaced phase always has an unplaced parent: that is why it was not placed.
                guard let next = parents[node].first(where: { level[$0] < 0 }) else { break }
                node = next
            }
            if walkOf[node] == start, let from = position[node] {
                cycles.append(Array(path[from...]) + [node])
            }
        }
        return cycles
    }

    /// Whether `ancestor` is reachable from `phase` through `needs` (levels prune the search).
    public func isAncestor(_ ancestor: Int, of phase: Int) -> Bool {
        guard level[ancestor] >= 0, level[phase] >= 0, level[ancestor] < level[phase] else { return false }
        var stack = [phase]
        var seen: Set<Int> = [phase]
        while let node = stack.popLast() {
            for parent in parents[node] {
                if parent == ancestor { return true }
                if level[parent] > level[ancestor], seen.insert(parent).inserted { stack.append(parent) }
            }
        }
        return false
    }
}
