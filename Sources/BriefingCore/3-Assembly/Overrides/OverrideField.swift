import Foundation

/// One dotted key of the consultant's overrides, as answers files, CSV columns and `--set` name it:
/// `overrides.include`, `overrides.exclude` (lists of snippet ids; `;` between them in a cell) or
/// `overrides.notes.SECTION`.
enum OverrideField: Equatable {
    case include
    case exclude
    case note(section: String)

    static let root = "overrides"

    static func isOverrideKey(_ id: String) -> Bool {
        id == root || id.hasPrefix(root + ".")
    }

    static func parse(_ id: String) -> Result<OverrideField, AnswerProblem> {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else {
            return .failure(AnswerProblem("'overrides' must be a mapping of include, exclude and notes"))
        }
        switch (parts[1], parts.count) {
        case ("include", 2): return .success(.include)
        case ("exclude", 2): return .success(.exclude)
        case ("notes", 3) where !parts[2].isEmpty: return .success(.note(section: parts[2]))
        case ("notes", _): return .failure(AnswerProblem("'\(id)' must name one section, e.g. 'overrides.notes.actions'"))
        default:
            var message = "unknown overrides field '\(parts[1])' in '\(id)'"
            if let match = Suggestion.closest(to: parts[1], in: ["include", "exclude", "notes"]) { message += "; did you mean '\(match)'?" }
            return .failure(AnswerProblem(message + " (fields: include, exclude, notes)"))
        }
    }

    /// Checks `value` and writes it into `overrides`; a null value clears the field. Snippet ids are
    /// checked against the library later, by `OverrideChecker`, which knows the snippets.
    func apply(_ value: RawAnswer.Value, at location: SourceLocation, to overrides: inout ConsultantOverrides,
               in blueprint: Blueprint) throws(AnswerProblem) {
        switch self {
        case .include, .exclude:
            let ids: [String]
            switch value {
            case .null: ids = []
            case .text(let text): ids = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .list(let items): ids = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .number: throw AnswerProblem("'overrides.\(self == .include ? "include" : "exclude")' lists snippet ids, not a number")
            }
            for id in ids where id.contains(where: { $0.isWhitespace || $0.isNewline }) {
                throw AnswerProblem("'\(id)' is not a snippet id: ids have no spaces")
            }
            for id in ids {
                if self == .include { overrides.pin(id) } else { overrides.drop(id) }
                overrides.locations["\(self == .include ? "include" : "exclude"):\(id)"] = location
            }
        case .note(let section):
            guard blueprint.section(section) != nil else {
                let ids = blueprint.sections.map(\.id)
                var message = "unknown section '\(section)' in blueprint \(blueprint.id)"
                message += Suggestion.closest(to: section, in: ids).map { "; did you mean '\($0)'?" } ?? " (sections: \(ids.joined(separator: ", ")))"
                throw AnswerProblem(message)
            }
            let text: String
            switch value {
            case .null:
                overrides.notes[section] = nil
                return
            case .text(let given): text = given
            case .number(let number): text = ConditionValue.format(number)
            case .list: throw AnswerProblem("the note for '\(section)' must be text, not a list")
            }
            let cleaned = AnswerResolver.withoutControlCharacters(text)
            guard cleaned.count <= AnswerResolver.maximumTextLength else {
                throw AnswerProblem("the note for '\(section)' is \(cleaned.count) characters long; the limit is \(AnswerResolver.maximumTextLength)")
            }
            if let problem = ConsultantNote.problem(in: cleaned) {
                throw AnswerProblem("the note for '\(section)' \(problem)")
            }
            overrides.notes[section] = cleaned.isEmpty ? nil : cleaned
            overrides.locations["notes:\(section)"] = location
        }
    }
}

/// A consultant's note: Markdown paragraphs, lists, emphasis and links, but no raw HTML and no
/// headings, so that it can never break the briefing's structure.
public enum ConsultantNote {
    /// Why `markdown` cannot be a note, or nil when it can.
    public static func problem(in markdown: String) -> String? {
        let document = MarkdownDocument(markdown)
        var found: String?
        MarkdownNode(pointer: document.root).walk { node in
            guard found == nil else { return }
            switch node.kind {
            case .htmlBlock, .htmlInline: found = "holds raw HTML, which notes refuse: write it as Markdown"
            case .heading: found = "holds a heading; a note goes at the end of its section, so write it as paragraphs"
            default: break
            }
        }
        return found
    }

    /// The note as it ends its section: a block quote headed "**Consultant's note**".
    public static func markdown(_ note: String) -> String {
        let lines = ["**Consultant's note**", ""] + note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }
}
