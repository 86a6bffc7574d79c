import ArgumentParser
import BriefingCore

/// `briefing list blueprints|questions|snippets`.
struct ListCommand: BriefingSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List blueprints, questions or snippets, as text or JSON.",
        discussion: """
            'blueprints' lists each blueprint with its number of questions and sections. 'questions' \
            lists a blueprint's questions (default senior-leader) with their type and values: the ids \
            and values that answers files and --set take. 'snippets' lists the snippets with their \
            section, priority, minutes and condition.

            Examples:
              briefing list blueprints
              briefing list questions --blueprint readiness --format json
              briefing list snippets --where 'section == "context" and priority == 1'

            --where takes a condition over snippet fields: id, title, section, priority, order, minutes, \
            words, blueprints, reads (the answers its condition reads), when (its condition text), sources.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case blueprints, questions, snippets
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "blueprints, questions or snippets.")
    var kind: Kind

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("The blueprint whose questions or snippets to list.", valueName: "id"),
            completion: ShellCompletions.blueprint)
    var blueprint: String?

    @Option(name: .long, help: ArgumentHelp("Only snippets for which this condition holds.", valueName: "expr"))
    var `where`: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func execute() throws(BriefingError) {
        let library = try library.loadAnyway()
        let listing: Listing
        switch kind {
        case .blueprints:
            listing = Listing.blueprints(library)
        case .questions:
            listing = Listing.questions(try library.requireBlueprint(blueprint ?? "senior-leader"))
        case .snippets:
            var snippets = library.snippets
            if let blueprint {
                let chosen = try library.requireBlueprint(blueprint)
                snippets = library.snippets(for: chosen)
            }
            if let expression = `where` {
                let filter = try SnippetQuery(expression)
                snippets = snippets.filter(filter.matches)
            }
            listing = Listing.snippets(snippets)
        }
        try StandardOutput.write(format == .json ? listing.json : listing.text)
    }
}
