import ArgumentParser
import BriefingCore

/// `briefing explain`: why each snippet is in or out for the given answers.
struct ExplainCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "For the given answers, show why each snippet is in or out.",
        discussion: """
            One line per snippet of the blueprint, section by section: IN (included), OUT (left out) \
            or SUM (condensed to its summary), its priority and minutes, and the reason: the \
            condition and the answers it read, the time budget, or the consultant's overrides. \
            --format json gives the same decisions as data.

            Examples:
              briefing explain --answers examples/welsh-health-board.yaml
              briefing explain --answers a.yaml --set minutes=5 --included
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var library: LibraryOptions
    @OptionGroup var input: AnswerOptions

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Show only the snippets that are in.")
    var included = false

    func execute() throws(BriefingError) {
        let library = try library.load()
        let (blueprint, answers) = try input.resolve(in: library)
        let briefing = Assembler(library: library, blueprint: blueprint)
            .assemble(answers, date: try CalendarDate.resolve(explicit: nil))
        let decisions = briefing.provenance.filter { !included || $0.included }
        if format == .json {
            try StandardOutput.write(JSONRenderer.encode(decisions, pretty: true) + "\n")
        } else {
            try StandardOutput.write(ProvenanceReport.text(decisions, briefing: briefing, blueprint: blueprint))
        }
    }
}
