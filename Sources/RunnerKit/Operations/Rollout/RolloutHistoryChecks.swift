import Foundation

/// The `runner validate` checks that need the database (operations.md §13): a desired advancement
/// the runner will refuse now and a jump of several phases (C017), a salt change and how many creators change side (C013), and
/// allowlisted page names that match no creator (C013). Findings use `file` = `db:TABLE`.
public enum RolloutHistoryChecks {
    /// Every finding for `config` against the database; empty without a valid rollout file.
    public static func diagnostics(config: LoadedConfig, storage: Storage, clock: RunnerClock) throws -> [Diagnostic] {
        guard let plan = config.rollout, let desired = RolloutRoutingConfig(desiredBy: plan) else { return [] }
        let rules = config.alertRules(for: plan.candidate.value).map(\.name.value)
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: rules)
        let now = clock.now()
        return try storage.rolloutSnapshot { db in
            var findings: [Diagnostic] = []
            let latest = try db.latestAcceptedConfig()
            if let latest, case .advancement(let reasons) = RolloutChange.classify(from: latest.config, to: desired) {
                let check = try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: latest, now: now, in: db)
                if !check.allowed {
                    findings.append(
                        .warning(
                            "C017",
                            "desired phase \(desired.phase ?? "-") is an advancement from the applied phase "
                                + "\(latest.config.phase ?? "-") (\(reasons.joined(separator: "; "))) that the runner "
                                + "will refuse now: \(check.blockers.joined(separator: "; "))",
                            at: SourceLocation(file: "db:applied_configs")))
                }
            }
            if let latest, let from = latest.config.phase.flatMap(plan.index(ofPhase:)),
                let to = desired.phase.flatMap(plan.index(ofPhase:)), to - from > 1
            {
                findings.append(
                    .warning(
                        "C017",
                        "desired phase \(desired.phase ?? "-") jumps \(to - from) phases ahead of the applied phase "
                            + "\(latest.config.phase ?? "-"); it is accepted on the same conditions as one step",
                        at: SourceLocation(file: "db:applied_configs")))
            }
            if let latest, latest.config.salt != desired.salt {
                var moved = 0
                var total = 0
                for creator in try db.activeCreators() {
                    total += 1
                    let before = RoutingBucket(routingKey: creator.pageName, salt: latest.config.salt)
                    let after = RoutingBucket(routingKey: creator.pageName, salt: desired.salt)
                    if before.isCandidate(atPercentage: desired.percentage)
                        != after.isCandidate(atPercentage: desired.percentage)
                    {
                        moved += 1
                    }
                }
                findings.append(
                    .warning(
                        "C013",
                        "bucketing salt \"\(desired.salt)\" differs from the applied salt \"\(latest.config.salt)\": "
                            + "\(moved) of \(total) known creators change side at percentage \(desired.percentage) "
                            + "(`runner rollout plan` lists them)",
                        at: SourceLocation(file: "db:applied_configs")))
            }
            var reported = Set<String>()
            for phase in plan.phases {
                for name in phase.flags.creators where isWellFormed(name) && !reported.contains(name) {
                    if try db.resolveCreator(name) == nil {
                        reported.insert(name)
                        findings.append(
                            .warning(
                                "C013",
                                "allowlisted page name '\(name)' (phases[\(phase.name.value)].flags.creators in "
                                    + "\(plan.file)) matches no creator in the database",
                                at: SourceLocation(file: "db:creators")))
                    }
                }
            }
            return findings
        }
    }

    /// The creator id rule (data-model.md §4.1): 2–100 of A–Z, a–z, 0–9, `_`, `-`.
    static func isWellFormed(_ name: String) -> Bool {
        (2...100).contains(name.count)
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
    }
}
