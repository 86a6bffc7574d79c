import BriefingCore

/// A line typed in answer to the question asked: read it, fill every question it answers, say what
/// was understood and what is still needed, and move on.
extension ChatEngine {
    func answer(_ question: Question, with line: String) {
        if line.isEmpty { return answerEmpty(question) }
        if question.id == "maturity", !assessing, ["assess", "assess it", "/assess"].contains(line.lowercased()) {
            startAssessment()
            return
        }
        if assessing, question.kind == .scale, let (score, evidence) = ScoredLine.split(line) {
            recordScore(question, score: score, evidence: evidence)
            return
        }
        if question.kind == .text, !assessing {
            if question.id == "organisation" { return answerOrganisation(question, with: line) }
            if question.id == "leader_role", let title = LeaderRoles.title(ofWhole: line) {
                return record([(question, .text(title))], note: title.lowercased() == line.lowercased() ? nil : "from \"\(line)\"")
            }
        }
        let reading = PhraseMatcher(questions: activeInterview.blueprint.sentenceQuestions(asking: question)).reading(line)
        let sentence = reading.affirmed
        switch AnswerInterpreter(question: question).interpret(line, sentence: sentence) {
        case .answer(let value, let note):
            var changes = [(question, value)]
            changes += alsoUnderstood(sentence, besides: question)
            record(changes, note: note, sayStillNeeded: changes.count > 1)
        case .ambiguous(let options, let alongside):
            offerChoice(PendingChoice(question: question, options: options, alongside: alongside), typed: line)
        case .invalid(let message):
            var reply = message
            if !sentence.isEmpty {
                let understood = sentence.compactMap { match in
                    activeInterview.blueprint.question(match.questionID).map { "\($0.label): \(match.option.label)" }
                }
                reply += " (I recognised \(ListPhrase.join(Array(Set(understood)).sorted())), which answers other questions.)"
                let others = alsoUnderstood(sentence, besides: question)
                if !others.isEmpty {
                    record(others, note: nil, keepAsking: true)
                    say(reply)
                    askNext()
                    return
                }
            }
            say(reply)
        }
    }

    private func answerEmpty(_ question: Question) {
        if assessing, rescoring.first == question.id, activeInterview.answers[question.id] != nil {
            rescoring.removeFirst()
            say(style.dim("Kept."))
            continueAssessment()
            return
        }
        if let value = question.defaultValue, question.kind == .number {
            record([(question, value)], note: "kept the default")
        } else if !question.required {
            pushUndo("skipped \(question.label)")
            activeInterview.skipped.insert(question.id)
            changing = nil
            say(style.dim("Skipped."))
            autosave()
            askNext()
        } else {
            say("This one is needed for the briefing. Type ? for help, or /quit to stop for now.")
        }
    }

    /// Shows a numbered "did you mean" list; the next line may answer it by number.
    func offerChoice(_ choice: PendingChoice, typed: String) {
        pendingChoice = choice
        let intro = choice.options.count == 1
            ? "\"\(typed)\" could be \(choice.options[0].label). Did you mean:"
            : "\"\(typed)\" could be any of these. Did you mean:"
        say(choice.text(intro: intro))
    }

    /// The organisation question: a name on its own is the name; a sentence gives the name, the
    /// leader's role, and what it says about the nation, the sector, the stage and the rest.
    private func answerOrganisation(_ question: Question, with line: String) {
        let reading = OrganisationSentence(line)
        let blueprint = activeInterview.blueprint
        var changes: [(Question, AnswerValue)] = []
        if let name = reading.name {
            guard let cleaned = validText(name, for: question) else { return }
            changes.append((question, .text(cleaned)))
        }
        if let role = reading.role, let roleQuestion = blueprint.question("leader_role"), activeInterview.answers["leader_role"] == nil {
            changes.append((roleQuestion, .text(role)))
        }
        // What the organisation is (nation, sector, kind of body) comes from its name first: "Fife
        // Council" is a Scottish council, whatever the sentence says about care homes.
        var settled = Set(changes.map(\.0.id))
        if let name = reading.name {
            let fromName = PhraseMatcher(questions: blueprint.sentenceQuestions(asking: question).filter(\.identity)).matches(in: name)
            for change in alsoUnderstood(fromName, besides: question) where !settled.contains(change.0.id) {
                changes.append(change)
                settled.insert(change.0.id)
            }
        }
        if reading.isSentence {
            let others = reading.name == nil ? line : reading.rest
            let fromSentence = PhraseMatcher(questions: blueprint.sentenceQuestions(asking: question)).matches(in: others)
            for change in alsoUnderstood(fromSentence, besides: question) where !settled.contains(change.0.id) {
                changes.append(change)
                settled.insert(change.0.id)
            }
        }
        guard reading.name != nil else {
            if !changes.isEmpty { record(changes, note: nil, keepAsking: true) }
            say(changes.isEmpty
                ? "I couldn't find the organisation's name in that. What is it called? For example: Fife Council, or NHS Highland."
                : "I still need the organisation's name: what is it called? For example: Fife Council.")
            askNext()
            return
        }
        record(changes, note: nil, sayStillNeeded: changes.count > 1)
    }

