import BriefingCore

/// `/whatif` and `/scenario`: exploring other answers without losing the current ones.
extension ChatEngine {
    func whatIf(_ argument: String) {
        guard !argument.isEmpty else {
            say("Try, for example, /whatif stage=formal-consultation or /whatif nation=scotland minutes=20.")
            return
        }
        guard let changes = parseAssignments(argument, usage: "/whatif stage=formal-consultation", in: interview.blueprint)
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
        say(ComparisonReport.text(comparison), newline: false)
        say(style.dim("Nothing has changed. /set " + changes.map { "\($0.0.id)=\($0.1.raw)" }.joined(separator: " ")
                      + " makes it so; /scenario save NAME keeps the current answers first."))
    }

    func scenario(_ argument: String) {
        let words = argument.split(separator: " ").map(String.init)
        let action = words.first?.lowercased() ?? "list"
        let names = Array(words.dropFirst())
        switch action {
        case "save":
            guard let name = names.first else { return say("Give it a name: /scenario save NAME.") }
            scenarios[name] = interview.answers
            say("Saved the current answers as scenario '\(name)'.")
            autosave()
        case "list":
            if scenarios.isEmpty { return say("No scenarios yet. /scenario save NAME keeps the current answers.") }
            let briefingFor = { (answers: Answers) in self.interview.assembler.assemble(answers, date: self.configuration.date, provenance: false) }
            say(TextTable.format(scenarios.keys.sorted().map { name in
                let answers = scenarios[name]!
                let summary = ["nation", "sector", "stage"].compactMap { id in
                    answers[id].map { $0.display(for: interview.blueprint.question(id)) }
                }.joined(separator: ", ")
                return ["  " + name, summary, MinutesFormat.short(briefingFor(answers).totalMinutes) + " min"]
            }), newline: false)
        case "use":
            guard let name = names.first else { return say("Which one? /scenario use NAME.") }
            guard let answers = scenarioAnswers(name) else { return }
            pushUndo("switched to scenario '\(name)'")
            interview.answers = answers
            changing = nil
            say("Now using scenario '\(name)' (/back returns to the previous answers).")
            autosave()
            askNext()
        case "compare":
            guard names.count == 2 else { return say("Compare two: /scenario compare A B (use 'current' for the answers now).") }
            guard let first = scenarioAnswers(names[0]), let second = scenarioAnswers(names[1]) else { return }
            let comparison = BriefingComparison(
                from: interview.assembler.assemble(first, date: configuration.date, provenance: false),
                to: interview.assembler.assemble(second, date: configuration.date, provenance: false),
                blueprint: interview.blueprint)
            say("From '\(names[0])' to '\(names[1])':")
            say(ComparisonReport.text(comparison), newline: false)
        case "delete":
            guard let name = names.first, scenarios.removeValue(forKey: name) != nil else {
                return say("There is no scenario '\(names.first ?? "")' to delete.")
            }
            say("Deleted scenario '\(name)'.")
            autosave()
        default:
            say("Use /scenario save NAME, /scenario list, /scenario use NAME, /scenario compare A B or /scenario delete NAME.")
        }
    }

    private func scenarioAnswers(_ name: String) -> Answers? {
        if name == "current" { return interview.answers }
        if let answers = scenarios[name] { return answers }
        let names = scenarios.keys.sorted()
        say("There is no scenario '\(name)'" + Suggestion.didYouMean(name, in: names + ["current"])
            + (names.isEmpty ? ". None are saved yet." : ". Saved: \(names.joined(separator: ", ")).")) 
        return nil
    }
}
