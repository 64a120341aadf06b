import Foundation

/// The validator's verdict on one schedule attempt, as the engine reports it.
public struct ValidatorOutcome: Sendable, Hashable, Codable {
    /// APPROVED, REJECTED, NEEDS_REVIEW or VALIDATION_ERROR.
    public var status: String
    /// Quality score 0-100, if computed.
    public var qualityScore: Int?
    /// Violations with the subjects (content or send types) that failed each gate.
    public var violations: [Violation]
    /// Number of distinct send types in the schedule.
    public var distinctSendTypes: Int

    /// One gate violation.
    public struct Violation: Sendable, Hashable, Codable {
        /// The code (VAULT_VIOLATION, ...).
        public var code: String
        /// Offending subjects.
        public var subjects: [String]

        /// Creates a violation.
        public init(code: String, subjects: [String] = []) {
            self.code = code
            self.subjects = subjects
        }
    }

    /// Creates an outcome.
    public init(status: String, qualityScore: Int? = nil, violations: [Violation] = [], distinctSendTypes: Int = 0) {
        self.status = status
        self.qualityScore = qualityScore
        self.violations = violations
        self.distinctSendTypes = distinctSendTypes
    }
}

/// The run facts that decide whether and how a run produces signals.
public struct SignalRunContext: Sendable, Hashable, Codable {
    /// The run id.
    public var runId: String
    /// The creator's page name (scope `creator:<page name>`).
    public var pageName: String
    /// When the run finished (24-char UTC timestamp).
    public var finishedAt: String
    /// True only for a completed production run (not read-only, not mock or fixture data, not a test).
    public var countsForLearning: Bool

    /// Creates a context.
    public init(runId: String, pageName: String, finishedAt: String, countsForLearning: Bool) {
        self.runId = runId
        self.pageName = pageName
        self.finishedAt = finishedAt
        self.countsForLearning = countsForLearning
    }
}

/// Turns validator outcomes into signal observations (learnings.md 5.1); pure.
public enum SignalProducer {
    /// Observations for a run's validator outcomes (all attempts); at most one per key.
    public static func observations(for outcomes: [ValidatorOutcome], run: SignalRunContext) -> [SignalObservation] {
        guard run.countsForLearning else { return [] }
        var out: [SignalObservation] = []
        var index: [SignalKey: Int] = [:]
        func add(_ o: SignalObservation) {
            if let i = index[o.key] {
                out[i].subjects = LearningSignal.dedup(out[i].subjects + o.subjects)
            } else {
                index[o.key] = out.count
                out.append(o)
            }
        }
        for outcome in outcomes {
            switch outcome.status {
            case "REJECTED":
                for violation in outcome.violations where LearningsVocabulary.hardGateCodes.contains(violation.code) {
                    add(violationObservation(violation, run: run))
                }
            case "APPROVED":
                if let score = outcome.qualityScore, score >= 85 {
                    add(qualityObservation(score: score, distinct: outcome.distinctSendTypes, run: run))
                }
            default:
                continue
            }
        }
        return out
    }

    /// The diversity band of a distinct send type count: 10-11, 12-13, 14-15 or 16+ (below 10: 1-9).
    public static func band(_ distinct: Int) -> String {
        switch distinct {
        case ..<10: "1-9"
        case 10...11: "10-11"
        case 12...13: "12-13"
        case 14...15: "14-15"
        default: "16+"
        }
    }

    /// The human label of a hard-gate code (Vault Violation, AVOID Tier Violation, ...).
    public static func label(_ code: String) -> String {
        switch code {
        case "VAULT_VIOLATION": "Vault Violation"
        case "AVOID_TIER_VIOLATION": "AVOID Tier Violation"
        case "PAGE_TYPE_VIOLATION": "Page Type Violation"
        case "INSUFFICIENT_DIVERSITY": "Insufficient Diversity"
        case "FLYER_REQUIREMENT_VIOLATION": "Flyer Requirement Violation"
        case "TIMING_COLLISION": "Timing Collision"
        case "PRICE_OUT_OF_BOUNDS": "Price Out of Bounds"
        default: code
        }
    }

    /// The fixed default Correction per code.
    public static func correction(_ code: String) -> String {
        switch code {
        case "VAULT_VIOLATION": "Schedule only content types present in the creator's vault"
        case "AVOID_TIER_VIOLATION": "Never schedule content types from the creator's AVOID tier"
        case "PAGE_TYPE_VIOLATION": "Use only send types allowed for the creator's page type"
        case "INSUFFICIENT_DIVERSITY": "Use at least the minimum number of distinct send types every week"
        case "FLYER_REQUIREMENT_VIOLATION": "Set flyer_required to 1 on every flyer send type"
        case "TIMING_COLLISION": "Keep sends apart by the minimum spacing and send type cooldowns"
        case "PRICE_OUT_OF_BOUNDS": "Keep every price inside the send type's allowed price range"
        default: "Follow the validator's rule for \(code)"
        }
    }

    static func violationObservation(_ v: ValidatorOutcome.Violation, run: SignalRunContext) -> SignalObservation {
        SignalObservation(
            kind: .violation, confidence: .high, source: "validation", violationCode: v.code,
            appliesTo: "creator:\(run.pageName)", patternKey: v.code, title: "\(label(v.code)) (\(run.pageName))",
            fields: ["Correction": correction(v.code)], subjects: v.subjects, runId: run.runId, sampleSize: 1,
            qualityScore: nil, seenAt: run.finishedAt)
    }

    static func qualityObservation(score: Int, distinct: Int, run: SignalRunContext) -> SignalObservation {
        let pattern = "Weekly schedule using \(band(distinct)) distinct send types"
        return SignalObservation(
            kind: .qualityPattern, confidence: .medium, source: "validation", violationCode: nil,
            appliesTo: "creator:\(run.pageName)", patternKey: SignalAggregation.patternKey(pattern),
            title: "Approved Schedules Use \(band(distinct)) Send Types (\(run.pageName))", fields: ["Pattern": pattern],
            subjects: [], runId: run.runId, sampleSize: 1, qualityScore: score, seenAt: run.finishedAt)
    }
}
