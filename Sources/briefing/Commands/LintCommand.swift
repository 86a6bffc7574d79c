import ArgumentParser
import BriefingCore

/// `briefing lint`: validate the content library.
struct LintCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate the content library; prints 'path:line:col: error|warning: message' lines.",
        discussion: """
            Besides checking every file, lint assembles every combination of each blueprint's \
            single-choice answers (with budgets of 5, 10, 20 and 30 minutes, and no and all drivers) and \
            reports any required section that comes out empty, or priority-1 snippets that alone exceed \
            a budget of 5 minutes or more. Exits 65 when there is any error, 0 otherwise (warnings alone pass).
            """
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The date for review-age checks (default: SOURCE_DATE_EPOCH, else today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    @Flag(name: .customLong("no-coverage"), help: "Skip the check of every combination of answers.")
    var skipCoverage = false

    func execute() throws(BriefingError) {
        let today = try CalendarDate.resolve(explicit: date)
        let library = try library.loadAnyway(today: today)
        var diagnostics = library.diagnostics
        var summaries: [String] = []
        if !skipCoverage, !library.hasErrors {
            for blueprint in library.blueprints {
                let report = CoverageChecker.check(Assembler(library: library, blueprint: blueprint))
                summaries.append(report.summary)
                diagnostics += report.diagnostics(file: blueprint.location.file)
            }
        }
        var lines = diagnostics.map(\.description) + summaries
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        lines.append("\(library.blueprints.count) blueprints, \(library.snippets.count) snippets: "
                     + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        if errors > 0 { throw .badData([]) }
    }
}
