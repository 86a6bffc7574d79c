import BriefingCore

/// `/verify`: an independent verifier's pass over the self-assessment. For each statement it shows
/// the self-score and its evidence, then takes the verifier's own score and a note. Every score is
/// saved as it is given, so the pass can stop at any point and `/verify` carries on.
extension ChatEngine {
    func startVerification() {
        guard interview.blueprint.dimensions.isEmpty else {
            return say("The verifier's pass runs on the assessment of the senior-leader chat: start briefing chat, then /assess and /verify. "
                       + "In an answers file, a verification: section does the same.")
        }
        guard let current = assessment, current.blueprint.questions.contains(where: { $0.kind == .scale && current.answers[$0.id] != nil })
        else {
            return say("There is nothing to verify yet: /assess scores the statements first.")
        }
        assessing = false
        rescoring = []
        changing = nil
        verifying = true
        verificationSkipped = []
        let statements = verifiableStatements(current)
        let done = statements.filter { current.answers.assessment.verification.scores[$0.id] != nil }.count
        say("\n" + style.bold("Verifier's pass.") + " For each statement you'll see the self-score and its evidence; "
            + "give your own score from the evidence you have seen, then a note. Each score is saved at once: "
            + "/back undoes one, and /verify carries on after a break."
            + (done > 0 ? " \(done) of \(statements.count) statements are verified so far." : ""))
        readinessPrompt = nil
        if current.answers.assessment.verification.verifier == nil {
            readinessPrompt = .verifier
        } else if current.answers.assessment.verification.date == nil {
            readinessPrompt = .verificationDate
        }
        autosave()
        askNext()
    }

    /// The scored statements, in blueprint order.
    private func verifiableStatements(_ current: Interview) -> [Question] {
        current.blueprint.questions.filter { $0.kind == .scale && current.answers[$0.id] != nil }
    }

    /// Shows the next statement to verify and asks for its score, or ends the pass.
    func askNextVerification() {
        guard let current = assessment else { return finishVerification() }
        let statements = verifiableStatements(current)
        let record = current.answers.assessment
        guard let index = statements.firstIndex(where: {
            record.verification.scores[$0.id] == nil && !verificationSkipped.contains($0.id)
        }) else {
            return finishVerification()
        }
        let question = statements[index]
        let dimension = current.blueprint.dimensions.first { $0.id == question.dimension }?.title ?? ""
        say("\n" + style.bold("(\(index + 1)/\(statements.count)) \(dimension)"))
        sayIndented(question.ask)
        sayIndented("Self-score: " + (current.answers[question.id]?.display(for: question) ?? "not scored"))
        sayIndented("Evidence: " + (record.evidence[question.id].map(Sanitized.forTerminal) ?? "none given"))
        readinessPrompt = .verifiedScore(statement: question.id)
        askNext()
    }

    func answerVerificationPrompt(_ prompt: ReadinessPrompt, _ line: String) {
        guard let current = assessment else {
            readinessPrompt = nil
            verifying = false
            return
        }
        var record = current.answers.assessment
        switch prompt {
        case .verifier:
            let name = Sanitized.answerText(line)
            guard !name.isEmpty else { return say("Please give the verifier's name, so the report can say who verified.") }
            pushUndo("set the verifier")
            record.verification.verifier = String(name.prefix(AnswerResolver.maximumTextLength))
            save(record)
            say(style.success("✓ ") + "Verifier: \(Sanitized.forTerminal(name)).")
            readinessPrompt = record.verification.date == nil ? .verificationDate : nil
            askNext()
        case .verificationDate:
            let text = line.trimmingCharacters(in: .whitespaces)
            let date: CalendarDate
            if text.isEmpty {
                date = configuration.date
            } else if let given = CalendarDate(text) {
                date = given
            } else {
                return say("Please write the date as YYYY-MM-DD, e.g. \(configuration.date), or press Enter for today.")
            }
            pushUndo("set the verification date")
            record.verification.date = date
            save(record)
            say(style.success("✓ ") + "Verification date: \(date.longForm).")
            readinessPrompt = nil
            askNext()
        case .verifiedScore(let statement):
            guard let question = current.blueprint.question(statement) else { return }
            if line.isEmpty {
                verificationSkipped.insert(statement)
                readinessPrompt = nil
                say(style.dim("Skipped for now; /verify offers it again."))
                return askNext()
            }
            var score: Int
            var note: String?
            if let (given, rest) = ScoredLine.split(line) {
                (score, note) = (given, rest)
            } else {
                switch AnswerInterpreter(question: question).interpret(line, sentence: []) {
                case .answer(.number(let value), _):
                    score = Int(value)
                case .ambiguous(let options, _):
                    return say("Did you mean \(ListPhrase.join(options.map { "\($0.value) (\($0.label.lowercased()))" }, conjunction: "or"))?")
                default:
                    return say("Score it 0 (not yet), 1 (starting), 2 (mostly) or 3 (fully), or press Enter to skip it for now.")
                }
            }
            pushUndo("verified \(statement)")
            record.verification.scores[statement] = score
            var own: Int?
            if case .number(let value)? = current.answers[statement] { own = Int(value) }
            let differs = own.map { $0 != score } ?? true
            if let note { record.verification.notes[statement] = Sanitized.answerText(note) }
            save(record)
            var reply = style.success("✓ ") + "Verified: \(score) (\(question.option(String(score))?.label.lowercased() ?? ""))"
            if let own, differs { reply += ", against a self-score of \(own)" }
            say(reply + (note.map { "; note: \(Sanitized.forTerminal($0))" } ?? "") + ".")
            readinessPrompt = note == nil ? .verifierNote(statement: statement, differs: differs) : nil
            askNext()
        case .verifierNote(let statement, _):
            let note = Sanitized.answerText(line)
            if !note.isEmpty {
                record.verification.notes[statement] = String(note.prefix(AnswerResolver.maximumTextLength))
                save(record)
                say(style.success("✓ ") + "Note kept.")
            }
            readinessPrompt = nil
            askNext()
        case .evidence, .keepReadiness:
            break
        }
    }

    private func save(_ record: AssessmentRecord) {
        assessment?.answers.assessment = record
        autosave()
    }

    func finishVerification() {
        verifying = false
        readinessPrompt = nil
        guard let current = assessment else { return }
        let report = current.assemble(date: configuration.date)
        let statements = verifiableStatements(current)
        let verified = statements.filter { current.answers.assessment.verification.scores[$0.id] != nil }.count
        if verified == statements.count {
            say("\n" + style.bold("The verification is complete:") + " all \(verified) statements verified.")
        } else {
            say("\n" + style.bold("The verifier's pass stops here:") + " \(verified) of \(statements.count) statements verified; "
                + "/verify carries on with the rest.")
        }
        showScores()
        if verified > 0 { setMaturity(from: report, verified: true) }
        autosave()
        askNext()
    }
}
