import Foundation
@testable import BriefingCore

/// Small builders shared by the unit tests: blueprints, questions and snippets made in code, condition
/// scopes from dictionaries, and throwaway library folders on disk.
enum TestSupport {
    static let here = SourceLocation(file: "test", line: 1, column: 1)

    static func choice(_ id: String, _ values: [String], labels: [String: String] = [:],
                       synonyms: [String: [String]] = [:], required: Bool = false) -> Question {
        Question(id: id, kind: .choice, ask: "\(id)?", required: required,
                 options: values.map { ChoiceOption(value: $0, label: labels[$0], synonyms: synonyms[$0] ?? []) },
                 location: here)
    }

    static func multi(_ id: String, _ values: [String], labels: [String: String] = [:]) -> Question {
        Question(id: id, kind: .multi, ask: "\(id)?", options: values.map { ChoiceOption(value: $0, label: labels[$0]) },
                 location: here)
    }

    static func text(_ id: String, required: Bool = false) -> Question {
        Question(id: id, kind: .text, ask: "\(id)?", required: required, location: here)
    }

    static func number(_ id: String, min: Double? = nil, max: Double? = nil, default value: Double? = nil) -> Question {
        Question(id: id, kind: .number, ask: "\(id)?", minimum: min, maximum: max,
                 defaultValue: value.map { .number($0) }, location: here)
    }

    static func scale(_ id: String, dimension: String) -> Question {
        Question(id: id, kind: .scale, ask: "\(id)?", dimension: dimension, location: here)
    }

    /// The questions most tests use, shaped like the senior-leader interview.
    static let nation = choice("nation", ["england", "scotland", "wales", "northern-ireland", "uk-wide"],
                               labels: ["england": "England", "scotland": "Scotland", "wales": "Wales",
                                        "northern-ireland": "Northern Ireland", "uk-wide": "UK-wide"],
                               synonyms: ["wales": ["welsh", "cymru", "cardiff"], "scotland": ["scottish"]],
                               required: true)
    static let stage = choice("stage", ["early-thinking", "options", "formal-consultation", "decision"],
                              labels: ["early-thinking": "Early thinking", "options": "Developing options",
                                       "formal-consultation": "Formal consultation", "decision": "Decision"])
    static let drivers = multi("drivers", ["consultation-fatigue", "trust", "health-inequalities", "net-zero"],
                               labels: ["consultation-fatigue": "Consultation fatigue", "trust": "Trust",
                                        "health-inequalities": "Health inequalities", "net-zero": "Net zero"])
    static let organisation = text("organisation", required: true)
    static let leaderRole = text("leader_role")
    static let challenge = text("challenge")
    static let minutes = number("minutes", min: 3, max: 60, default: 10)

    static func blueprint(id: String = "senior-leader", title: String = "Briefing for {{organisation}}",
                          questions: [Question]? = nil, sections: [Section]? = nil,
                          dimensions: [BriefingCore.Dimension] = [], budget: Blueprint.Budget = .question("minutes")) -> Blueprint {
        Blueprint(id: id, title: try! Template(parsing: title), budget: budget,
                  questions: questions ?? [organisation, leaderRole, nation, stage, drivers, minutes, challenge],
                  sections: sections ?? [Section(id: "summary", title: "At a glance"),
                                         Section(id: "context", title: "Why this matters now"),
                                         Section(id: "actions", title: "What you can do next")],
                  dimensions: dimensions, location: here)
    }

    static func snippet(_ id: String, section: String, when: String? = nil, priority: Int = 2, order: Int = 50,
                        minutes: Double = 1, body: String? = nil, sources: [Citation] = [],
                        blueprints: [String]? = nil) -> Snippet {
        Snippet(id: id, title: "Title of \(id)", section: section, blueprints: blueprints,
                when: when.map { try! Condition(parsing: $0) }, priority: priority, order: order, minutes: minutes,
                body: try! Template(parsing: body ?? "Body of \(id)."), sources: sources, wordCount: 50,
                location: SourceLocation(file: "Snippets/\(id).md", line: 1, column: 1))
    }

    static func answers(_ values: [String: AnswerValue]) -> Answers {
        Answers(values)
    }

    static let date = CalendarDate("2026-01-15")!
}

/// A condition scope backed by a dictionary; missing identifiers are unanswered.
struct DictionaryScope: ConditionScope {
    var values: [String: ConditionValue]

    init(_ values: [String: ConditionValue]) {
        self.values = values
    }

    func value(of identifier: String) -> ConditionValue {
        values[identifier] ?? .null
    }
}

/// A folder under the system temporary directory, removed when the test is done with it.
final class TemporaryFolder {
    let path: String

    init(_ label: String = "briefing-tests") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` as UTF-8 to `relative`, creating folders on the way.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        let folder = (full as NSString).deletingLastPathComponent
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }
}

/// Parsing Markdown the way the product does (cmark-gfm with the table extension), for assertions.
enum MarkdownInspection {
    /// The document as HTML.
    static func html(_ markdown: String) -> String {
        MarkdownDocument(markdown).html()
    }

    /// Every node kind in the document, depth first.
    static func kinds(_ markdown: String) -> [MarkdownNode.Kind] {
        let document = MarkdownDocument(markdown)
        var kinds: [MarkdownNode.Kind] = []
        MarkdownNode(pointer: document.root).walk { kinds.append($0.kind) }
        return kinds
    }
}
