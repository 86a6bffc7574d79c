import Foundation
import Yams

/// Turns a `Briefings/ID.yaml` file into a `Blueprint`, collecting every problem on the way.
enum BlueprintDecoder {
    static let keys = ["id", "title", "description", "budget", "context", "questions", "sections", "dimensions"]
    static let questionKeys = ["id", "type", "ask", "help", "label", "required", "ask_if", "options",
                               "min", "max", "default", "dimension", "infer_from", "identity"]
    static let optionKeys = ["value", "label", "synonyms"]
    static let sectionKeys = ["id", "title", "required", "show_titles", "generated"]
    static let dimensionKeys = ["id", "title", "owner"]

    static func decode(_ text: String, file: String, defaultID: String) -> (Blueprint?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let document: YAMLDocument
        do {
            document = try YAMLDocument(parsing: text, file: file)
        } catch {
            if case .badData(let found) = error { return (nil, found) }
            return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1), error.description)])
        }
        guard var fields = YAMLFields(document.root, in: document, what: "a blueprint", diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        fields.warnAboutUnknownKeys(keys, in: "a blueprint")
        let id = fields.string("id") ?? defaultID
        if id != defaultID {
            fields.diagnostics.append(.warning(at: fields.location(of: "id"),
                                               "blueprint id '\(id)' differs from its file name '\(defaultID).yaml'"))
        }
        let titleSource = fields.string("title", required: true) ?? id
        var title = try? Template(parsing: id)
        do {
            title = try Template(parsing: titleSource)
        } catch {
            fields.diagnostics.append(.error(at: fields.location(of: "title"), "in 'title': \(error.message)"))
        }

        let dimensions = fields.sequence("dimensions").compactMap { node -> Dimension? in
            guard var item = YAMLFields(node, in: document, what: "a dimension", diagnostics: &fields.diagnostics) else { return nil }
            item.warnAboutUnknownKeys(dimensionKeys, in: "a dimension")
            defer { fields.diagnostics += item.diagnostics }
            guard let id = item.string("id", required: true) else { return nil }
            return Dimension(id: id, title: item.string("title") ?? Question.defaultLabel(for: id), owner: item.string("owner"))
        }
        let questions = fields.sequence("questions", required: true).compactMap { node in
            decodeQuestion(node, document: document, diagnostics: &fields.diagnostics)
        }
        let sections = fields.sequence("sections", required: true).compactMap { node -> Section? in
            guard var item = YAMLFields(node, in: document, what: "a section", diagnostics: &fields.diagnostics) else { return nil }
            item.warnAboutUnknownKeys(sectionKeys, in: "a section")
            defer { fields.diagnostics += item.diagnostics }
            guard let id = item.string("id", required: true) else { return nil }
            var generated: GeneratedBlock?
            if let kind = item.string("generated") {
                generated = GeneratedBlock(rawValue: kind)
                if generated == nil {
                    item.diagnostics.append(.error(at: item.location(of: "generated"),
                        "unknown generated block '\(kind)'" + Suggestion.didYouMean(kind, in: GeneratedBlock.allCases.map(\.rawValue))
                        + " (blocks: \(GeneratedBlock.allCases.map(\.rawValue).joined(separator: ", ")))"))
                }
            }
            return Section(id: id, title: item.string("title") ?? Question.defaultLabel(for: id),
                           required: item.bool("required") ?? false, showTitles: item.bool("show_titles") ?? true,
                           generated: generated)
        }

        var budget = Blueprint.Budget.minutes(10)
        if let node = fields.value("budget") {
            if let minutes = node.float ?? node.int.map(Double.init) {
                budget = .minutes(minutes)
            } else if let name = node.string {
                budget = .question(name)
            }
        }
        let context = fields.strings("context")
        let blueprint = Blueprint(id: id, title: title ?? Template(literal: id),
                                  description: fields.string("description"), budget: budget,
                                  questions: questions, sections: sections, dimensions: dimensions,
                                  contextQuestionIDs: context, location: SourceLocation(file: file, line: 1, column: 1))
        diagnostics += fields.diagnostics
        diagnostics += BlueprintValidator.validate(blueprint, fields: fields)
        return (blueprint, diagnostics)
    }

    private static func decodeQuestion(_ node: Node, document: YAMLDocument, diagnostics: inout [Diagnostic]) -> Question? {
        guard var item = YAMLFields(node, in: document, what: "a question", diagnostics: &diagnostics) else { return nil }
        item.warnAboutUnknownKeys(questionKeys, in: "a question")
        defer { diagnostics += item.diagnostics }
        guard let id = item.string("id", required: true) else { return nil }
        let typeName = item.string("type") ?? "text"
        guard let kind = Question.Kind(rawValue: typeName) else {
            item.diagnostics.append(.error(
                at: item.location(of: "type"),
                "unknown question type '\(typeName)' for '\(id)'"
                    + Suggestion.didYouMean(typeName, in: Question.Kind.allCases.map(\.rawValue))
                    + " (types: text, choice, multi, number, scale)"))
            return nil
        }
        let options = item.sequence("options").compactMap { node -> ChoiceOption? in
            if let value = node.scalar?.string { return ChoiceOption(value: value) }
            guard var option = YAMLFields(node, in: document, what: "an option", diagnostics: &item.diagnostics) else { return nil }
            option.warnAboutUnknownKeys(optionKeys, in: "an option")
            defer { item.diagnostics += option.diagnostics }
            guard let value = option.string("value", required: true) else { return nil }
            let synonyms = (option.strings("synonyms") ?? []).map { $0.lowercased() }
            return ChoiceOption(value: value, label: option.string("label"), synonyms: synonyms)
        }
        var defaultValue: AnswerValue?
        if let node = item.value("default") {
            if kind == .number || kind == .scale, let number = node.float ?? node.int.map(Double.init) {
                defaultValue = .number(number)
            } else if kind == .choice, let value = node.string {
                defaultValue = .choice(value)
            } else if kind == .multi {
                defaultValue = .choices(item.strings("default") ?? [])
            } else if let text = node.string {
                defaultValue = .text(text)
            }
        }
        return Question(id: id, kind: kind, ask: item.string("ask", required: true) ?? id, help: item.string("help"),
                        label: item.string("label"), required: item.bool("required") ?? false,
                        askIf: item.condition("ask_if")?.0, options: options,
                        minimum: item.number("min"), maximum: item.number("max"), defaultValue: defaultValue,
                        dimension: item.string("dimension"), inferredFrom: item.string("infer_from"),
                        identity: item.bool("identity") ?? false,
                        location: document.location(of: node))
    }
}
