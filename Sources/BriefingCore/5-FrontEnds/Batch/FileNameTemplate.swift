/// A `--name` template such as `{organisation}-{nation}`: text with `{id}` placeholders for the
/// answers as written, and `{row}` for the row number.
public struct FileNameTemplate: Sendable, Equatable {
    /// A piece of a template.
    public enum Part: Sendable, Equatable {
        case text(String)
        /// The answer to a question, as written in the input.
        case answer(String)
        /// The row number.
        case row
    }

    /// The default: the organisation's name.
    public static let standard = FileNameTemplate(parts: [.answer("organisation")])

    public let parts: [Part]

    private init(parts: [Part]) {
        self.parts = parts
    }

    /// Parses `template`; an empty template, an empty `{}` or an unclosed `{` is a usage error.
    public init(parsing template: String) throws(BriefingError) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw .usage("--name '\(template)' has a '{' that is never closed with '}'")
            }
            let name = rest[rest.index(after: open)..<close].trimmingSpacesAndTabs()
            guard !name.isEmpty else { throw .usage("--name '\(template)' has an empty '{}': name a question, e.g. {organisation}") }
            parts.append(name == "row" ? .row : .answer(name))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        guard !parts.isEmpty else { throw .usage("--name is empty; give a template such as {organisation}") }
        self.parts = parts
    }

    /// The question ids the template reads.
    public var answerIDs: [String] {
        parts.compactMap { if case .answer(let id) = $0 { id } else { nil } }
    }

    /// Fails with a usage error, and a did-you-mean, when a placeholder names none of `questionIDs`.
    public func check(against questionIDs: [String]) throws(BriefingError) {
        for id in answerIDs where !questionIDs.contains(id) {
            throw .usage("--name uses {\(id)}, which is not a question"
                         + Suggestion.didYouMean(id, in: questionIDs + ["row"])
                         + " (use a question id, or {row} for the row number)")
        }
    }

    /// The name for a row, before it is made safe: unanswered placeholders become empty.
    public func render(row: Int, answers: [String: String]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .answer(let id): answers[id] ?? ""
            case .row: String(row)
            }
        }.joined()
    }
}
