import Foundation
import Yams

/// A parsed YAML document that remembers where every node came from, so that problems can be
/// reported as `path:line:col`.
struct YAMLDocument {
    let root: Node?
    let file: String
    /// Added to every line number: front matter starts on line 2 of its file.
    let lineOffset: Int
    /// The YAML source, to map positions inside multi-line scalars back to the file.
    let text: String

    /// Parses `text`; a syntax error becomes a diagnostic with its line and column.
    init(parsing text: String, file: String, lineOffset: Int = 0) throws(BriefingError) {
        self.file = file
        self.lineOffset = lineOffset
        self.text = text
        do {
            root = try YAMLDocument.compose(text)
        } catch let error as YamlError {
            throw .badData([YAMLDocument.diagnostic(for: error, file: file, lineOffset: lineOffset)])
        } catch let problem as DocumentProblem {
            throw .badData(at: SourceLocation(file: file, line: (problem.mark?.line ?? 1) + lineOffset, column: problem.mark?.column ?? 1),
                           problem.message)
        } catch {
            throw .badData(at: SourceLocation(file: file, line: 1 + lineOffset, column: 1), "\(error)")
        }
    }

    /// Composes `text` into nodes, as `Yams.compose(yaml:)` does.
    ///
    /// Yams resolves the tag of every plain mapping key by trying a row of regular expressions, the
    /// costliest part of loading a library. Nothing here reads resolved tags; they only decide which
    /// keys Yams takes for duplicates, and that can only differ from plain text comparison when a key
    /// carries an explicit tag or is itself a collection. So the text is composed with Yams' basic
    /// resolver first, and again with its default one when a key could be affected.
    static func compose(_ text: String) throws -> Node? {
        do {
            let root = try Parser(yaml: text, resolver: .basic, constructor: constructor, encoding: .utf8).singleRoot()
            if try !inspect(root, bytes: text.utf8.count) { return root }
        } catch YamlError.duplicatedKeysInMapping {
            // Equal keys may still differ in their resolved tags: let the default resolver decide.
        }
        let root = try Parser(yaml: text, resolver: .default, constructor: constructor, encoding: .utf8).singleRoot()
        try refuseAnchors(in: root, bytes: text.utf8.count)
        return root
    }

    /// The constructor every parser shares: Yams' default, which `Constructor.default` would build
    /// afresh for each document. It is never mutated (its maps are constants), so threads can share it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Aliases that expand a document (`&a`, `*a`) are refused: nothing here needs them, and a few
    /// hundred bytes of aliases to aliases ("billion laughs") expand to more than any computer holds. Yams resolves
    /// an alias to the node it names, so an alias shows as a node met again: without aliases a
    /// document has fewer nodes than bytes, and the walk stops as soon as it has seen more, long
    /// before any expansion costs time. Nesting deeper than the limit is refused on the way.
    static func refuseAnchors(in root: Node?, bytes: Int) throws {
        _ = try inspect(root, bytes: bytes)
    }

    /// Refuses anchors and deep nesting as `refuseAnchors` does, and in the same walk finds whether
    /// some mapping has a key that is a collection or has an explicit tag other than `!!str` (quoted
    /// keys count as `!!str`): a key whose duplicates only Yams' default resolver can judge.
    private static func inspect(_ root: Node?, bytes: Int) throws -> Bool {
        var budget = bytes + 16
        var hasUnusualKey = false
        func visit(_ node: Node, depth: Int) throws {
            budget -= 1
            if budget < 0 {
                throw DocumentProblem(message: "the document expands to more values than it has bytes, which only YAML aliases "
                                      + "(*name) repeating anchors (&name) can do; write the values out in full", mark: node.mark)
            }
            if depth > InputLimits.documentNesting {
                throw DocumentProblem(message: "the document nests more than \(InputLimits.documentNesting) levels deep", mark: node.mark)
            }
            switch node {
            case .scalar: return
            case .alias:
                throw DocumentProblem(message: "YAML anchors and aliases (&name, *name) are not allowed here: write the value out in full",
                                      mark: node.mark)
            case .sequence(let sequence): for item in sequence { try visit(item, depth: depth + 1) }
            case .mapping(let mapping):
                // By index: iterating a Yams mapping first copies all its pairs into a new array.
                for index in mapping.indices {
                    let (key, value) = mapping[index]
                    try visit(key, depth: depth + 1)
                    if !hasUnusualKey, !isPlainKey(key) { hasUnusualKey = true }
                    try visit(value, depth: depth + 1)
                }
            }
        }
        if let root { try visit(root, depth: 0) }
        return hasUnusualKey
    }

