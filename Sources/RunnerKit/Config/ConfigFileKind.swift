/// The `kind:` of a configuration file (config.md §1).
public enum ConfigFileKind: String, Sendable, Hashable, CaseIterable {
    case pipeline, agents, rollout, slo, alerts, rollback
    case alertTest = "alert_test"
}

extension ConfigDecoder {
    /// Checks `version` and `kind` of a file's root mapping and returns the kind (C002 otherwise).
    mutating func header(_ root: ConfigNode, file: String, inTestsFolder: Bool) -> ConfigFileKind? {
        guard let entries = root.entries else {
            error("C002", "expected a mapping with 'version: 1' and 'kind:' at the top of the file, got \(root.typeDescription)",
                  at: root.location)
            return nil
        }
        let version = entries.first { $0.key == "version" }
        let kindEntry = entries.first { $0.key == "kind" }
        var valid = true
        if let version {
            if case .scalar(let text, true) = version.value.content, let number = Int(text) {
                if number > ConfigDefaults.supportedVersion {
                    error("C002", "version \(number) is newer than this runner supports (\(ConfigDefaults.supportedVersion))",
                          at: version.value.location)
                    valid = false
                } else if number < 1 {
                    error("C002", "unsupported version \(number) (this runner reads version \(ConfigDefaults.supportedVersion))",
                          at: version.value.location)
                    valid = false
                }
            } else {
                error("C002", "version must be the integer \(ConfigDefaults.supportedVersion), got \(version.value.typeDescription)",
                      at: version.value.location)
                valid = false
            }
        } else {
            error("C002", "missing required key 'version' (write 'version: \(ConfigDefaults.supportedVersion)')", at: root.location)
            valid = false
        }
        guard let kindEntry else {
            error("C002", "missing required key 'kind' (one of: \(ConfigFileKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                  at: root.location)
            return nil
        }
        guard let text = kindEntry.value.scalarText, let kind = ConfigFileKind(rawValue: text) else {
            let names = ConfigFileKind.allCases.map(\.rawValue)
            let written = kindEntry.value.scalarText ?? ""
            let notes = Suggestion.closest(to: written, among: names).map { ["did you mean '\($0)'?"] } ?? []
            error("C002", "unknown kind \(kindEntry.value.typeDescription) (expected one of: \(names.joined(separator: ", ")))",
                  at: kindEntry.value.location, notes: notes)
            return nil
        }
        if kind == .alertTest, !inTestsFolder {
            error("C002", "kind 'alert_test' belongs in alerts/tests/, not in \(file)", at: kindEntry.value.location)
            return nil
        }
        if kind != .alertTest, inTestsFolder {
            error("C002", "alerts/tests/ holds only 'kind: alert_test' files, got kind '\(kind.rawValue)'",
                  at: kindEntry.value.location)
            return nil
        }
        return valid ? kind : nil
    }
}
