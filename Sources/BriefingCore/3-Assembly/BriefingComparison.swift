/// What changes between two briefings: snippets gained and lost, and the change in reading time.
public struct BriefingComparison: Sendable, Codable {
    /// A snippet that one side has and the other lacks.
    public struct Change: Sendable, Codable, Hashable {
        public var id: String
        public var title: String
        public var section: String
        public var minutes: Double
    }

    /// An answer that differs between the two sides.
    public struct AnswerChange: Sendable, Codable, Hashable {
        public var id: String
        public var before: String?
        public var after: String?
    }

    public var added: [Change]
    public var removed: [Change]
    public var answerChanges: [AnswerChange]
    public var minutesBefore: Double
    public var minutesAfter: Double

    enum CodingKeys: String, CodingKey {
        case added, removed
        case answerChanges = "answer_changes", minutesBefore = "minutes_before", minutesAfter = "minutes_after"
    }

    public init(from before: Briefing, to after: Briefing, blueprint: Blueprint) {
        func changes(_ side: Briefing, excluding other: Set<String>) -> [Change] {
            side.sections.flatMap { section in
                section.snippets.filter { !other.contains($0.id) }.map {
                    Change(id: $0.id, title: $0.title, section: section.id, minutes: $0.minutes)
                }
            }
        }
        let beforeIDs = Set(before.includedSnippetIDs), afterIDs = Set(after.includedSnippetIDs)
        added = changes(after, excluding: beforeIDs)
        removed = changes(before, excluding: afterIDs)
        minutesBefore = before.totalMinutes
        minutesAfter = after.totalMinutes
        var answerChanges: [AnswerChange] = []
        let ids = blueprint.questions.map(\.id)
        for id in ids where before.answers[id] != after.answers[id] {
            let question = blueprint.question(id)
            answerChanges.append(AnswerChange(id: id, before: before.answers[id]?.display(for: question),
                                              after: after.answers[id]?.display(for: question)))
        }
        self.answerChanges = answerChanges
    }

    /// The change in minutes, after minus before.
    public var minutesDelta: Double { ((minutesAfter - minutesBefore) * 100).rounded() / 100 }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}
