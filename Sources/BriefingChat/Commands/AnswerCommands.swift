import BriefingCore

/// `/back`, `/change`, `/set`, `/answers`, `/reset`, `/resume`.
extension ChatEngine {
    func back() {
        guard let last = undoStack.popLast() else {
            say("There is nothing to undo.")
            return
        }
        interview.answers = last.answers
        interview.skipped = last.skipped
        assessment = last.assessment
        rescoring = last.rescoring
        readinessPrompt = nil
        if assessment == nil { assessing = false; verifying = false }
        changing = nil
        say("Undone: \(last.note).")
        autosave()
        askNext()
    }

    func change(_ argument: String) {
        guard !argument.isEmpty else {
            say("Which question? e.g. /change nation. The ids are: \(activeInterview.blueprint.questions.map(\.id).joined(separator: ", ")).")
            return
        }
        guard let question = question(named: argument) else { return }
        changing = question
        askNext()
    }

    func set(_ argument: String) {
        guard let changes = parseAssignments(argument, usage: "/set nation=wales") else { return }
        record(changes, note: nil)
    }

    /// Parses `id=value id=value`; a value may contain spaces (`stage=formal consultation`).
    func parseAssignments(_ argument: String, usage: String, in blueprint: Blueprint? = nil) -> [(Question, AnswerValue)]? {
        let blueprint = blueprint ?? activeInterview.blueprint
        var pairs: [(String, String)] = []
        guard let tokens = words(of: argument, usage: "/set organisation=\"Fife Council\"") else { return nil }
        for token in tokens {
            if let equals = token.firstIndex(of: "=") {
                pairs.append((String(token[..<equals]), String(token[token.index(after: equals)...])))
            } else if !pairs.isEmpty {
                pairs[pairs.count - 1].1 += " " + token
            } else {
                say("Write it as id=value, e.g. \(usage).")
                return nil
            }
        }
        guard !pairs.isEmpty else {
            say("Write it as id=value, e.g. \(usage).")
            return nil
        }
        var changes: [(Question, AnswerValue)] = []
        for (id, value) in pairs {
            guard let question = question(named: id, in: blueprint) else { return nil }
            if value.isEmpty {
                say("Give a value after '\(id)=', e.g. \(usage).")
                return nil
            }
            switch AnswerInterpreter(question: question).interpret(value, sentence: []) {
            case .answer(let answer, _):
                changes.append((question, answer))
            case .ambiguous(let options, _):
                say("'\(value)' could be \(ListPhrase.join(options.map(\.value), conjunction: "or")) for \(id): which one?")
                return nil
            case .invalid:
                if question.hasOptions, question.kind != .scale {
                    var message = "\"\(value)\" is not an option of \(id)"
                    if let suggestion = OptionMatcher.suggestion(for: value, in: question) {
                        message += "; did you mean \(suggestion.value)?"
                    } else {
                        message += "."
                    }
                    say(message + " Options: \(question.options.map(\.value).joined(separator: ", ")).")
                } else {
                    say(AnswerInterpreter(question: question).interpret(value, sentence: []).message ?? "That is not a valid answer for \(id).")
                }
                return nil
            }
        }
        return changes
    }

    /// An answer as `/set` takes it: `drivers=trust,net-zero`, with the commas the questions' help names.
    func assignment(_ change: (Question, AnswerValue)) -> String {
        if case .choices(let values) = change.1 { return "\(change.0.id)=" + (values.isEmpty ? "none" : values.joined(separator: ",")) }
        return "\(change.0.id)=" + (change.1.raw.contains(" ") ? "\"\(change.1.raw)\"" : change.1.raw)
    }

    /// The question with this id, or a did-you-mean message and nil.
    func question(named id: String, in blueprint: Blueprint? = nil) -> Question? {
        let blueprint = blueprint ?? activeInterview.blueprint
        if let question = blueprint.question(id) { return question }
        say(AnswerResolver.unknownQuestionMessage(id, in: blueprint).prefix(1).uppercased()
            + AnswerResolver.unknownQuestionMessage(id, in: blueprint).dropFirst() + ".")
        return nil
    }

    func showAnswers() {
        let current = interview
        var rows: [[String]] = []
        let scope = EvaluationScope(blueprint: current.blueprint, answers: current.answers)
        for question in current.blueprint.questions {
            let shown: String
            if let value = current.answers[question.id] {
                shown = value.isEmpty ? "none" : value.display(for: question)
            } else if let inference = scope.inference(of: question.id), let value = scope.answers[question.id] {
                shown = "\(value.display(for: question)) (from the \(inference.source))"
            } else if current.skipped.contains(question.id) {
                shown = "(skipped)"
            } else if let value = question.defaultValue {
                shown = "\(value.display(for: question)) (default)"
            } else {
                shown = "(not answered)"
            }
            rows.append(["  " + question.id, Sanitized.forTerminal(shown)])
        }
        say(TextTable.format(rows), newline: false)
        let readiness = readinessAnswerRows()
        if !readiness.isEmpty {
            say("\n" + style.bold("Readiness") + (readinessSummary.map { " (\($0.replacingOccurrences(of: "the readiness self-assessment (", with: "").dropLast()))" } ?? ""))
            say(TextTable.format(readiness), newline: false)
        }
    }

    func reset() {
        pushUndo("reset all answers")
        interview.answers = Answers()
        interview.skipped = []
        assessment = nil
        assessing = false
        verifying = false
        readinessPrompt = nil
        rescoring = []
        changing = nil
        announcedReady = false
        say("All answers cleared, with the readiness assessment (/back brings them back).")
        autosave()
        askNext()
    }

    func resumeCommand() {
        guard store != nil else {
            say("This chat keeps no session, so there is nothing to resume.")
            return
        }
        pushUndo("resumed the saved session")
        resumeSession()
        changing = nil
        announcedReady = false
        askNext()
    }
}

extension AnswerInterpreter.Outcome {
    var message: String? {
        if case .invalid(let message) = self { return message }
        return nil
    }
}
