import ArgumentParser
import BriefingCore

/// `briefing chat`: the interactive conversation (also what plain `briefing` starts).
struct ChatCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Answer questions in a conversation and watch the briefing take shape (the default)."
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The blueprint to start with.", valueName: "id"))
    var blueprint: String = "senior-leader"

    @Option(name: .long, help: ArgumentHelp("Prefill answers from a file.", valueName: "file"))
    var answers: String?

    @Flag(name: .long, help: "Continue the last session.")
    var resume = false

    func execute() throws(BriefingError) {
        throw .usage("the chat is not available yet; use 'briefing build'")
    }
}
