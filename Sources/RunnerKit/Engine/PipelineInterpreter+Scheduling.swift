import Foundation

extension PipelineInterpreter {
    /// Starts every phase whose needs are done, as they become done, until none is left or the
    /// run fails. After a fatal failure no phase starts; running ones are waited for.
    func runLoop(cause: CancellationCause) async -> LoopResult {
        var results: [String: PhaseResult<Output>] = [:]
        var pending = plan.phases.map(\.id)
        var running = 0
        var fatal: (phase: String, failure: PhaseFailure)?
        let ordinals = Dictionary(uniqueKeysWithValues: plan.phases.enumerated().map { ($1.id, $0) })
        let phasesById = Dictionary(uniqueKeysWithValues: plan.phases.map { ($0.id, $0) })

        await withTaskGroup(of: PhaseResult<Output>.self) { group in
            /// Launches ready phases and records skips; loops because a skip can make others ready.
            func launchReady() async {
                var changed = true
                while changed && fatal == nil && !Task.isCancelled {
                    changed = false
                    for id in pending {
                        guard running < maxConcurrency, let phase = phasesById[id] else { break }
                        let needs = phase.needs.compactMap { results[$0] }
                        guard needs.count == phase.needs.count else { continue }
                        let ordinal = ordinals[id] ?? 0
                        pending.removeAll { $0 == id }
                        changed = true
                        if let reason = skipReason(phase, needs: needs, completed: results) {
                            results[id] = PhaseResult(id: id, ordinal: ordinal, status: .skipped, skipReason: reason)
                            await onEvent(.skipped(phase: id, ordinal: ordinal, at: clock.now(), reason: reason))
                            continue
                        }
                        running += 1
                        let snapshot = results
                        group.addTask {
                            await self.runPhase(phase, ordinal: ordinal, completed: snapshot, cause: cause)
                        }
                    }
                }
            }

            await launchReady()
            while let result = await group.next() {
                running -= 1
                results[result.id] = result
                if result.status == .failed, fatal == nil, let failure = result.failure,
                    phasesById[result.id]?.continueOnError != true
                {
                    fatal = (result.id, failure)
                }
                await launchReady()
            }
        }
        return LoopResult(results: results, fatal: fatal)
    }

    /// Why a phase whose needs are all finished does not run, or nil when it runs.
    private func skipReason(
        _ phase: PhasePlan<Output>, needs: [PhaseResult<Output>], completed: [String: PhaseResult<Output>]
    ) -> String? {
        if let skipped = needs.first(where: { $0.status == .skipped || $0.status == .notRun }) {
            return "needs \(skipped.id), which was skipped"
        }
        if let condition = phase.condition, !condition(completed) {
            return "if: \(phase.conditionText ?? "condition") is false"
        }
        return nil
    }
}
