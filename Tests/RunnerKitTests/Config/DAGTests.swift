import Testing

@testable import RunnerKit

@Suite("Pipeline DAG")
struct DAGTests {
    /// Builds a pipeline from `id: kind <- needs` lines.
    func pipeline(_ phases: [(String, StepKind, [String])], deadline: ConfigDuration = .hours(1)) -> Pipeline {
        let at = SourceLocation(file: "p.yaml", line: 1, column: 1)
        return Pipeline(
            name: Located("p", at: at), description: "", deadline: deadline, deadlineLocation: at,
            defaults: PhaseDefaults(timeout: .seconds(10), retry: ConfigDefaults.retry),
            phases: phases.map { id, kind, needs in
                Phase(
                    id: Located(id, at: at), uses: Located(kind, at: at), needs: needs.map { Located($0, at: at) },
                    with: StepParameters(), condition: nil, timeout: .seconds(10), retry: ConfigDefaults.retry,
                    continueOnError: false, location: at)
            }, file: "p.yaml")
    }

    @Test("a cycle is reported with its path")
    func cyclePath() {
        let graph = PipelineDAG.build(pipeline: pipeline([
            ("a", .preflight, ["c"]), ("b", .checkReadiness, ["a"]), ("c", .checkReadiness, ["b"]),
            ("d", .checkReadiness, ["c"]),
        ]))
        #expect(graph.cycles == [["a", "c", "b", "a"]])
        #expect(graph.diagnostics.map(\.message) == ["dependency cycle: a -> c -> b -> a"])
        #expect(graph.order.isEmpty)
    }

    @Test("levels group phases whose needs are satisfied together")
    func levels() {
        let graph = PipelineDAG.build(pipeline: pipeline([
            ("a", .preflight, []), ("b", .checkReadiness, ["a"]), ("c", .checkReadiness, ["a"]), ("d", .checkReadiness, ["b", "c"]),
        ]))
        #expect(graph.parallelLevels == [["a"], ["b", "c"], ["d"]])
        #expect(graph.topologicalOrder == ["a", "b", "c", "d"])
        #expect(graph.isAncestor(0, of: 3))
        #expect(!graph.isAncestor(1, of: 2))
    }

    @Test("a re-produced schedule supersedes its input for the phases after it")
    func supersession() {
        let graph = PipelineDAG.build(pipeline: pipeline([
            ("ctx", .preflight, []), ("alloc", .allocateSendTypes, ["ctx"]), ("cap", .selectCaptions, ["alloc"]),
            ("tim", .optimizeTiming, ["alloc"]), ("fu", .generateFollowups, ["cap", "tim"]),
            ("asm", .assembleSchedule, ["fu"]), ("price", .priceItems, ["asm"]),
            ("val", .validateSchedule, ["price", "asm"]), ("save", .saveSchedule, ["val"]),
        ]))
        #expect(graph.diagnostics.isEmpty)
        #expect(graph.producer(of: .schedule, for: "val") == "price")
        #expect(graph.producer(of: .schedule, for: "save") == "price")
        #expect(graph.producer(of: .schedule, for: "price") == "asm")
    }

    @Test("two producers on parallel branches are ambiguous only when consumed")
    func ambiguity() {
        let unused = PipelineDAG.build(pipeline: pipeline([
            ("a", .preflight, []), ("b", .preflight, []), ("r", .checkReadiness, ["a"]),
        ]))
        #expect(!unused.diagnostics.contains { $0.rule == "C010" })
        let consumed = PipelineDAG.build(pipeline: pipeline([
            ("a", .preflight, []), ("b", .preflight, []), ("r", .checkReadiness, ["a", "b"]),
        ]))
        #expect(consumed.diagnostics.map(\.rule) == ["C010"])
    }

    @Test("the longest path counts attempts, timeouts and backoff sleeps")
    func longestPath() {
        var p = pipeline([("a", .preflight, []), ("b", .checkReadiness, ["a"])], deadline: .seconds(30))
        p.phases[0].retry = RetryPolicy(attempts: 3, backoff: .seconds(1), maxBackoff: .seconds(30))
        let graph = PipelineDAG.build(pipeline: p)
        let expected: ConfigDuration = .seconds(43)  // 10s × 3 + 1s + 2s, then 10s
        #expect(graph.longestPath(agents: AgentsConfig()).duration == expected)
        #expect(graph.diagnostics.map(\.rule) == ["C016"])
    }

    @Test("backoff doubles and is capped")
    func backoff() {
        let retry = RetryPolicy(attempts: 6, backoff: .seconds(1), maxBackoff: .seconds(5))
        #expect((1...5).map { retry.sleep(afterAttempt: $0).milliseconds } == [1000, 2000, 4000, 5000, 5000])
    }

    @Test("building 10,000 phases in layers finishes and orders every phase")
    func largeGraph() {
        var phases: [(String, StepKind, [String])] = []
        for layer in 0..<1000 {
            for i in 0..<10 {
                let needs = layer == 0 ? [] : ["p\(layer - 1)_\(i)", "p\(layer - 1)_\((i + 1) % 10)"]
                phases.append(("p\(layer)_\(i)", .preflight, needs))
            }
        }
        let graph = PipelineDAG.build(pipeline: pipeline(phases, deadline: .hours(100_000)))
        #expect(graph.order.count == 10_000)
        #expect(graph.levels.count == 1000)
    }
}
