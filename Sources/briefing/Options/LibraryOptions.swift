import ArgumentParser
import BriefingCore

/// `--library DIR`, shared by every command.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder that holds Briefings/ and Snippets/.", valueName: "dir"),
            completion: .directory)
    var library: String?

    /// Finds and loads the library without judging it, through the user's cache of decoded files.
    func loadAnyway(today: CalendarDate? = nil) throws(BriefingError) -> ContentLibrary {
        let root = try LibraryLocator.locate(explicit: library)
        return try LibraryLoader.load(from: root, today: today, cache: LibraryCache.user())
    }

    /// Finds and loads the library, refusing one with errors (warnings are fine).
    func load() throws(BriefingError) -> ContentLibrary {
        let library = try loadAnyway()
        let errors = library.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            var shown = Array(errors.prefix(20))
            if errors.count > shown.count {
                shown.append(.error(at: SourceLocation(file: library.root, line: 0, column: 0),
                                    "\(errors.count - shown.count) more errors; run 'briefing lint'"))
            }
            throw .badData(shown)
        }
        return library
    }
}
