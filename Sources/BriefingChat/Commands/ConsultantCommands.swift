import BriefingCore

/// `/pin`, `/drop`, `/unpin` and `/note`: the consultant's own hand on the briefing. Each changes
/// the briefing at once, says what that did to its length, is saved with the session, and `/back`
/// undoes it.
extension ChatEngine {
    func pin(_ argument: String) {
        changeOverride(argument, command: "/pin") { $0.pin($1) } describe: { id, _ in
            "Pinned \(id): it stays in, in full, whatever the answers and the time"
        }
    }

    func drop(_ argument: String) {
        changeOverride(argument, command: "/drop") { $0.drop($1) } describe: { id, _ in
            "Dropped \(id): it stays out whatever the answers"
        }
    }

    func unpin(_ argument: String) {
        let id = argument.trimmingCharacters(in: .whitespaces)
        let current = interview.answers.overrides
        guard id.isEmpty || current.include.contains(id) || current.exclude.contains(id) else {
            let named = current.include + current.exclude
            return say("\(id) is neither pinned nor dropped" + (named.isEmpty ? "." : "; those are: \(named.joined(separator: ", "))."))
        }
        changeOverride(argument, command: "/unpin") { $0.release($1) } describe: { id, _ in
            "\(id) is back to the engine's choice"
        }
    }

    /// `/note SECTION TEXT` sets the consultant's note at the end of a section; `/note SECTION` alone removes it.
    func note(_ argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        let sectionID = String(trimmed.prefix { !$0.isWhitespace })
        let text = Sanitized.answerText(String(trimmed.dropFirst(sectionID.count)))
        let sections = interview.blueprint.sections.map(\.id)
        guard !sectionID.isEmpty else {
            return say("Which section? e.g. /note actions We will bring a costed plan to the March board. Sections: \(sections.joined(separator: ", ")).")
        }
        guard let section = interview.blueprint.sections.first(where: { $0.id.lowercased() == sectionID.lowercased() || $0.title.lowercased() == sectionID.lowercased() })
        else {
            let suggestion = Suggestion.didYouMean(sectionID, in: sections)
            return say("There is no section '\(sectionID)'" + (suggestion.isEmpty ? "." : suggestion) + " Sections: \(sections.joined(separator: ", ")).")
        }
        if let problem = ConsultantNote.problem(in: text) {
            return say("That note \(problem).")
        }
        guard text.count <= AnswerResolver.maximumTextLength else {
            return say("That note is \(text.count) characters long; the limit is \(AnswerResolver.maximumTextLength).")
        }
        let before = currentBriefing
        pushUndo(text.isEmpty ? "removed the note on \(section.id)" : "noted \(section.id)")
        interview.answers.overrides.notes[section.id] = text.isEmpty ? nil : text
        let after = currentBriefing
        say(style.success("✓ ") + (text.isEmpty ? "Removed your note on \"\(section.title)\"." : "Your note ends \"\(section.title)\".")
            + " " + minutesChange(before, after))
        autosave()
    }

    /// Applies a pin, drop or release of one snippet, after checking the id.
    private func changeOverride(_ argument: String, command: String, _ change: (inout ConsultantOverrides, String) -> Void,
                                describe: (String, Briefing) -> String) {
        let id = argument.trimmingCharacters(in: .whitespaces)
        let candidates = configuration.library.snippets(for: interview.blueprint).map(\.id)
        guard !id.isEmpty else {
            return say("Which snippet? e.g. \(command) \(candidates.first ?? "SNIPPET"). /outline shows the ids in the briefing, Tab completes them.")
        }
        guard candidates.contains(id) else {
            return say(OverrideChecker.message(for: id, field: nil, ids: Set(candidates),
                                               library: configuration.library, blueprint: interview.blueprint).capitalisedFirst + ".")
        }
        let before = currentBriefing
        pushUndo("\(command.dropFirst()) \(id)")
        change(&interview.answers.overrides, id)
        let after = currentBriefing
        say(style.success("✓ ") + describe(id, after) + ". " + minutesChange(before, after))
        autosave()
    }

    /// "The briefing goes from 9.6 to 10.8 minutes (budget 10); it now leaves out X."
    func minutesChange(_ before: Briefing, _ after: Briefing) -> String {
        let from = MinutesFormat.short(before.totalMinutes), to = MinutesFormat.short(after.totalMinutes)
        let budget = "(budget \(MinutesFormat.short(after.budgetMinutes)))"
        var text: String
        if from == to {
            text = "The briefing stays at \(to) minutes \(budget)"
        } else {
            let delta = after.totalMinutes - before.totalMinutes
            text = "The briefing goes from \(from) to \(to) minutes, \(delta > 0 ? "+" : "−")\(MinutesFormat.short(abs(delta))) \(budget)"
        }
        let beforeIDs = Set(before.includedSnippetIDs), afterIDs = Set(after.includedSnippetIDs)
        let pinnedOrDropped = Set(after.provenance.filter { $0.reason == .pinned || $0.reason == .dropped }.map(\.id))
        let leftOut = before.includedSnippetIDs.filter { !afterIDs.contains($0) && !pinnedOrDropped.contains($0) }
        let cameIn = after.includedSnippetIDs.filter { !beforeIDs.contains($0) && !pinnedOrDropped.contains($0) }
        if !cameIn.isEmpty { text += "; the time budget now also lets in \(ListPhrase.join(cameIn))" }
        if !leftOut.isEmpty { text += "; it now leaves out \(ListPhrase.join(leftOut))" }
        return text + "."
    }
}

extension String {
    /// "unknown snippet" as "Unknown snippet".
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
