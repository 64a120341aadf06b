/// How a routing configuration change affects candidate exposure (operations.md §9.2).
public enum RolloutChange: Sendable, Hashable {
    /// Same hash: nothing to do.
    case unchanged
    /// Does not increase exposure: accepted at once in any rollback state.
    case nonAdvancing
    /// Increases exposure, for these reasons: accepted only when the rollout may advance.
    case advancement([String])

    /// Classifies the move from `old` to `new` by the flags, never by the phase name.
    public static func classify(from old: RolloutRoutingConfig, to new: RolloutRoutingConfig) -> RolloutChange {
        if old.hash == new.hash { return .unchanged }
        guard new.isLive else { return .nonAdvancing }
        var reasons: [String] = []
        if !old.enabled {
            reasons.append("enabled false to true")
        } else if old.shadow {
            reasons.append("shadow true to false")
        } else {
            if new.percentage > old.percentage {
                reasons.append("percentage \(old.percentage) to \(new.percentage)")
            }
            let added = Set(new.creators).subtracting(old.creators).sorted()
            if !added.isEmpty { reasons.append("creators added: \(added.joined(separator: ", "))") }
            if new.salt != old.salt, (1...99).contains(new.percentage) {
                reasons.append("salt changed at percentage \(new.percentage)")
            }
        }
        return reasons.isEmpty ? .nonAdvancing : .advancement(reasons)
    }

    /// Whether the change is an advancement.
    public var isAdvancement: Bool {
        if case .advancement = self { return true }
        return false
    }
}
