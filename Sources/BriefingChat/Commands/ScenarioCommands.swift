import BriefingCore

/// `/whatif` and `/scenario`: exploring other answers without losing the current ones.
extension ChatEngine {
    func whatIf(_ argument: String) {
        guard !argument.isEmpty else {
            say("Try, for example, /whatif \(exampleWhatIf) or /whatif nation=scotland minutes=20.")
            return
        }
        guard let changes = parseAssignments(argument, usage: "/whatif \(exampleWhatIf)", in: interview.blueprint)
        else { return }
        whatIf(changes)
    }

    /// Shows what the briefing would gain and lose with `changes`, changing nothing.
    func whatIf(_ changes: [(Question, AnswerValue)]) {
        var hypothetical = interview.answers
        for (question, value) in changes { hypothetical[question.id] = value }
        let comparison = BriefingComparison(
            from: interview.assembler.assemble(interview.answers, date: configuration.date, provenance: false),
            to: interview.assembler.assemble(hypothetical, date: configuration.date, provenance: false),
            blueprint: interview.blueprint)
        say("What if " + changes.map { presenter.summary($0.0, $0.1) }.joined(separator: "; ") + "?")
        say(ComparisonReport.text(comparison, width: pageWidth), newline: false)
        say(style.dim("Nothing has changed. /set " + changes.map(assignment).joined(separator: " ")
                      + " makes it so; /scenario save NAME keeps the current answers first."))
    }

    func scenario(_ argument: String) {
        guard let words = words(of: argument, usage: "/scenario save \"board version\"") else { return }
        let action = words.first?.lowercased() ?? "list"
        let names = Array(words.dropFirst())
        switch action {
        case "save":
            guard names.count == 1, let name = names.first, !name.isEmpty else {
                return say(names.count > 1 ? "A scenario has one name; put quotes around a name with spaces: /scenario save \"board version\"."
                           : "Give it a name: /scenario save NAME.")
            }
            guard name.lowercased() != "current" else { return say("'current' always means the answers now; choose another name.") }
            if let existing = scenarioName(name) {
                pendingConfirmation = PendingConfirmation(onYes: { engine in engine.saveScenario(existing, replacing: true) },
                                                          declined: "Kept the scenario '\(existing)' as it was.")
                return say("There is already a scenario '\(existing)'. Replace it with the current answers? (yes or no)")
            }
            saveScenario(name, replacing: false)
        case "list":
            if scenarios.isEmpty { return say("No scenarios yet. /scenario save NAME keeps the current answers.") }
            let briefingFor = { (answers: Answers) in self.interview.assembler.assemble(answers, date: self.configuration.date, provenance: false) }
            say(TextTable.format(scenarios.sorted { $0.key < $1.key }.map { name, answers in
                let summary = ["nation", "sector", "stage"].compactMap { id in
                    answers[id].map { $0.display(for: interview.blueprint.question(id)) }
                }.joined(separator: ", ")
                return ["  " + name, summary, MinutesFormat.short(briefingFor(answers).totalMinutes) + " min"]
            }), newline: false)
        case "use":
            guard names.count == 1 else { return say("Which one? /scenario use NAME.") }
            guard let (name, answers) = scenarioAnswers(names[0]) else { return }
            pushUndo("switched to scenario '\(name)'")
            interview.answers = answers
            changing = nil
            say("Now using scenario '\(name)' (/back returns to the previous answers).")
            autosave()
            askNext()
        case "compare":
            guard names.count == 2 else { return say("Compare two: /scenario compare A B (use 'current' for the answers now).") }
            guard let (firstName, first) = scenarioAnswers(names[0]), let (secondName, second) = scenarioAnswers(names[1]) else { return }
            let comparison = BriefingComparison(
                from: interview.assembler.assemble(first, date: configuration.date, provenance: false),
                to: interview.assembler.assemble(second, date: configuration.date, provenance: false),
                blueprint: interview.blueprint)
            say("From '\(firstName)' to '\(secondName)':")
            say(ComparisonReport.text(comparison, width: pageWidth), newline: false)
        case "delete":
            guard names.count == 1, let name = scenarioName(names[0]) else {
                return say("There is no scenario '\(names.first ?? "")' to delete.")
            }
            scenarios.removeValue(forKey: name)
            say("Deleted scenario '\(name)'.")
            autosave()
        default:
            say("Use /scenario save NAME, /scenario list, /scenario use NAME, /scenario compare A B or /scenario delete NAME.")
        }
    }

    func saveScenario(_ name: String, replacing: Bool) {
        scenarios[name] = interview.answers
        say(replacing ? "Replaced the scenario '\(name)' with the current answers." : "Saved the current answers as scenario '\(name)'.")
        autosave()
    }

    /// The saved name that `name` means, whatever its case.
    private func scenarioName(_ name: String) -> String? {
        if scenarios[name] != nil { return name }
        return scenarios.keys.sorted().first { $0.lowercased() == name.lowercased() }
    }

    private func scenarioAnswers(_ name: String) -> (String, Answers)? {
        if name.lowercased() == "current" { return ("current", interview.answers) }
        if let saved = scenarioName(name), let answers = scenarios[saved] { return (saved, answers) }
        let names = scenarios.keys.sorted()
        let suggestion = Suggestion.didYouMean(name, in: names + ["current"])
        say("There is no scenario '\(name)'" + (suggestion.isEmpty ? "." : suggestion)
            + (names.isEmpty ? " None are saved yet." : " Saved: \(names.joined(separator: ", ")).")) 
        return nil
    }
}
