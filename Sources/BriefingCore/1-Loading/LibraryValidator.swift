/// Checks that span files: duplicate ids, snippets that name unknown blueprints or sections, conditions
/// and variables that read unknown ids or impossible values, and content that is due a review.
enum LibraryValidator {
    static let wordRange = 40...250

    static func validate(blueprints: [Blueprint], snippets: [Snippet], today: CalendarDate?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seenBlueprints: [String: Blueprint] = [:]
        for blueprint in blueprints {
            if let first = seenBlueprints[blueprint.id] {
                diagnostics.append(.error(at: blueprint.location,
                                          "duplicate blueprint id '\(blueprint.id)' (also in \(first.location.file))"))
            }
            seenBlueprints[blueprint.id] = blueprint
        }
        let vocabularies = Dictionary(blueprints.map { ($0.id, Vocabulary(blueprint: $0)) }) { first, _ in first }
        let allSections = Array(Set(blueprints.flatMap { $0.sections.map(\.id) })).sorted()

        var seenSnippets: [String: Snippet] = [:]
        for snippet in snippets.sorted(by: { $0.location.file < $1.location.file }) {
            if let first = seenSnippets[snippet.id] {
                diagnostics.append(.error(at: snippet.location,
                                          "duplicate snippet id '\(snippet.id)' (also in \(first.location.file))"))
            } else {
                seenSnippets[snippet.id] = snippet
            }
            diagnostics += check(snippet, blueprints: blueprints, vocabularies: vocabularies, allSections: allSections)
            if let today, let reviewed = snippet.reviewed.flatMap(CalendarDate.init),
               (today.year, today.month, today.day) > (reviewed.year + 1, reviewed.month, reviewed.day) {
                diagnostics.append(.warning(at: snippet.location,
                                            "'\(snippet.id)' was last reviewed on \(reviewed), over 12 months ago"))
            }
            if !wordRange.contains(snippet.wordCount) {
                diagnostics.append(.warning(at: SourceLocation(file: snippet.location.file, line: snippet.bodyLine, column: 1),
                                            "the body has \(snippet.wordCount) words; keep snippets to \(wordRange.lowerBound)-\(wordRange.upperBound)"))
            }
        }
        return diagnostics
    }

    private static func check(_ snippet: Snippet, blueprints: [Blueprint], vocabularies: [String: Vocabulary],
                              allSections: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let at = snippet.location
        var applicable: [Blueprint] = []
        if let names = snippet.blueprints {
            for name in names {
                guard let blueprint = blueprints.first(where: { $0.id == name }) else {
                    diagnostics.append(.error(at: at, "unknown blueprint '\(name)'" + Suggestion.didYouMean(name, in: blueprints.map(\.id))))
                    continue
                }
                if blueprint.section(snippet.section) == nil {
                    diagnostics.append(.error(at: at, "section '\(snippet.section)' is not in blueprint \(name)"
                                                  + Suggestion.didYouMean(snippet.section, in: blueprint.sections.map(\.id))))
                } else {
                    applicable.append(blueprint)
                }
            }
        } else {
            applicable = blueprints.filter { $0.section(snippet.section) != nil }
            if applicable.isEmpty, !blueprints.isEmpty {
                diagnostics.append(.error(at: at, "no blueprint has a section '\(snippet.section)'"
                                              + Suggestion.didYouMean(snippet.section, in: allSections)))
            }
        }

        var reported = Set<String>()
        for blueprint in applicable {
            guard let vocabulary = vocabularies[blueprint.id] else { continue }
            if let dimension = snippet.dimension {
                let ids = blueprint.dimensions.map(\.id)
                if !ids.contains(dimension) {
                    let diagnostic = Diagnostic.error(
                        at: at, "'dimension: \(dimension)' is not a dimension of blueprint \(blueprint.id)"
                            + (ids.isEmpty ? ", which has none" : Suggestion.didYouMean(dimension, in: ids)))
                    if reported.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
                }
            }
            if let condition = snippet.when {
                for problem in ConditionChecker.check(condition.expression, in: vocabulary) {
                    let location = snippet.whenLocation(ofOffset: problem.offset)
                    let diagnostic = Diagnostic(problem.severity, at: location, "in 'when': \(problem.message)")
                    if reported.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
                }
            }
            for variable in snippet.body.variables where vocabulary.entry(variable.name) == nil {
                let diagnostic = Diagnostic.error(
                    at: SourceLocation(file: at.file, line: snippet.bodyLine + variable.line, column: variable.column),
                    "unknown variable '{{\(variable.name)}}' in blueprint \(blueprint.id)"
                        + Suggestion.didYouMean(variable.name, in: vocabulary.names))
                if reported.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
            }
            for variable in snippet.summary?.variables ?? [] where vocabulary.entry(variable.name) == nil {
                let diagnostic = Diagnostic.error(
                    at: at, "unknown variable '{{\(variable.name)}}' in the summary, in blueprint \(blueprint.id)"
                        + Suggestion.didYouMean(variable.name, in: vocabulary.names))
                if reported.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
            }
        }
        return diagnostics
    }
}
