/// A condition over snippet fields, for `briefing list snippets --where EXPR`:
/// id, title, section, priority, order, minutes, words, blueprints, reads, when, sources.
public struct SnippetQuery: Sendable {
    public static let fields = ["id", "title", "section", "priority", "order", "minutes", "words", "blueprints",
                                "reads", "when", "sources"]
    public let condition: Condition

    public init(_ expression: String) throws(BriefingError) {
        do {
            condition = try Condition(parsing: expression)
        } catch {
            let (_, column) = error.position(in: expression)
            throw .usage("--where:\(column): \(error.message)")
        }
        for name in condition.expression.identifiers where !Self.fields.contains(name) {
            throw .usage("--where: unknown snippet field '\(name)'" + Suggestion.didYouMean(name, in: Self.fields)
                         + " (fields: \(Self.fields.joined(separator: ", ")))")
        }
    }

    public func matches(_ snippet: Snippet) -> Bool {
        condition.holds(in: Fields(snippet: snippet))
    }

    private struct Fields: ConditionScope {
        let snippet: Snippet

        func value(of identifier: String) -> ConditionValue {
            switch identifier {
            case "id": .string(snippet.id)
            case "title": .string(snippet.title)
            case "section": .string(snippet.section)
            case "priority": .number(Double(snippet.priority))
            case "order": .number(Double(snippet.order))
            case "minutes": .number(snippet.minutes)
            case "words": .number(Double(snippet.wordCount))
            case "blueprints": snippet.blueprints.map { .list($0.map { .string($0) }) } ?? .null
            case "reads": .list((snippet.when?.expression.identifiers ?? []).map { .string($0) })
            case "when": snippet.when.map { .string($0.source) } ?? .null
            case "sources": .number(Double(snippet.sources.count))
            default: .null
            }
        }
    }
}
