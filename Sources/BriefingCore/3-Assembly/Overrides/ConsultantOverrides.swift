/// The consultant's own hand on a briefing, kept with the answers (`overrides:`): snippets pinned
/// in whatever their condition and the budget, snippets dropped, and a note of their own at the end
/// of a section.
public struct ConsultantOverrides: Sendable {
    /// Pinned snippet ids, in the order given: in, in full, whatever the condition and the budget.
    public var include: [String] = []
    /// Dropped snippet ids: out.
    public var exclude: [String] = []
    /// Per section id: the consultant's note, Markdown.
    public var notes: [String: String] = [:]
    /// Where each id and note was written (`include:ID`, `exclude:ID`, `notes:SECTION`), for messages.
    public var locations: [String: SourceLocation] = [:]

    public init(include: [String] = [], exclude: [String] = [], notes: [String: String] = [:]) {
        self.include = include
        self.exclude = exclude
        self.notes = notes
    }

    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty && notes.isEmpty }

    /// Pins `id`, undoing any drop of it.
    public mutating func pin(_ id: String) {
        exclude.removeAll { $0 == id }
        if !include.contains(id) { include.append(id) }
    }

    /// Drops `id`, undoing any pin of it.
    public mutating func drop(_ id: String) {
        include.removeAll { $0 == id }
        if !exclude.contains(id) { exclude.append(id) }
    }

    /// Gives `id` back to the engine's choice.
    public mutating func release(_ id: String) {
        include.removeAll { $0 == id }
        exclude.removeAll { $0 == id }
    }

    /// These overrides with `other`'s laid over them: its pins and drops win for the ids it names.
    public func merging(_ other: ConsultantOverrides) -> ConsultantOverrides {
        var merged = self
        for id in other.include { merged.pin(id) }
        for id in other.exclude { merged.drop(id) }
        merged.notes.merge(other.notes) { _, new in new }
        merged.locations.merge(other.locations) { _, new in new }
        return merged
    }

    /// The overrides as dotted answers, the shape CSV columns and session files use.
    public var flattened: [(id: String, value: RawAnswer.Value)] {
        var pairs: [(String, RawAnswer.Value)] = []
        if !include.isEmpty { pairs.append(("overrides.include", .list(include))) }
        if !exclude.isEmpty { pairs.append(("overrides.exclude", .list(exclude))) }
        pairs += notes.sorted { $0.key < $1.key }.map { ("overrides.notes.\($0.key)", .text($0.value)) }
        return pairs
    }
}

extension ConsultantOverrides: Hashable {
    // Where the overrides were written does not make them different overrides.
    public static func == (lhs: ConsultantOverrides, rhs: ConsultantOverrides) -> Bool {
        lhs.include == rhs.include && lhs.exclude == rhs.exclude && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(include)
        hasher.combine(exclude)
        hasher.combine(notes)
    }
}
