import ArgumentParser
import BriefingCore

/// `briefing diff`: what a briefing gains and loses between two answer sets.
struct DiffCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two answer sets (or one plus --set overrides): snippets gained and lost, and minutes.",
        discussion: """
            What changes in the briefing between two answer sets: the answers that differ, each \
            snippet it gains (+) or loses (-) with its section and minutes, and the change in \
            reading time. With one file, the second side is that file with the --set overrides laid \
            over it.

            Examples:
              briefing diff a.yaml b.yaml
              briefing diff a.yaml --set stage=formal-consultation
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var library: LibraryOptions

    @Argument(help: ArgumentHelp("The first answers file.", valueName: "a"), completion: ShellCompletions.answersFile)
    var first: String

    @Argument(help: ArgumentHelp("The second answers file (default: the first, with --set applied).", valueName: "b"),
              completion: ShellCompletions.answersFile)
    var second: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override an answer on the second side. Repeatable.", valueName: "id=value"),
            completion: ShellCompletions.assignment)
    var assignments: [String] = []

    @Option(name: .long, help: ArgumentHelp("The blueprint (default: the first file's, else senior-leader).", valueName: "id"),
            completion: ShellCompletions.blueprint)
    var blueprint: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func validate() throws {
        if second == nil && assignments.isEmpty {
            throw ValidationError("give a second answers file or at least one --set override")
        }
    }

    func execute() throws(BriefingError) {
        let library = try library.load()
        let (chosen, beforeAnswers) = try AnswerOptions.resolve(
            answers: first, assignments: [], blueprint: blueprint, in: library)
        let (_, afterAnswers) = try AnswerOptions.resolve(
            answers: second ?? first, assignments: assignments, blueprint: chosen.id, in: library)
        let date = try CalendarDate.resolve(explicit: nil)
        let assembler = Assembler(library: library, blueprint: chosen)
        let comparison = BriefingComparison(from: assembler.assemble(beforeAnswers, date: date, provenance: false),
                                            to: assembler.assemble(afterAnswers, date: date, provenance: false),
                                            blueprint: chosen)
        if format == .json {
            try StandardOutput.write(JSONRenderer.encode(comparison, pretty: true) + "\n")
        } else {
            try StandardOutput.write(ComparisonReport.text(comparison))
        }
    }
}

