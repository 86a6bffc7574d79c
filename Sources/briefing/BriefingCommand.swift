import ArgumentParser
import Foundation
import BriefingCore

/// `briefing`: tailored co-production briefings for senior leaders in UK public services.
@main
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Tailored briefings on co-production in engagement and consultation, for senior leaders in UK public services.",
        discussion: """
            Run without a subcommand to start the chat, which asks about the leader's context and \
            assembles the briefing as you go. Use 'build' to generate briefings from answers files. \
            'briefing help COMMAND' and 'man briefing-COMMAND' describe each command.

            The content library is the folder that holds Briefings/ (the blueprints) and Snippets/. \
            Every command takes --library DIR; without it, the library is the folder named by \
            BRIEFING_LIBRARY, else the nearest folder at or above the current one that holds both, \
            else the library installed beside the executable (PREFIX/share/briefing for \
            PREFIX/bin/briefing), also when briefing is started through PATH or a symlink.

            Environment: BRIEFING_LIBRARY, the library; SOURCE_DATE_EPOCH, the date printed on \
            briefings when --date is not given; NO_COLOR, no colour in the chat; XDG_STATE_HOME, \
            where the chat keeps its session and history (default ~/.local/state).

            Exit codes: 0 ok, 1 some batch rows failed, 64 usage, 65 bad data, 66 input not found, \
            73 cannot create output, 74 I/O error.
            """,
        version: BriefingVersion.current,
        subcommands: [ChatCommand.self, BuildCommand.self, LintCommand.self, ListCommand.self,
                      ExplainCommand.self, DiffCommand.self],
        defaultSubcommand: ChatCommand.self
    )

    static func main() {
        StandardStreams.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if BashCompletionScript.isRequested(by: arguments) {
            print(BashCompletionScript.text, terminator: "")
            Foundation.exit(0)
        }
        // `briefing help NAME` for a NAME that is no command is a usage error, not the general help.
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        // A mistyped command ("buld") would otherwise reach the chat as an unexpected argument.
        if let first = arguments.first, !first.hasPrefix("-"), first != "help", !names.contains(first),
           let match = Suggestion.closest(to: first, in: names) {
            StandardError.write("error: there is no command '\(first)'; did you mean '\(match)'? (commands: \(names.joined(separator: ", ")))")
            Foundation.exit(64)
        }
        if arguments.first == "help", arguments.count >= 2 {
            if !names.contains(arguments[1]) {
                var message = "error: there is no command '\(arguments[1])'"
                if let match = Suggestion.closest(to: arguments[1], in: names) { message += "; did you mean '\(match)'?" }
                StandardError.write(message + " (commands: \(names.joined(separator: ", ")))")
                Foundation.exit(64)
            }
        }
        main(nil)
    }
}
