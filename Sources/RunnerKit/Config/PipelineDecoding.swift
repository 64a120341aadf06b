/// A decoded pipeline plus the ids of phases too broken to model (so `needs` on them is not C008).
struct DecodedPipeline: Sendable {
    var pipeline: Pipeline
    var brokenPhaseIds: Set<String>
    /// Phases with unknown keys (a misspelt `needs`?): their artifact-flow findings are not reported.
    var suspectPhaseIds: Set<String> = []
}

extension ConfigDecoder {
    static let pipelineKeys = ["version", "kind", "name", "description", "deadline", "defaults", "phases"]
    static let phaseKeys = ["id", "uses", "needs", "with", "if", "timeout", "retry", "continue_on_error"]
    static let retryKeys = ["attempts", "backoff", "max_backoff"]

    /// Decodes a `kind: pipeline` file.
    mutating func pipeline(_ root: ConfigNode, file: String) -> DecodedPipeline? {
        guard let fields = mapping(root, known: Self.pipelineKeys, in: "pipeline") else { return nil }
        let name = required(fields, "name").flatMap { self.name($0, key: "name", pattern: .id) }
        let description = fields["description"].flatMap { string($0, key: "description") } ?? ""
        let deadline = fields["deadline"].flatMap { duration($0, key: "deadline") } ?? ConfigDefaults.pipelineDeadline
        var defaults = PhaseDefaults(timeout: ConfigDefaults.phaseTimeout, retry: ConfigDefaults.retry)
        if let node = fields["defaults"], let block = mapping(node, known: ["timeout", "retry"], in: "defaults") {
            if let timeout = block["timeout"].flatMap({ duration($0, key: "timeout") }) { defaults.timeout = timeout }
            if let retry = block["retry"] { defaults.retry = self.retry(retry, base: defaults.retry) }
        }
        var phases: [Phase] = []
        var broken: Set<String> = []
        var suspect: Set<String> = []
        if let list = required(fields, "phases") {
            if let items = list.items {
                phases.reserveCapacity(items.count)
                for item in items {
                    let before = diagnostics.count
                    let result = phase(item, defaults: defaults)
                    if case .success(let phase) = result,
                        diagnostics[before...].contains(where: { $0.rule == "C003" })
                    {
                        suspect.insert(phase.id.value)
                    }
                    switch result {
                    case .success(let phase): phases.append(phase)
                    case .failure(let failure): if let id = failure.id { broken.insert(id) }
                    }
                }
            } else {
                error("C004", "expected a list for 'phases', got \(list.typeDescription)", at: list.location)
            }
        }
        guard let name else { return nil }
        let pipeline = Pipeline(
            name: name, description: description, deadline: deadline,
            deadlineLocation: fields["deadline"]?.location ?? name.location, defaults: defaults, phases: phases, file: file)
        return DecodedPipeline(pipeline: pipeline, brokenPhaseIds: broken, suspectPhaseIds: suspect)
    }

    /// A `retry:` block whose unset keys come from `base`.
    mutating func retry(_ node: ConfigNode, base: RetryPolicy) -> RetryPolicy {
        var policy = base
        guard let fields = mapping(node, known: Self.retryKeys, in: "retry") else { return policy }
        if let attempts = fields["attempts"].flatMap({ int($0, key: "attempts", range: 1...100) }) { policy.attempts = attempts }
        if let backoff = fields["backoff"].flatMap({ duration($0, key: "backoff") }) { policy.backoff = backoff }
        if let maximum = fields["max_backoff"].flatMap({ duration($0, key: "max_backoff") }) { policy.maxBackoff = maximum }
        return policy
    }

    struct BrokenPhase: Error { var id: String? }

