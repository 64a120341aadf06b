import Foundation
import Yams

/// Turns YAML text into a `ConfigNode` tree, reporting every YAML-level problem as a diagnostic.
///
/// Never lets a raw Yams error or a whole-document dump reach the user: each failure becomes one
/// C001 (syntax) or C004 (anchors, aliases, merge keys) finding at the parser's position.
enum YAMLComposer {
    /// Deepest nesting accepted; checked on the text before Yams composes (it recurses).
    static let maximumDepth = 100

    /// The composed root (nil when the document is empty or broken) and the findings.
    static func compose(text: String, file: String) -> (root: ConfigNode?, diagnostics: [Diagnostic]) {
        if let deep = NestingScanner.firstLineDeeperThan(maximumDepth, in: text) {
            let finding = Diagnostic.error(
                "C001", "nesting deeper than \(maximumDepth) levels is not supported",
                at: SourceLocation(file: file, line: deep.line, column: deep.column))
            return (nil, [finding])
        }
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return (nil, []) }
            var converter = NodeConverter(file: file)
            let node = withExtendedLifetime(parser) { converter.convert(root) }
            return (node, converter.diagnostics)
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, text: text, file: file)])
        } catch {
            let finding = Diagnostic.error("C001", "cannot parse YAML", at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, [finding])
        }
    }

    /// Maps a Yams error to one finding with a position and a readable message.
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.contains("undefined alias") {
                return .error("C004", "YAML anchors and aliases are not supported", at: at(mark))
            }
            var notes: [String] = []
            if let context { notes.append("\(context.text) at line \(context.mark.line), column \(context.mark.column)") }
            if TextPosition.character(in: text, line: mark.line, column: mark.column) == "\t"
                || TextPosition.lineHasLeadingTab(in: text, line: mark.line)
            {
                notes.append("tabs are not allowed in YAML indentation; indent with spaces")
            }
            return .error("C001", "YAML syntax error: \(problem)", at: at(mark), notes: notes)
        case .reader(let problem, let offset, _, _):
            let position = TextPosition.lineAndColumn(in: text, characterOffset: offset ?? 0)
            return .error(
                "C001", "unreadable text: \(problem)",
                at: SourceLocation(file: file, line: position.line, column: position.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let second = TextPosition.secondKeyOccurrence(of: key, in: text, after: context.mark)
            return .error(
                "C001", "duplicate key '\(key)'",
                at: SourceLocation(file: file, line: second.line, column: second.column),
                notes: ["first defined at line \(context.mark.line), column \(context.mark.column)"])
        default:
            return .error("C001", "cannot parse YAML", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// Copies a Yams node tree into `ConfigNode`s, flagging anchors, aliases and merge keys.
private struct NodeConverter {
    let file: String
    var diagnostics: [Diagnostic] = []
    private var reportedAnchors: Set<String> = []

    init(file: String) { self.file = file }

    private func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private mutating func flagAnchor(_ anchor: Anchor?, _ mark: Mark?) {
        guard anchor != nil else { return }
        let key = "\(mark?.line ?? 0):\(mark?.column ?? 0)"
        guard reportedAnchors.insert(key).inserted else { return }
        diagnostics.append(.error("C004", "YAML anchors and aliases are not supported", at: location(mark)))
    }

    mutating func convert(_ node: Node) -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            flagAnchor(scalar.anchor, scalar.mark)
            return ConfigNode(
                content: .scalar(scalar.string, plain: scalar.style == .plain), location: location(scalar.mark))
        case .sequence(let sequence):
            flagAnchor(sequence.anchor, sequence.mark)
            let items = sequence.map { convert($0) }
            return ConfigNode(content: .sequence(items), location: location(sequence.mark))
        case .mapping(let mapping):
            flagAnchor(mapping.anchor, mapping.mark)
            var entries: [ConfigEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyNode = convert(key)
                let valueNode = convert(value)
                let keyText = keyNode.scalarText ?? ""
                if keyText == "<<", case .scalar(_, true) = keyNode.content {
                    diagnostics.append(
                        .error("C004", "YAML merge keys (<<) are not supported", at: keyNode.location,
                               notes: ["YAML anchors and aliases are not supported"]))
                    continue
                }
                entries.append(ConfigEntry(key: keyText, keyLocation: keyNode.location, value: valueNode))
            }
            return ConfigNode(content: .mapping(entries), location: location(mapping.mark))
        case .alias(let alias):
            diagnostics.append(.error("C004", "YAML anchors and aliases are not supported", at: location(alias.mark)))
            return ConfigNode(content: .scalar("", plain: true), location: location(alias.mark))
        }
    }
}
