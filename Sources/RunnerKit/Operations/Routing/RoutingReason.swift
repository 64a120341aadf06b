/// Why a creator went where it went (operations.md §3.1); stored as its raw text.
public enum RoutingReason: Sendable, Hashable {
    /// Configured `enabled` is false.
    case candidateDisabled
    /// The rollback state is DRAINING or DISABLED.
    case rolledBack
    /// Shadow mode is on.
    case shadowMode
    /// The routing key is in the allowlist.
    case allowlisted
    /// The bucket is below the percentage N.
    case percentage(Int)
    /// Nothing routed it to the candidate.
    case `default`
    /// A diagnostic run named its pipeline and skipped routing.
    case forced

    /// The stored text: v5_disabled, rolled_back, shadow_mode, allowlisted, percentage_N, default, forced.
    public var text: String {
        switch self {
        case .candidateDisabled: "v5_disabled"
        case .rolledBack: "rolled_back"
        case .shadowMode: "shadow_mode"
        case .allowlisted: "allowlisted"
        case .percentage(let n): "percentage_\(n)"
        case .default: "default"
        case .forced: "forced"
        }
    }

    /// Parses the stored text; nil for anything else.
    public init?(text: String) {
        switch text {
        case "v5_disabled": self = .candidateDisabled
        case "rolled_back": self = .rolledBack
        case "shadow_mode": self = .shadowMode
        case "allowlisted": self = .allowlisted
        case "default": self = .default
        case "forced": self = .forced
        default:
            guard text.hasPrefix("percentage_"), let n = Int(text.dropFirst("percentage_".count)) else {
                return nil
            }
            self = .percentage(n)
        }
    }
}

extension RoutingReason: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reason = RoutingReason(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown routing reason \(text)"))
        }
        self = reason
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Which side a decision names (`runs.decision_target`).
public enum RoutingTarget: String, Sendable, Codable, Hashable {
    case control, candidate, shadow
}
