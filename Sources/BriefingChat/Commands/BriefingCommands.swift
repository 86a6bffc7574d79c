import BriefingCore

/// `/preview`, `/outline`, `/why`, `/whynot`: looking at the briefing as it stands.
extension ChatEngine {
    /// The briefing for the current answers (the main interview, even during the assessment).
    var currentBriefing: Briefing {
        interview.assemble(date: configuration.date)
    }

    func preview(_ argument: String) {
        let briefing = currentBriefing
        if !interview.missingRequired.isEmpty {
            say(style.dim("(A draft: \(ListPhrase.join(interview.missingRequired.map(\.id))) not answered yet.)"))
        }
        if !argument.isEmpty {
            let ids = briefing.sections.map(\.id)
            guard let section = briefing.sections.first(where: { $0.id == argument || $0.title.lowercased() == argument.lowercased() })
            else {
                say("There is no section '\(argument)'" + Suggestion.didYouMean(argument, in: ids)
                    + " Sections: \(ids.joined(separator: ", ")).")
                return
            }
            guard section.hasContent else {
                say("The section \"\(section.title)\" is empty for these answers.")
                return
            }
            say(PlainTextRenderer.render(markdown: MarkdownRenderer.section(section)), newline: false)
            return
        }
        say(PlainTextRenderer.render(briefing), newline: false)
    }

    func outline() {
        say(OutlineReport.text(currentBriefing), newline: false)
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
