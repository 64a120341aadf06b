extension PipelinePlan {
    /// The interpreter's plan for a loaded pipeline: budgets from the YAML, `if` evaluated
    /// against the exposed fields of earlier phases, agent timeouts capping the phase's.
    public static func configured<Value: Sendable>(
        _ pipeline: Pipeline, agents: AgentsConfig, deadline: ConfigDuration? = nil
    ) -> PipelinePlan<StepOutput<Value>> where Output == StepOutput<Value> {
        let phases = pipeline.phases.map { phase -> PhasePlan<StepOutput<Value>> in
            var timeout = phase.timeout
            if phase.uses.value == .agent, let name = phase.with.agent?.value,
                let agentTimeout = agents[name]?.timeout, agentTimeout < timeout
            {
                timeout = agentTimeout
            }
            let condition: PhasePlan<StepOutput<Value>>.Condition? = phase.condition.map { condition in
                let expression = condition.expression
                return { completed in
                    expression.evaluate { phaseId, field in completed[phaseId]?.output?.fields[field] }
                }
            }
            return PhasePlan(
                id: phase.id.value, needs: phase.needs.map(\.value), timeout: timeout.duration,
                retry: RetrySchedule(phase.retry), continueOnError: phase.continueOnError,
                condition: condition, conditionText: phase.condition?.source)
        }
        return PipelinePlan(name: pipeline.name.value, deadline: (deadline ?? pipeline.deadline).duration, phases: phases)
    }
}

extension RetrySchedule {
    /// The schedule of a phase's configured retry policy.
    public init(_ policy: RetryPolicy) {
        self.init(attempts: policy.attempts, backoff: policy.backoff.duration, maxBackoff: policy.maxBackoff.duration)
    }
}
