/// Checks the snippet ids of a consultant's overrides against the library: each must be a snippet
/// of the briefing's blueprint. Unknown ids are bad data (65), with a did-you-mean.
public enum OverrideChecker {
    public static func check(_ overrides: ConsultantOverrides, library: ContentLibrary, blueprint: Blueprint) throws(BriefingError) {
        guard !overrides.include.isEmpty || !overrides.exclude.isEmpty else { return }
        let ids = Set(library.snippets(for: blueprint).map(\.id))
        var diagnostics: [Diagnostic] = []
        for (field, list) in [("include", overrides.include), ("exclude", overrides.exclude)] {
            for id in list where !ids.contains(id) {
                let location = overrides.locations["\(field):\(id)"] ?? SourceLocation(file: "overrides", line: 0, column: 0)
                diagnostics.append(.error(at: location, message(for: id, field: field, ids: ids, library: library, blueprint: blueprint)))
            }
        }
        if !diagnostics.isEmpty { throw .badData(diagnostics) }
    }

    /// "unknown snippet 'theory-arnstien' in overrides.exclude; did you mean 'theory-arnstein'?";
    /// without a field (the chat's `/pin`), the same without "in overrides.…".
    public static func message(for id: String, field: String?, ids: Set<String>, library: ContentLibrary, blueprint: Blueprint) -> String {
        let place = field.map { " in overrides.\($0)" } ?? ""
        if library.snippet(id) != nil {
            return "'\(id)'\(place) belongs to another blueprint, not \(blueprint.id)"
        }
        var message = "unknown snippet '\(id)'\(place)"
        if let match = Suggestion.closest(to: id, in: ids.sorted()) { message += "; did you mean '\(match)'?" }
        return message
    }
}
