import Foundation
import Yams

/// Reads a YAML or JSON answers file: a mapping of question ids to answers, with an optional
/// `blueprint` key.
public struct AnswersFile: Sendable {
    public var blueprintID: String?
    public var answers: [RawAnswer]

    public init(blueprintID: String? = nil, answers: [RawAnswer] = []) {
        self.blueprintID = blueprintID
        self.answers = answers
    }

    /// Reads `path` (`-` for stdin).
    public static func read(_ path: String) throws(BriefingError) -> AnswersFile {
        let text = try TextFile.read(path)
        return try parse(text, file: path == "-" ? "<stdin>" : path)
    }

    /// Parses answers from YAML or JSON text.
    public static func parse(_ text: String, file: String) throws(BriefingError) -> AnswersFile {
        let document = try YAMLDocument(parsing: text, file: file)
        guard let root = document.root else { return AnswersFile() }
        guard case .mapping(let mapping) = root else {
            throw .badData(at: document.location(of: root),
                           "an answers file must be a mapping of question ids to answers, e.g. 'nation: wales'")
        }
        guard mapping.count <= InputLimits.answerKeys else {
            throw .badData(at: document.location(of: root),
                           "the answers file has \(mapping.count) keys; the limit is \(InputLimits.answerKeys)")
        }
        // A briefing exported as JSON carries its answers under `answers`: read those, so that an
        // export can be loaded back (`/load briefing.json`, `briefing build --answers briefing.json`).
        let keys = Set(mapping.keys.compactMap(\.string))
        if keys.isSuperset(of: ["schema", "answers", "sections"]), let answers = mapping["answers"], case .mapping(let inner) = answers {
            let blueprint = mapping["blueprint"]?.string
            var exported = try answersMapping(inner, document: document)
            exported.blueprintID = exported.blueprintID ?? blueprint
            return exported
        }
        return try answersMapping(mapping, document: document)
    }

    /// The answers of one mapping of question ids to values.
    private static func answersMapping(_ mapping: Node.Mapping, document: YAMLDocument) throws(BriefingError) -> AnswersFile {
        var result = AnswersFile()
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            guard let id = key.string else {
                diagnostics.append(.error(at: document.location(of: key), "question ids must be text"))
                continue
            }
            if id == "blueprint" {
                result.blueprintID = value.string
                continue
            }
            if AssessmentField.roots.contains(id) || id == OverrideField.root, case .mapping = value {
                flatten(value, under: id, document: document, into: &result.answers, diagnostics: &diagnostics)
                continue
            }
            do {
                result.answers.append(RawAnswer(id: id, value: try rawValue(value, id: id, document: document),
                                                location: document.location(of: value)))
            } catch {
                if case .badData(let found) = error { diagnostics += found }
            }
        }
        if !diagnostics.isEmpty { throw .badData(diagnostics) }
        return result
    }

    /// `evidence:` and `verification:` mappings become dotted answers (`verification.scores.ID`),
    /// the same keys a CSV's columns give.
    private static func flatten(_ node: Node, under prefix: String, document: YAMLDocument,
                                into answers: inout [RawAnswer], diagnostics: inout [Diagnostic]) {
        guard case .mapping(let mapping) = node else { return }
        for (key, value) in mapping {
            guard let name = key.string else {
                diagnostics.append(.error(at: document.location(of: key), "the keys under '\(prefix)' must be text"))
                continue
            }
            let id = prefix + "." + name
            if case .mapping = value, (prefix == "verification" && ["scores", "notes"].contains(name))
                || (prefix == OverrideField.root && name == "notes") {
                flatten(value, under: id, document: document, into: &answers, diagnostics: &diagnostics)
                continue
            }
            do {
                answers.append(RawAnswer(id: id, value: try rawValue(value, id: id, document: document),
                                         location: document.location(of: value)))
            } catch {
                if case .badData(let found) = error { diagnostics += found }
            }
        }
    }

    private static func rawValue(_ node: Node, id: String, document: YAMLDocument) throws(BriefingError) -> RawAnswer.Value {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let number = node.int.map(Double.init) ?? node.float, number.isFinite, node.bool == nil {
                    return .number(number)
                }
            }
            return .text(scalar.string)
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string else {
                    throw .badData(at: document.location(of: item), "the answer to '\(id)' must be a list of values")
                }
                items.append(text)
            }
            return .list(items)
        case .mapping, .alias:
            throw .badData(at: document.location(of: node),
                           "the answer to '\(id)' must be a value or a list, not a mapping")
        }
    }
}
