import ArgumentParser
import BriefingCore

/// `briefing build`: a briefing from answers, without questions.
struct BuildCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a briefing from an answers file and --set answers, without questions.",
        discussion: """
            Examples:
              briefing build --answers examples/welsh-health-board.yaml
              briefing build --answers a.yaml --set minutes=5 --format txt -o briefing.txt
            """
    )

    @OptionGroup var library: LibraryOptions
    @OptionGroup var input: AnswerOptions
    @OptionGroup var output: OutputOptions

    func execute() throws(BriefingError) {
        let library = try library.load()
        let (blueprint, answers) = try input.resolveComplete(in: library)
        let date = try CalendarDate.resolve(explicit: output.date)
        let briefing = Assembler(library: library, blueprint: blueprint)
            .assemble(answers, date: date, provenance: output.format == .json)
        try output.emit(output.format.render(briefing, options: output.renderOptions))
    }
}
