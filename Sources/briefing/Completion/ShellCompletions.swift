import ArgumentParser
import BriefingCore

/// What the shells offer for briefing's option values. The custom kinds run when TAB is pressed
/// (the completion script calls `briefing ---completion …`), so they read the library the command
/// would read: the `--library` already typed, else the usual search.
enum ShellCompletions {
    /// `--blueprint`: the library's blueprint ids.
    static let blueprint = CompletionKind.custom { words, index, prefix in
        guard let context = CompletionContext(words: words) else { return [] }
        let typed = typedWord(words, index, prefix)
        return context.library.blueprints.map(\.id).filter { $0.hasPrefix(typed) }
    }

    /// `--set`: `id=` for each question of the blueprint, then that question's option values;
    /// snippet ids after `overrides.include=` and `overrides.exclude=`.
    static let assignment = CompletionKind.custom { words, index, prefix in
        guard let context = CompletionContext(words: words), let blueprint = context.blueprint else { return [] }
        return assignments(prefix: typedWord(words, index, prefix), blueprint: blueprint,
                           snippetIDs: context.library.snippets(for: blueprint).map(\.id))
    }

    /// An answers file for `build`, `explain` and `diff`: YAML, JSON, CSV or JSON Lines.
    static let answersFile = CompletionKind.file(extensions: ["yaml", "yml", "json", "csv", "jsonl"])

    /// An answers file for the chat: YAML or JSON.
    static let documentAnswersFile = CompletionKind.file(extensions: ["yaml", "yml", "json"])

    /// The word being completed, up to the cursor. swift-argument-parser 1.8.2 cuts `prefix` from
    /// the last word of the line rather than from the one at `index`; for an earlier word (one goes
    /// back and presses Tab at its end) the whole word is taken.
    static func typedWord(_ words: [String], _ index: Int, _ prefix: String) -> String {
        guard words.indices.contains(index), index != words.count - 1 else { return prefix }
        return words[index]
    }

    /// The candidates for a `--set` word that starts with `prefix`. A multi-choice answer or an
    /// overrides list completes its next value after `;`, leaving out the values already given.
    static func assignments(prefix: String, blueprint: Blueprint, snippetIDs: [String]) -> [String] {
        guard let equals = prefix.firstIndex(of: "=") else {
            var keys = blueprint.questions.map { $0.id + "=" } + ["overrides.include=", "overrides.exclude="]
            keys += prefix.hasPrefix("overrides.notes.")
                ? blueprint.sections.map { "overrides.notes.\($0.id)=" }
                : ["overrides.notes."]
            return keys.filter { $0.hasPrefix(prefix) }
        }
        let id = String(prefix[..<equals])
        let value = String(prefix[prefix.index(after: equals)...])
        let values: [String]
        let isList: Bool
        switch id {
        case "overrides.include", "overrides.exclude":
            (values, isList) = (snippetIDs, true)
        default:
            guard let question = blueprint.question(id), question.hasOptions else { return [] }
            (values, isList) = (question.options.map(\.value), question.kind == .multi)
        }
        var given = ""
        var partial = value
        if isList, let semicolon = value.lastIndex(of: ";") {
            given = String(value[...semicolon])
            partial = String(value[value.index(after: semicolon)...])
        }
        let chosen = Set(given.split(separator: ";").map(String.init))
        return values.filter { $0.hasPrefix(partial) && !chosen.contains($0) }.map { id + "=" + given + $0 }
    }
}