    /// Decodes one phase; on failure returns its id (if readable) so references to it stay quiet.
    mutating func phase(_ node: ConfigNode, defaults: PhaseDefaults) -> Result<Phase, BrokenPhase> {
        let idText = node.entries?.first { $0.key == "id" }?.value.scalarText
        let what = idText.map { "phase '\($0)'" } ?? "phase"
        guard let fields = mapping(node, known: Self.phaseKeys, in: what) else { return .failure(BrokenPhase(id: idText)) }
        let id = required(fields, "id").flatMap { name($0, key: "id", pattern: .id) }
        let uses = required(fields, "uses").flatMap { stepKind($0) }
        let needs = fields["needs"].flatMap { stringList($0, key: "needs") } ?? []
        let timeout = fields["timeout"].flatMap { duration($0, key: "timeout") } ?? defaults.timeout
        let retry = fields["retry"].map { self.retry($0, base: defaults.retry) } ?? defaults.retry
        let continueOnError = fields["continue_on_error"].flatMap { bool($0, key: "continue_on_error") } ?? false
        let condition = fields["if"].flatMap { self.condition($0) }
        var parameters = StepParameters()
        if let uses, let node = fields["with"] {
            parameters = stepParameters(node, kind: uses.value, what: what)
        }
        if let uses, uses.value == .agent, parameters.agent == nil {
            error("C007", "\(what) uses 'agent' but names no agent (add with: { agent: NAME })", at: uses.location)
        }
        if let uses, continueOnError, !uses.value.isAdvisory {
            error("C007", "continue_on_error is allowed only for advisory kinds (analyze_performance), not '\(uses.value.rawValue)'",
                  at: fields.keyLocation("continue_on_error"))
        }
        guard let id, let uses else { return .failure(BrokenPhase(id: idText)) }
        return .success(Phase(
            id: id, uses: uses, needs: needs, with: parameters, condition: condition, timeout: timeout, retry: retry,
            continueOnError: continueOnError, location: node.location))
    }

    /// A `uses:` value: a step kind, else C007 with a suggestion.
    mutating func stepKind(_ node: ConfigNode) -> Located<StepKind>? {
        guard let text = string(node, key: "uses") else { return nil }
        if let kind = StepKind(rawValue: text) { return Located(kind, at: node.location) }
        let names = StepKind.allCases.map(\.rawValue)
        let notes = Suggestion.closest(to: text, among: names).map { ["did you mean '\($0)'?"] } ?? []
        error("C007", "unknown step kind '\(text)'", at: node.location, notes: notes)
        return nil
    }

    /// `with:` checked against the kind's parameters (C007 for keys the kind does not take).
    mutating func stepParameters(_ node: ConfigNode, kind: StepKind, what: String) -> StepParameters {
        let known = kind.parameterKeys
        guard let entries = node.entries else {
            error("C007", "expected a mapping for 'with' in \(what), got \(node.typeDescription)", at: node.location)
            return StepParameters()
        }
        var parameters = StepParameters()
        for entry in entries {
            guard known.contains(entry.key) else {
                let takes = known.isEmpty ? "takes no parameters" : "takes \(known.joined(separator: ", "))"
                let notes = Suggestion.closest(to: entry.key, among: known).map { ["did you mean '\($0)'?"] } ?? []
                error("C007", "step kind '\(kind.rawValue)' \(takes); unknown parameter '\(entry.key)'",
                      at: entry.keyLocation, notes: notes)
                continue
            }
            switch entry.key {
            case "agent": parameters.agent = locatedString(entry.value, key: "agent")
            case "model": parameters.model = string(entry.value, key: "model")
            default: break
            }
        }
        return parameters
    }

    /// An `if:` expression, parsed; syntax errors are C011 at the offending character.
    mutating func condition(_ node: ConfigNode) -> PhaseCondition? {
        guard let text = string(node, key: "if") else { return nil }
        let quoted: Int
        if case .scalar(_, false) = node.content { quoted = 1 } else { quoted = 0 }
        do {
            let expression = try IfExpressionParser.parse(text)
            var start = node.location
            start.column = (start.column ?? 1) + quoted
            return PhaseCondition(source: text, expression: expression, location: start)
        } catch {
            var location = node.location
            location.column = (location.column ?? 1) + quoted + error.offset
            self.error("C011", "invalid if expression: \(error.message)", at: location)
            return nil
        }
    }
}
