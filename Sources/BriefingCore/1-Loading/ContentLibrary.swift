/// The loaded content library: blueprints and snippets, with every problem found while loading.
public struct ContentLibrary: Sendable {
    /// The folder that holds `Briefings/` and `Snippets/`.
    public let root: String
    /// Blueprints sorted by id.
    public let blueprints: [Blueprint]
    /// Snippets sorted by id.
    public let snippets: [Snippet]
    /// Problems found while loading, sorted by location.
    public let diagnostics: [Diagnostic]

    public init(root: String, blueprints: [Blueprint], snippets: [Snippet], diagnostics: [Diagnostic]) {
        self.root = root
        self.blueprints = blueprints.sorted { $0.id < $1.id }
        self.snippets = snippets.sorted { $0.id < $1.id }
        self.diagnostics = diagnostics.sortedByLocation()
    }

    /// The blueprint with this id, or nil.
    public func blueprint(_ id: String) -> Blueprint? {
        blueprints.first { $0.id == id }
    }

    /// The blueprint with this id; otherwise a usage error with a did-you-mean.
    public func requireBlueprint(_ id: String) throws(BriefingError) -> Blueprint {
        if let blueprint = blueprint(id) { return blueprint }
        let ids = blueprints.map(\.id)
        throw .usage("unknown blueprint '\(id)'" + Suggestion.didYouMean(id, in: ids)
                     + " (blueprints: \(ids.joined(separator: ", ")))")
    }

    /// The snippet with this id, or nil.
    public func snippet(_ id: String) -> Snippet? {
        snippets.first { $0.id == id }
    }

    /// The snippets meant for `blueprint`, in document order: section order, then `order`, then id.
    public func snippets(for blueprint: Blueprint) -> [Snippet] {
        let sectionIndex = Dictionary(uniqueKeysWithValues: blueprint.sections.enumerated().map { ($1.id, $0) })
        return snippets
            .filter { $0.belongs(to: blueprint) && sectionIndex[$0.section] != nil }
            .sorted {
                (sectionIndex[$0.section]!, $0.order, $0.id) < (sectionIndex[$1.section]!, $1.order, $1.id)
            }
    }

    /// True when loading found at least one error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
