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
        self.snippets = snippets.indices.sorted { (snippets[$0].id, $0) < (snippets[$1].id, $1) }.map { snippets[$0] }
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
        // Sorting indices rather than the snippets themselves avoids copying large values around.
        let members = snippets.indices.filter { snippets[$0].belongs(to: blueprint) && sectionIndex[snippets[$0].section] != nil }
        let keys = members.map { (sectionIndex[snippets[$0].section]!, snippets[$0].order, $0) }
        return keys.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map { snippets[$0.2] }
    }

    /// True when loading found at least one error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
