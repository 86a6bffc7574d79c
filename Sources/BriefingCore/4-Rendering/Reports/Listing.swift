/// `briefing list` output, as aligned text or JSON.
public struct Listing: Sendable {
    public let text: String
    public let json: String

    public static func blueprints(_ library: ContentLibrary) -> Listing {
        let rows = [["ID", "QUESTIONS", "SECTIONS", "TITLE"]] + library.blueprints.map {
            [$0.id, String($0.questions.count), String($0.sections.count), $0.title.source]
        }
        let items = library.blueprints.map {
            BlueprintItem(id: $0.id, title: $0.title.source, description: $0.description,
                          questions: $0.questions.map(\.id), sections: $0.sections.map(\.id),
                          dimensions: $0.dimensions.isEmpty ? nil : $0.dimensions.map(\.id))
        }
        return Listing(text: TextTable.format(rows), json: JSONRenderer.encode(items, pretty: true) + "\n")
    }

    public static func questions(_ blueprint: Blueprint) -> Listing {
        let rows = [["ID", "TYPE", "REQUIRED", "VALUES"]] + blueprint.questions.map { question in
            var values = question.options.map(\.value).joined(separator: ", ")
            if question.kind == .number, let minimum = question.minimum, let maximum = question.maximum {
                values = "\(ConditionValue.format(minimum))..\(ConditionValue.format(maximum))"
                if let value = question.defaultValue { values += ", default \(value.raw)" }
            }
            if let dimension = question.dimension { values = "dimension \(dimension): \(values)" }
            if question.kind == .text { values = question.ask }
            return [question.id, question.kind.rawValue, question.required ? "yes" : "no", values]
        }
        let items = blueprint.questions.map { question in
            QuestionItem(id: question.id, type: question.kind.rawValue, ask: question.ask, help: question.help,
                         required: question.required, dimension: question.dimension,
                         options: question.hasOptions ? question.options.map { OptionItem(value: $0.value, label: $0.label) } : nil,
                         min: question.minimum, max: question.maximum, default: question.defaultValue,
                         askIf: question.askIf?.source)
        }
        return Listing(text: TextTable.format(rows), json: JSONRenderer.encode(items, pretty: true) + "\n")
    }

    public static func snippets(_ snippets: [Snippet]) -> Listing {
        let rows = [["ID", "SECTION", "P", "MIN", "WHEN"]] + snippets.map {
            [$0.id, $0.section, String($0.priority), MinutesFormat.short($0.minutes), $0.when?.source ?? "always"]
        }
        let items = snippets.map {
            SnippetItem(id: $0.id, title: $0.title, section: $0.section, blueprints: $0.blueprints, priority: $0.priority,
                        order: $0.order, minutes: $0.minutes, words: $0.wordCount, when: $0.when?.source,
                        sources: $0.sources, reviewed: $0.reviewed, file: $0.location.file)
        }
        let footer = "\(snippets.count) snippet\(snippets.count == 1 ? "" : "s")\n"
        return Listing(text: TextTable.format(rows) + footer, json: JSONRenderer.encode(items, pretty: true) + "\n")
    }

    private struct BlueprintItem: Encodable {
        var id: String, title: String, description: String?, questions: [String], sections: [String], dimensions: [String]?
    }

    private struct OptionItem: Encodable {
        var value: String, label: String
    }

    private struct QuestionItem: Encodable {
        var id: String, type: String, ask: String, help: String?, required: Bool, dimension: String?
        var options: [OptionItem]?, min: Double?, max: Double?, `default`: AnswerValue?, askIf: String?

        enum CodingKeys: String, CodingKey {
            case id, type, ask, help, required, dimension, options, min, max, `default`
            case askIf = "ask_if"
        }
    }

    private struct SnippetItem: Encodable {
        var id: String, title: String, section: String, blueprints: [String]?, priority: Int, order: Int
        var minutes: Double, words: Int, when: String?, sources: [Citation], reviewed: String?, file: String
    }
}