    /// The text answer as it is kept, or nil after saying why it can't be.
    private func validText(_ text: String, for question: Question) -> String? {
        switch AnswerInterpreter(question: question).interpret(text, sentence: []) {
        case .answer(.text(let cleaned), _): return cleaned
        case .invalid(let message): say(message); return nil
        default: return text
        }
    }

    /// After a sentence filled several questions: the required ones still to answer.
    func sayStillNeeded() {
        guard !assessing, !verifying else { return }
        let missing = interview.missingRequired.map(\.label)
        guard !missing.isEmpty else { return }
        say(style.dim("Still needed: \(ListPhrase.join(missing.map { $0.lowercased() }))."))
    }

    /// Unanswered questions that a sentence also answers, one option each.
    func alsoUnderstood(_ sentence: [PhraseMatcher.Match], besides question: Question) -> [(Question, AnswerValue)] {
        var byQuestion: [String: [ChoiceOption]] = [:]
        for match in sentence where match.questionID != question.id {
            byQuestion[match.questionID, default: []].append(match.option)
        }
        var result: [(Question, AnswerValue)] = []
        for other in activeInterview.blueprint.questions {
            guard let options = byQuestion[other.id], activeInterview.answers[other.id] == nil else { continue }
            // Multi-choice questions are only filled when asked: a name like "... Care Trust" or
            // "Net Zero Hub" says little about what drives the leader.
            let values = Array(Set(options.map(\.value)))
            if other.kind == .choice, values.count == 1 {
                result.append((other, .choice(values[0])))
            }
        }
        return result
    }

    /// Applies answers, tells the user what was understood, saves, and moves on.
    func record(_ changes: [(Question, AnswerValue)], note: String?, keepAsking: Bool = false, sayStillNeeded stillNeeded: Bool = false) {
        guard !changes.isEmpty else { return }
        if assessing, changes.count == 1, changes[0].0.kind == .scale, case .number(let score) = changes[0].1 {
            return recordScore(changes[0].0, score: Int(score), evidence: nil, note: note)
        }
        pushUndo("set " + changes.map { $0.0.label }.joined(separator: ", "))
        let previousOrganisation = interview.answers["organisation"]
        for (question, value) in changes {
            activeInterview.answers[question.id] = value
            activeInterview.skipped.remove(question.id)
        }
        shareReadinessContext(changes)
        if let changingQuestion = changing, changes.contains(where: { $0.0.id == changingQuestion.id }) { changing = nil }
        let summaries = changes.map { presenter.summary($0.0, $0.1) }
        var line = (changes.count > 1 ? "Got it: " : "") + summaries.joined(separator: "; ")
        if let last = line.last, !".?!".contains(last) { line += "." }
        if let note { line += style.dim(" (\(note))") }
        say(style.success("✓ ") + line)
        if stillNeeded { sayStillNeeded() }
        autosave()
        if !assessing, !verifying, organisationChanged(from: previousOrganisation) {
            return askWhetherToKeepReadiness()
        }
        if !keepAsking {
            if assessing {
                return continueAssessment()
            }
            announceRequiredDone()
            askNext()
        }
    }

    /// A line typed once every question is answered: a what-if in words, or a pointer to the commands.
    func freeText(_ line: String) {
        guard !line.isEmpty else { return }
        let lowered = line.lowercased()
        let matches = PhraseMatcher(questions: interview.blueprint.sentenceQuestions(asking: nil)).matches(in: line)
        if lowered.hasPrefix("what if") || lowered.hasPrefix("whatif") {
            if matches.isEmpty {
                say("I couldn't tell which answers you want to try. Use /whatif id=value, e.g. /whatif \(exampleWhatIf).")
            } else {
                whatIf(hypothetical(from: matches))
            }
            return
        }
        if !matches.isEmpty {
            let assignments = hypothetical(from: matches).map(assignment).joined(separator: " ")
            say("All the questions are answered. To change answers use /set \(assignments), or try it first with /whatif \(assignments).")
        } else {
            say("All the questions are answered. Try /preview, /outline, /whatif, /export md, or /help.")
        }
    }

    private func hypothetical(from matches: [PhraseMatcher.Match]) -> [(Question, AnswerValue)] {
        var seen = Set<String>()
        return matches.compactMap { match in
            guard let question = interview.blueprint.question(match.questionID), seen.insert(question.id).inserted else { return nil }
            return (question, question.kind == .multi ? .choices([match.option.value]) : .choice(match.option.value))
        }
    }
}
