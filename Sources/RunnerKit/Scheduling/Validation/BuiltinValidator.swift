import Foundation

/// The built-in validator: structural checks, hard gates, rubric, status, certificate (§7–9).
public enum BuiltinValidator {
    /// Validates a schedule against the context and the re-read vault/AVOID lists at `now`.
    public static func validate(
        _ schedule: ScheduleOutput, context: CreatorContext, gate: GateData? = nil, now: Date
    ) -> ValidationResult {
        let gate = gate ?? GateData(vaultTypes: context.vaultTypes, avoidTypes: context.avoidTypes)
        let (gateViolations, checks) = runGates(schedule, context: context, gate: gate)
        guard gateViolations.isEmpty else {
            return issue(
                schedule, context: context, gate: gate, status: .rejected, score: 0, components: .zero,
                violations: gateViolations, recommendations: [], checks: checks, now: now)
        }
        var allChecks = checks
        allChecks["caption_quality"] = true
        allChecks["volume_config"] = true
        let components = QualityRubric.score(schedule, context: context, gate: gate)
        let score = Rounding.halfUp(components.total)
        var violations: [Violation] = []
        let status = ValidationStatus.band(score: score)
        if status == .needsReview {
            violations.append(
                Violation(code: "LOW_QUALITY_SCORE", message: "quality score \(score) is below 75", itemIndex: nil, severity: "review"))
        } else if status == .rejected {
            violations.append(
                Violation(code: "LOW_QUALITY_SCORE", message: "quality score \(score) is below 60", itemIndex: nil, severity: "reject"))
        }
        return issue(
            schedule, context: context, gate: gate, status: status, score: score, components: components,
            violations: violations, recommendations: recommendations(components, schedule: schedule, context: context),
            checks: allChecks, now: now)
    }

    /// The structural checks, then the hard gates in order, stopping at the first failing one.
    /// Returns its violations and which checks ran.
    public static func runGates(_ schedule: ScheduleOutput, context: CreatorContext, gate: GateData)
        -> (violations: [Violation], checks: [String: Bool])
    {
        var checks = Dictionary(uniqueKeysWithValues: checkNames.map { ($0, false) })
        let structural = StructuralCheck.run(schedule, weekStart: context.referenceDate)
        guard structural.isEmpty else { return (structural, checks) }
        for index in HardGates.names.indices {
            if index < 6 { checks[HardGates.names[index].check] = true }
            let found = HardGates.run(index, schedule: schedule, context: context, gate: gate)
            if !found.isEmpty { return (found, checks) }
        }
        return ([], checks)
    }

    static let checkNames = [
        "vault_compliance", "avoid_tier_exclusion", "page_type_compliance", "send_type_diversity",
        "flyer_requirements", "timing_validation", "caption_quality", "volume_config",
    ]

    /// Components below their maximum, then captions scoring below 70 (§8.2).
    static func recommendations(_ c: ComponentScores, schedule: ScheduleOutput, context: CreatorContext) -> [String] {
        var list: [String] = []
        for (name, earned, max) in [
            ("vault", c.vault, 25.0), ("avoid", c.avoid, 25), ("diversity", c.diversity, 20), ("timing", c.timing, 15),
            ("pricing", c.pricing, 15),
        ] where Rounding.denoise(earned) < max {
            list.append("\(name): \(String(format: "%.2f", Rounding.halfUp(earned, places: 2)))/\(Int(max))")
        }
        for (index, entry) in schedule.savedList.enumerated() {
            guard let caption = context.caption(id: entry.captionId), let key = entry.key else { continue }
            let score = CaptionScorer.score(context.analysis(of: caption), category: key.category)
            if score < 70 { list.append("caption_quality: item \(index) caption \(caption.captionId) scored \(score)") }
        }
        return list
    }

    /// Builds the result and its certificate.
    static func issue(
        _ schedule: ScheduleOutput, context: CreatorContext, gate: GateData, status: ValidationStatus, score: Int,
        components: ComponentScores, violations: [Violation], recommendations: [String], checks: [String: Bool],
        now: Date
    ) -> ValidationResult {
        let certificate = CertificateIssuer.issue(
            schedule: schedule, context: context, gate: gate, status: status, score: score, violations: violations,
            recommendations: recommendations, checks: checks, now: now)
        return ValidationResult(
            validationStatus: status, qualityScore: score, componentScores: components, violations: violations,
            recommendations: recommendations, warnings: [], certificate: certificate)
    }

    /// Combines the built-in gates with an external verdict (§7.4): the lower status wins, gate
    /// violations come first, the score is the agent's (0 when the gates reject).
    public static func combine(
        _ verdict: ExternalVerdict, schedule: ScheduleOutput, context: CreatorContext, gate: GateData? = nil, now: Date
    ) -> ValidationResult {
        let gate = gate ?? GateData(vaultTypes: context.vaultTypes, avoidTypes: context.avoidTypes)
        let (gateViolations, checks) = runGates(schedule, context: context, gate: gate)
        let gateStatus: ValidationStatus = gateViolations.isEmpty ? .approved : .rejected
        let status = min(gateStatus, verdict.validationStatus)
        let score = gateViolations.isEmpty ? Rounding.halfUp(min(100, max(0, verdict.qualityScore))) : 0
        return issue(
            schedule, context: context, gate: gate, status: status, score: score, components: .zero,
            violations: gateViolations + verdict.violations, recommendations: verdict.recommendations, checks: checks,
            now: now)
    }
}

/// Issues the certificate of schedule-domain §9.
public enum CertificateIssuer {
    /// The certificate of a validation result.
    public static func issue(
        schedule: ScheduleOutput, context: CreatorContext, gate: GateData, status: ValidationStatus, score: Int,
        violations: [Violation], recommendations: [String], checks: [String: Bool], now: Date
    ) -> ValidationCertificate {
        let hash = schedule.scheduleHash
        let timestamp = String(Timestamp.string(now).prefix(19)) + "Z"
        let compact = timestamp.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        var counts = Dictionary(uniqueKeysWithValues: HardGates.names.map { ($0.count, 0) })
        for v in violations {
            if let i = HardGateCode.all.firstIndex(of: v.code) { counts[HardGates.names[i].count, default: 0] += v.count }
        }
        counts["critical"] = HardGates.names.reduce(0) { $0 + counts[$1.count, default: 0] }
        let vaultHash = ScheduleHashing.namesHash(gate.vaultTypes)
        let avoidHash = ScheduleHashing.namesHash(gate.avoidTypes)
        return ValidationCertificate(
            certificateVersion: "3.0", creatorId: context.creatorId, validationTimestamp: timestamp,
            scheduleHash: hash, vaultTypesHash: vaultHash, avoidTypesHash: avoidHash,
            itemsValidated: schedule.items.count + schedule.followups.count, qualityScore: score,
            validationStatus: status, checksPerformed: checks, violationsFound: counts,
            recommendations: recommendations,
            upstreamProofVerified: vaultHash == ScheduleHashing.namesHash(context.vaultTypes)
                && avoidHash == ScheduleHashing.namesHash(context.avoidTypes),
            certificateSignature: "vg-\(hash.dropFirst(7).prefix(8))-\(compact)")
    }
}
