import Foundation
import BriefingCore

/// Tab completion for the chat: commands, question ids, option values after `=`, snippet ids,
/// section ids, scenario names and paths. Pure logic, so it is tested without a terminal.
struct CompletionProvider {
    /// What can complete the word before the cursor.
    struct Result: Equatable {
        /// The partial word being completed.
        var word: String
        /// Full replacements for `word`, sorted.
        var candidates: [String]
        /// Whether a finished completion should be followed by a space (not after `=` or `/`).
        var appendSpace: Bool
    }

    let blueprint: Blueprint
    let snippetIDs: [String]
    let scenarioNames: [String]
    let currentQuestion: Question?
    let workingDirectory: String

    func complete(_ line: String) -> Result {
        let word = String(line.reversed().prefix { !$0.isWhitespace }.reversed())
        let before = line.dropLast(word.count).trimmingCharacters(in: .whitespaces)
        let words = before.split(separator: " ").map(String.init)
        let command = words.first?.lowercased()

        if before.isEmpty, word.hasPrefix("/") {
            return result(word, ChatCommandName.allCases.filter { $0 != .exit }.map { "/" + $0.rawValue })
        }
        if let equals = word.firstIndex(of: "=") {
            let id = String(word[..<equals])
            let partial = String(word[word.index(after: equals)...])
            guard let question = blueprint.question(id), question.hasOptions else { return Result(word: word, candidates: [], appendSpace: true) }
            let values = question.options.map(\.value)
            return Result(word: word, candidates: values.filter { $0.hasPrefix(partial.lowercased()) }.map { id + "=" + $0 }.sorted(),
                          appendSpace: true)
        }
        switch command {
        case "/change":
            return words.count == 1 ? result(word, blueprint.questions.map(\.id)) : none(word)
        case "/set", "/whatif":
            let ids = blueprint.questions.map { $0.id + "=" }
            return Result(word: word, candidates: ids.filter { $0.hasPrefix(word) }.sorted(), appendSpace: false)
        case "/why", "/whynot", "/pin", "/drop", "/unpin":
            return words.count == 1 ? result(word, snippetIDs) : none(word)
        case "/note":
            return words.count == 1 ? result(word, blueprint.sections.map(\.id)) : none(word)
        case "/preview":
            return words.count == 1 ? result(word, blueprint.sections.map(\.id)) : none(word)
        case "/scenario":
            if words.count == 1 { return result(word, ["save", "list", "use", "compare", "delete"]) }
            if ["use", "compare", "delete"].contains(words[1]) { return result(word, scenarioNames + (words[1] == "compare" ? ["current"] : [])) }
            return none(word)
        case "/export":
            let keywords = OutputFormat.allCases.map(\.rawValue) + ["readiness", "--force"]
            let paths = pathCandidates(word)
            let matching = keywords.filter { $0.hasPrefix(word) && !words.contains($0) }
            return combine(word, matching, paths)
        case "/save":
            return combine(word, words.count == 1 ? ["readiness"].filter { $0.hasPrefix(word) } : [], pathCandidates(word))
        case "/load":
            return combine(word, [], pathCandidates(word))
        case nil:
            guard let question = currentQuestion, question.hasOptions, !word.isEmpty else { return none(word) }
            let names = question.options.map { option in
                option.label.lowercased().hasPrefix(word.lowercased()) ? option.label : option.value
            }
            return result(word, names, caseInsensitive: true)
        default:
            return none(word)
        }
    }

    private func result(_ word: String, _ options: [String], caseInsensitive: Bool = false) -> Result {
        let matching = options.filter {
            caseInsensitive ? $0.lowercased().hasPrefix(word.lowercased()) : $0.hasPrefix(word)
        }
        return Result(word: word, candidates: Array(Set(matching)).sorted(), appendSpace: true)
    }

    private func none(_ word: String) -> Result {
        Result(word: word, candidates: [], appendSpace: true)
    }

    private func combine(_ word: String, _ keywords: [String], _ paths: [String]) -> Result {
        let candidates = Array(Set(keywords + paths)).sorted()
        let isFolder = candidates.count == 1 && candidates[0].hasSuffix("/")
        return Result(word: word, candidates: candidates, appendSpace: !isFolder)
    }

    /// Files and folders whose path starts with `word`; folders end with `/`.
    func pathCandidates(_ word: String) -> [String] {
        var expanded = word
        if expanded.hasPrefix("~/") { expanded = NSHomeDirectory() + expanded.dropFirst() }
        let slash = expanded.lastIndex(of: "/")
        let folderPart = slash.map { String(expanded[...$0]) } ?? ""
        let base = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let folder = folderPart.hasPrefix("/") ? folderPart : workingDirectory + "/" + folderPart
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        let shownFolder = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
        return entries.filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }.map { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
            return shownFolder + name + (isDirectory.boolValue ? "/" : "")
        }.sorted()
    }

    /// The longest prefix shared by every candidate.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
