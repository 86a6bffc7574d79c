import ArgumentParser
import Foundation

/// `briefing`: tailored co-production briefings for senior leaders in UK public services.
@main
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Tailored briefings on co-production in engagement and consultation, for senior leaders in UK public services.",
        discussion: """
            Run without a subcommand to start the chat, which asks about the leader's context and \
            assembles the briefing as you go. Use 'build' to generate briefings from answers files.

            Exit codes: 0 ok, 1 some batch rows failed, 64 usage, 65 bad data, 66 input not found, \
            73 cannot create output, 74 I/O error.
            """,
        subcommands: [ChatCommand.self, BuildCommand.self, LintCommand.self, ListCommand.self,
                      ExplainCommand.self, DiffCommand.self],
        defaultSubcommand: ChatCommand.self
    )

    static func main() {
        StandardStreams.prepare()
        main(nil)
    }
}
