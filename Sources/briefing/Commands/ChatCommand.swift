import ArgumentParser
import Foundation
import BriefingChat
import BriefingCore

/// `briefing chat`: the interactive conversation (also what plain `briefing` starts).
struct ChatCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Answer questions in a conversation and watch the briefing take shape (the default).",
        discussion: """
            The chat asks the blueprint's questions one at a time and builds the briefing as you \
            answer. An answer can be an option's number, value or label, a near miss, or a whole \
            sentence that answers several questions at once; ? explains the question, and /help \
            lists the commands (/preview, /whatif, /pin, /export and more).

            The session is saved after every answer under $XDG_STATE_HOME/briefing (default \
            ~/.local/state/briefing); --resume continues it. Without a terminal, the same conversation \
            reads stdin line by line, e.g. printf 'Acme\\nwales\\n' | briefing chat
            """
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The blueprint to start with.", valueName: "id"),
            completion: ShellCompletions.blueprint)
    var blueprint: String?

    @Option(name: .long, help: ArgumentHelp("Prefill answers from a YAML or JSON answers file.", valueName: "file"),
            completion: ShellCompletions.documentAnswersFile)
    var answers: String?

    @Flag(name: .long, help: "Continue the last saved session.")
    var resume = false

    @Option(name: .long, help: ArgumentHelp("The date printed on exports (default: SOURCE_DATE_EPOCH, else today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    func execute() throws(BriefingError) {
        let library = try library.load()
        let file = try answers.map { path throws(BriefingError) in try AnswersFile.read(path) }
        let configuration = ChatConfiguration(
            library: library,
            blueprintID: blueprint ?? file?.blueprintID ?? "senior-leader",
            prefill: file?.answers ?? [],
            resume: resume,
            stateDirectory: StateDirectory.standard(),
            date: try CalendarDate.resolve(explicit: date),
            workingDirectory: FileManager.default.currentDirectoryPath,
            style: TerminalStyle.detect(environment: ProcessInfo.processInfo.environment))
        try ChatRunner.run(configuration)
    }
}
