extension BuiltinSteps {
    /// The validator's verdict as the learning signal producer reads it (learnings.md §5.1): the
    /// subjects of content gates (vault, AVOID) are content types, of the others send types; the
    /// diversity band counts the distinct send types of the judged schedule (items and follow-ups).
    static func validatorOutcome(_ result: ValidationResult, schedule: ScheduleOutput?) -> ValidatorOutcome {
        let entries = schedule?.savedList ?? []
        let violations = result.violations.map { violation -> ValidatorOutcome.Violation in
            guard let index = violation.itemIndex, entries.indices.contains(index) else {
                return ValidatorOutcome.Violation(code: violation.code)
            }
            let entry = entries[index]
            let contentGate = ["VAULT_VIOLATION", "AVOID_TIER_VIOLATION"].contains(violation.code)
            let subject = contentGate ? entry.contentType : entry.sendTypeKey
            return ValidatorOutcome.Violation(code: violation.code, subjects: subject.map { [$0] } ?? [])
        }
        return ValidatorOutcome(
            status: result.validationStatus.rawValue, qualityScore: result.qualityScore, violations: violations,
            distinctSendTypes: Set(entries.compactMap(\.sendTypeKey)).count)
    }
}
