import BriefingCore
import Foundation

/// What a shell completion knows about the command line being typed: the library it names (or the
/// one the command would find) and the blueprint it would use.
///
/// Shell completions run the binary itself (`briefing ---completion …`); whatever goes wrong here,
/// a missing library, an unreadable answers file, a typo, gives no candidates and never a message,
/// since anything printed would end up in the user's command line.
struct CompletionContext {
    let library: ContentLibrary
    let blueprint: Blueprint?

    /// The context for `words`, the shell words of the command line as typed; nil when no library is found.
    init?(words: [String]) {
        let explicit = Self.value(of: "--library", in: words)
        guard let root = try? LibraryLocator.locate(explicit: explicit),
              let library = try? LibraryLoader.load(from: root) else { return nil }
        self.library = library
        let id = Self.value(of: "--blueprint", in: words) ?? Self.answersBlueprint(words) ?? "senior-leader"
        blueprint = library.blueprint(id)
    }

    /// The value given to `option` on the command line (`--option VALUE` or `--option=VALUE`),
    /// unquoted as the shell would, with a leading `~/` for the home folder.
    static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix(option + "=") {
                found = String(word.dropFirst(option.count + 1))
            }
        }
        return found.map(ShellWord.unquoted).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `blueprint` key of a YAML or JSON answers file named by `--answers`.
    private static func answersBlueprint(_ words: [String]) -> String? {
        guard let path = value(of: "--answers", in: words),
              ["yaml", "yml", "json"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()),
              let file = try? AnswersFile.read(path) else { return nil }
        return file.blueprintID
    }
}
