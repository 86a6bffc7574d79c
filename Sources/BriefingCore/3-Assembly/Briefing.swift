/// An assembled briefing: what the renderers turn into Markdown, text or JSON.
public struct Briefing: Sendable, Codable {
    /// The version of this JSON shape; it changes only when a field changes meaning or goes away.
    public var schema = 1
    public var blueprint: String
    /// The title as plain text.
    public var title: String
    public var date: CalendarDate
    public var budgetMinutes: Double
    /// The reading time of the included snippets.
    public var totalMinutes: Double
    /// The answers that shaped the briefing, as people read them.
    public var context: [ContextEntry]
    /// The answers as given, with defaults filled in.
    public var answers: Answers
    /// Self-assessed readiness scores and levels, when the blueprint has dimensions.
    public var scores: [String: Int]?
    public var levels: [String: String]?
    /// The whole readiness assessment: self and verified scores, statements, verification, focus.
    public var readiness: ReadinessReport?
    public var sections: [BriefingSection]
    /// The de-duplicated sources of the included snippets, in order of first use.
    public var sources: [Citation]
    /// Why every snippet of the blueprint is in or out.
    public var provenance: [SnippetDecision]
    /// Answers the engine read from other answers (`topics` from the `challenge`); they are also in
    /// `answers`.
    public var inferences: [AnswerInference]
    /// Things the reader should know about the assembly itself, e.g. an over-full budget.
    public var notes: [String]
    /// The title as Markdown, with answers escaped.
    public var titleMarkdown: String

    enum CodingKeys: String, CodingKey {
        case schema, blueprint, title, date, context, answers, scores, levels, readiness, sections, sources, provenance, notes
        case inferences = "inferred"
        case budgetMinutes = "budget_minutes", totalMinutes = "total_minutes", titleMarkdown = "title_markdown"
    }

    /// The ids of the included snippets, in document order.
    public var includedSnippetIDs: [String] {
        sections.flatMap { $0.snippets.map(\.id) }
    }
}

/// One line of the context box: a question's short label and the answer.
public struct ContextEntry: Sendable, Codable, Hashable {
    public var id: String
    public var label: String
    public var answer: String
}

/// A section of an assembled briefing.
public struct BriefingSection: Sendable, Codable {
    public var id: String
    public var title: String
    public var showTitles: Bool
    /// Markdown the engine wrote from the answers (a table, a chart), shown before the snippets.
    public var generated: String?
    /// Which block `generated` is, so that HTML and Word can draw its chart.
    public var generatedBlock: GeneratedBlock?
    public var snippets: [BriefingSnippet]
    /// The consultant's own note, Markdown, at the end of the section.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, title, generated, snippets, note
        case showTitles = "show_titles", generatedBlock = "generated_block"
    }

    /// True when the section has something to show.
    public var hasContent: Bool { generated != nil || !snippets.isEmpty || note != nil }
}

/// An included snippet, with its variables filled in.
public struct BriefingSnippet: Sendable, Codable {
    public var id: String
    public var title: String
    public var priority: Int
    public var minutes: Double
    /// The snippet's summary or, when `condensed` is false, its full text.
    public var markdown: String
    /// True when the summary stands in for the full text, because the full text did not fit the budget.
    public var condensed: Bool

    public init(id: String, title: String, priority: Int, minutes: Double, markdown: String, condensed: Bool = false) {
        self.id = id
        self.title = title
        self.priority = priority
        self.minutes = minutes
        self.markdown = markdown
        self.condensed = condensed
    }
}

/// Why a snippet is in or out of a briefing.
public struct SnippetDecision: Sendable, Codable, Hashable {
    /// The kinds of reason.
    public enum Reason: String, Sendable, Codable {
        /// In: it has no condition.
        case always
        /// In: its condition holds.
        case conditionTrue = "condition-true"
        /// Out: its condition is false.
        case conditionFalse = "condition-false"
        /// Out: its condition holds, but it did not fit the reading-time budget.
        case overBudget = "over-budget"
        /// In as its summary: the full text did not fit the reading-time budget.
        case condensed
        /// Out: a snippet already in the briefing covers the same idea.
        case duplicate
        /// In, in full: pinned by the consultant, whatever its condition and the budget.
        case pinned
        /// Out: dropped by the consultant.
        case dropped
    }

    public var id: String
    public var section: String
    public var title: String
    public var priority: Int
    public var minutes: Double
    public var included: Bool
    /// In as its summary rather than in full.
    public var condensed: Bool
    public var reason: Reason
    /// The `when` condition as written.
    public var condition: String?
    /// The answers the condition read.
    public var reads: [ConditionRead]
    /// The reason in words: "condition false: nation is england, not wales".
    public var explanation: String
}