    /// True for a scalar key tagged `!!str` (as every plain or quoted key is under the basic resolver).
    private static func isPlainKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.tag.rawValue == Tag.Name.str.rawValue
    }

    /// A document that parses but is refused: its message and where.
    struct DocumentProblem: Error {
        var message: String
        var mark: Mark?
    }

    /// Where `node` starts.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The file location of every character of a scalar's value (and one past its end), undoing
    /// YAML's folding: a block scalar starts on the line after its indicator, and every line break in
    /// the source, with the indentation after it, stands for one character of the value.
    func valueLocations(of node: Node) -> [SourceLocation] {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return [location(of: node)] }
        let source = Array(text)
        // YAML breaks lines at LF, CR and CRLF; Swift keeps CRLF as one Character.
        func isBreak(_ character: Character) -> Bool { character == "\n" || character == "\r" || character == "\r\n" }
        var index = 0, line = 1, column = 1
        while index < source.count, line < mark.line || (line == mark.line && column < mark.column) {
            if isBreak(source[index]) { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        func advance() {
            guard index < source.count else { return }
            if isBreak(source[index]) { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        func skipIndentation() {
            while index < source.count, source[index] == " " || source[index] == "\t" { advance() }
        }
        switch scalar.style {
        case .literal, .folded:
            while index < source.count, !isBreak(source[index]) { advance() }
            if index < source.count { advance() }
            skipIndentation()
        case .singleQuoted, .doubleQuoted:
            advance()
        default:
            break
        }
        var locations: [SourceLocation] = []
        for character in scalar.string {
            locations.append(SourceLocation(file: file, line: line + lineOffset, column: column))
            if index >= source.count { continue }
            if isBreak(source[index]) {
                advance()
                skipIndentation()
                continue
            }
            if source[index] == "\\", character != "\\" { advance() }
            if index < source.count { advance() }
        }
        locations.append(SourceLocation(file: file, line: line + lineOffset, column: column))
        return locations
    }

    /// True for a plain or quoted scalar whose whole text stands on the line where it starts.
    func isOnOneLine(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, let mark = node.mark,
              scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
              !TextSearch.contains(scalar.string, "\n") else { return false }
        let bytes = text.utf8
        var start = bytes.startIndex, line = 1
        while line < mark.line {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return false }
            start = bytes.index(after: newline)
            line += 1
        }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
        return TextSearch.contains(text[start..<end], scalar.string)
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
    /// The mapping's keys as text, with their nodes and values at the same positions.
    private var keys: [String] = []
    private var keyNodes: [Node] = []
    private var values: [Node] = []
    var diagnostics: [Diagnostic] = []

    /// Fails (with a diagnostic) when `node` is not a mapping.
    init?(_ node: Node?, in document: YAMLDocument, what: String, diagnostics: inout [Diagnostic]) {
        guard let node, case .mapping(let mapping) = node else {
            diagnostics.append(.error(at: document.location(of: node), "\(what) must be a mapping of keys to values"))
            return nil
        }
        self.document = document
        self.node = node
        keys.reserveCapacity(mapping.count)
        keyNodes.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        // By index: iterating a Yams mapping first copies all its pairs into a new array.
        for index in mapping.indices {
            let (key, value) = mapping[index]
            if case .scalar(let scalar) = key { keys.append(scalar.string) } else { keys.append(key.string ?? "") }
            keyNodes.append(key)
            values.append(value)
        }
    }

    var location: SourceLocation { document.location(of: node) }

    func value(_ key: String) -> Node? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    func location(of key: String) -> SourceLocation {
        document.location(of: value(key) ?? node)
    }

    /// Warns about keys outside `known`, with a did-you-mean.
    mutating func warnAboutUnknownKeys(_ known: [String], in what: String) {
        for (index, key) in keys.enumerated() where !known.contains(key) {
            diagnostics.append(.warning(at: document.location(of: keyNodes[index]),
                                        "unknown key '\(key)' in \(what)"
                                            + Suggestion.didYouMean(key, in: known).replacingOccurrences(of: "\"", with: "'")))
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
        let text = isNull ? "" : scalar.string.trimmingWhitespaceAndNewlines()
        if text.isEmpty {
            if required { diagnostics.append(.error(at: document.location(of: node), "'\(key)' is empty")) }
            return nil
        }
        return text
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = YAMLFields.decimalInt(node) ?? node.int else {
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
        guard let number = YAMLFields.decimalDouble(node) ?? node.float ?? node.int.map(Double.init) else {
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

    /// A plain scalar written as a decimal whole number without leading zeros, read as Yams would
    /// read it, but without its `NSString` work; nil for anything else, which Yams then reads.
    static func decimalInt(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        var digits = Substring(scalar.string).utf8
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) || scalar.string == "0",
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(scalar.string)
    }

    /// A plain scalar made only of digits, `.` and `-`, read as Yams reads a float (`Double(text)`).
    static func decimalDouble(_ node: Node) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !scalar.string.isEmpty,
              scalar.string.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                  || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { return nil }
        return Double(scalar.string)
    }

    /// Parses a condition-valued key, reporting syntax errors at their exact line and column.
    mutating func condition(_ key: String) -> (condition: Condition, start: SourceLocation, locations: [SourceLocation])? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(at: document.location(of: node), "'\(key)' must be a condition written as text"))
            return nil
        }
        let start = document.contentLocation(of: node)
        // Most conditions sit on one line, where an offset is a column; only a condition written
        // over several lines needs the location of each character.
        let locations = document.isOnOneLine(node) ? [] : document.valueLocations(of: node)
        func location(ofOffset offset: Int) -> SourceLocation {
            locations.isEmpty ? start.advanced(lines: 0, column: offset + 1) : locations[min(offset, locations.count - 1)]
        }
        do {
            return (try Condition(parsing: scalar.string), start, locations)
        } catch {
            diagnostics.append(.error(at: location(ofOffset: error.offset), "in '\(key)': \(error.message)"))
            return nil
        }
    }
}
