/// A YAML node with its source position, detached from Yams so that it is `Sendable`.
///
/// Scalars keep their text and whether they were written plain (unquoted), which is what the
/// strict typing rules need: only a plain `true` is a boolean, only a plain `12` is a number.
struct ConfigNode: Sendable {
    /// The shape of a node.
    enum Content: Sendable {
        case scalar(String, plain: Bool)
        case mapping([ConfigEntry])
        case sequence([ConfigNode])
    }

    var content: Content
    var location: SourceLocation

    /// A plain `~`, `null` or empty scalar.
    var isNull: Bool {
        if case .scalar(let text, let plain) = content, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The scalar text, nil for collections.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The entries of a mapping, nil for other nodes.
    var entries: [ConfigEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items of a sequence, nil for other nodes.
    var items: [ConfigNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// A short description of the node's type for "expected X, got Y" messages.
    var typeDescription: String {
        switch content {
        case .scalar(let text, _):
            if isNull { return "null" }
            return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` pair of a mapping, with the key's own position.
struct ConfigEntry: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: ConfigNode
}
