import ArgumentParser
import BriefingCore

/// `briefing lint`: validate the content library.
struct LintCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate the content library; prints 'path:line:col: error|warning: message' lines.",
        discussion: "Exits 65 when there is any error, 0 otherwise (warnings alone pass)."
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The date for review-age checks (default: SOURCE_DATE_EPOCH, else today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    func execute() throws(BriefingError) {
        let today = try CalendarDate.resolve(explicit: date)
        let library = try library.loadAnyway(today: today)
        var lines = library.diagnostics.map(\.description)
        let errors = library.diagnostics.filter { $0.severity == .error }.count
        let warnings = library.diagnostics.count - errors
        lines.append("\(library.blueprints.count) blueprints, \(library.snippets.count) snippets: "
                     + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        try StandardOutput.write(lines.joined(separator: "\n") + "\n")
        if errors > 0 { throw .badData([]) }
    }
}
