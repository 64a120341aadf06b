import ArgumentParser

/// `--format text|json`, on every command that prints data.
public enum OutputFormat: String, ExpressibleByArgument, Sendable, CaseIterable {
    case text, json
}
