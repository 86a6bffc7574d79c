import Foundation
import Yams

/// A parsed YAML document that remembers where every node came from, so that problems can be
/// reported as `path:line:col`.
struct YAMLDocument {
    let root: Node?
    let file: String
    /// Added to every line number: front matter starts on line 2 of its file.
    let lineOffset: Int

    /// Parses `text`; a syntax error becomes a diagnostic with its line and column.
    init(parsing text: String, file: String, lineOffset: Int = 0) throws(BriefingError) {
        self.file = file
        self.lineOffset = lineOffset
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .badData([YAMLDocument.diagnostic(for: error, file: file, lineOffset: lineOffset)])
        } catch {
            throw .badData(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "\(error)")
        }
    }

    /// Where `node` starts.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the text of a scalar starts: after its opening quote, when it has one.
    func contentLocation(of node: Node) -> SourceLocation {
        var location = location(of: node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location.column += 1
        }
        return location
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + lineOffset), column \(context.mark.column))"
            }
            return .error(at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column), message)
        case .reader(let problem, let offset, _, let yaml):
            var line = 1, column = 1
            if let offset {
                (line, column) = TextPosition.lineAndColumn(ofCharacterOffset: offset, in: yaml)
            }
            return .error(at: SourceLocation(file: file, line: line + lineOffset, column: column),
                          "cannot read YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                          "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return .error(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "invalid YAML: \(error)")
        }
    }
}

/// Reads typed fields out of a YAML mapping, collecting a diagnostic for each problem
/// instead of stopping at the first.
struct YAMLFields {
    let document: YAMLDocument
    let node: Node
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    var diagnostics: [Diagnostic] = []

    /// Fails (with a diagnostic) when `node` is not a mapping.
    init?(_ node: Node?, in document: YAMLDocument, what: String, diagnostics: inout [Diagnostic]) {
        guard let node, case .mapping(let mapping) = node else {
            diagnostics.append(.error(at: document.location(of: node), "\(what) must be a mapping of keys to values"))
            return nil
        }
        self.document = document
        self.node = node
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
    }

    var location: SourceLocation { document.location(of: node) }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func location(of key: String) -> SourceLocation {
        document.location(of: value(key) ?? node)
    }

    /// Warns about keys outside `known`, with a did-you-mean.
    mutating func warnAboutUnknownKeys(_ known: [String], in what: String) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.append(.warning(at: document.location(of: pair.keyNode),
                                        "unknown key '\(pair.key)' in \(what)"
                                            + Suggestion.didYouMean(pair.key, in: known).replacingOccurrences(of: "\"", with: "'")))
        }
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(at: location, "missing required key '\(key)'")) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be text"))
            return nil
        }
        let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        let text = isNull ? "" : scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { diagnostics.append(.error(at: document.location(of: node), "'\(key)' is empty")) }
            return nil
        }
        return text
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = node.int else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a whole number"))
            return nil
        }
        if let range, !range.contains(number) {
            diagnostics.append(.error(at: document.location(of: node),
                                      "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(number)"))
            return nil
        }
        return number
    }

    mutating func number(_ key: String) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init) else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a number"))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be true or false"))
            return nil
        }
        return flag
    }

    /// A list of strings; a single string is taken as a one-item list.
    mutating func strings(_ key: String) -> [String]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                if let text = item.scalar?.string {
                    items.append(text)
                } else {
                    diagnostics.append(.error(at: document.location(of: item), "every item of '\(key)' must be text"))
                }
            }
            return items
        default:
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a list"))
            return nil
        }
    }

    /// The items of a list of mappings.
    mutating func sequence(_ key: String, required: Bool = false) -> [Node] {
        guard let node = value(key) else {
            if required { diagnostics.append(.error(at: location, "missing required key '\(key)'")) }
            return []
        }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a list"))
            return []
        }
        return Array(sequence)
    }

    /// Parses a condition-valued key, reporting syntax errors at their exact line and column.
    mutating func condition(_ key: String) -> (Condition, SourceLocation)? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a condition written as text"))
            return nil
        }
        let start = document.contentLocation(of: node)
        do {
            return (try Condition(parsing: scalar.string), start)
        } catch {
            let (line, column) = error.position(in: scalar.string)
            let location = line == 1 ? start.advanced(lines: 0, column: column)
                                     : SourceLocation(file: start.file, line: start.line + line - 1, column: column)
            diagnostics.append(.error(at: location, "in '\(key)': \(error.message)"))
            return nil
        }
    }
}
