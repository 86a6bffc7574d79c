import BriefingCore

/// `/preview`, `/outline`, `/why`, `/whynot`: looking at the briefing as it stands.
extension ChatEngine {
    /// The briefing for the current answers (the main interview, even during the assessment).
    var currentBriefing: Briefing {
        interview.assemble(date: configuration.date)
    }

    /// The width a briefing is previewed at: the text format's own, or the terminal's if narrower.
    var previewWidth: Int {
        min(PlainTextRenderer.width, pageWidth)
    }

    func preview(_ argument: String) {
        let briefing = currentBriefing
        if !interview.missingRequired.isEmpty {
            let missing = interview.missingRequired.map(\.id)
            say(style.dim("(A draft: \(ListPhrase.join(missing)) \(missing.count == 1 ? "is" : "are") not answered yet.)"))
        }
        let wanted = argument.trimmingSpaces()
        if !wanted.isEmpty {
            let ids = briefing.sections.map(\.id)
            let lowered = wanted.lowercased()
            guard let section = briefing.sections.first(where: { $0.id.lowercased() == lowered || $0.title.lowercased() == lowered })
                ?? Self.uniquePrefix(lowered, in: briefing.sections, names: { [$0.id.lowercased(), $0.title.lowercased()] })
            else {
                let suggestion = Suggestion.didYouMean(lowered, in: ids)
                say("There is no section '\(wanted)'" + (suggestion.isEmpty ? "." : suggestion) + " Sections: \(ids.joined(separator: ", ")).")
                return
            }
            guard section.hasContent else {
                say("The section \"\(section.title)\" is empty for these answers.")
                return
            }
            sayPaged(PlainTextRenderer.render(markdown: MarkdownRenderer.section(section), width: previewWidth))
            return
        }
        sayPaged(PlainTextRenderer.render(markdown: MarkdownRenderer.render(briefing), width: previewWidth))
    }

    /// The one item whose name starts with `prefix`, if exactly one does.
    static func uniquePrefix<Item>(_ prefix: String, in items: [Item], names: (Item) -> [String]) -> Item? {
        guard prefix.count >= 2 else { return nil }
        let found = items.filter { names($0).contains { $0.hasPrefix(prefix) } }
        return found.count == 1 ? found[0] : nil
    }

    func outline() {
        say(OutlineReport.text(currentBriefing, width: pageWidth), newline: false)
    }

    func why(_ argument: String, expectingIncluded: Bool) {
        let command = expectingIncluded ? "/why" : "/whynot"
        guard !argument.isEmpty else {
            say("Which snippet? e.g. \(command) \(currentBriefing.includedSnippetIDs.first ?? "SNIPPET"). /outline shows the ids of those included.")
            return
        }
        let briefing = currentBriefing
        guard let decision = briefing.provenance.first(where: { $0.id == argument }) else {
            let ids = briefing.provenance.map(\.id)
            if configuration.library.snippet(argument) != nil {
                say("\(argument) belongs to another blueprint, so it is never part of this briefing.")
            } else {
                let suggestion = Suggestion.didYouMean(argument, in: ids)
                say("There is no snippet '\(argument)'" + (suggestion.isEmpty ? ". /outline lists the snippets in the briefing." : suggestion))
            }
            return
        }
        if decision.included != expectingIncluded {
            say(decision.included ? "\(argument) is in the briefing:" : "\(argument) is not in the briefing:")
        }
        say(ProvenanceReport.detail(decision), newline: false)
    }
}
