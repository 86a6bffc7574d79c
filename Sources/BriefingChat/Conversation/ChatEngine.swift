import Foundation
import BriefingCore

/// The conversation: asks the blueprint's questions, understands answers and commands, keeps the
/// briefing assembled as answers arrive, and saves the session after every change.
///
/// It never touches the terminal: lines come in through `handle(_:)` and text goes out through a
/// `ChatOutput`, so whole sessions can be driven by a script in tests.
public final class ChatEngine {
    let configuration: ChatConfiguration
    let output: ChatOutput
    let style: TerminalStyle
    let presenter: QuestionPresenter
    let store: SessionStore?

    /// The main interview, and the readiness self-assessment once started.
    var interview: Interview
    var assessment: Interview?
    /// True while the readiness statements are being asked.
    var assessing = false
    /// True while the verifier's pass runs.
    var verifying = false
    /// A line the readiness passes wait for that is not an interview question: evidence, a
    /// verified score, a note.
    var readinessPrompt: ReadinessPrompt?
    /// Statements to score again, in order, when `/assess` runs over a finished assessment.
    var rescoring: [String] = []
    /// Statements the verifier skipped in this pass; a new `/verify` offers them again.
    var verificationSkipped = Set<String>()
    /// Earlier states, for `/back`: the main interview and the assessment as they were.
    var undoStack: [UndoState] = []
    var scenarios: [String: Answers] = [:]
    /// A question asked out of turn by `/change`.
    var changing: Question?
    /// The interview was complete at the last check, so the outline has been shown.
    var announcedReady = false
    /// The required questions have all been answered, and the user has been told.
    var announcedRequiredDone = false
    private var saveFailureReported = false

    public init(configuration: ChatConfiguration, output: ChatOutput) throws(BriefingError) {
        self.configuration = configuration
        self.output = output
        self.style = configuration.style
        self.presenter = QuestionPresenter(style: configuration.style)
        self.store = configuration.stateDirectory.map { SessionStore(directory: $0) }
        let blueprint = try configuration.library.requireBlueprint(configuration.blueprintID)
        self.interview = Interview(blueprint: blueprint, library: configuration.library)
    }

    // MARK: Starting

    /// Greets the user, restores or prefills answers, and asks the first question.
    public func start() {
        say(style.bold("Hello.") + " I'll help you put together a short briefing on co-production in engagement "
            + "and consultation, tailored to one leader's system. I'll ask a few questions; answer with a number, "
            + "a name or in your own words. Type ? for help on a question, /help for commands, /quit to stop.")
        if configuration.resume {
            resumeSession()
        } else if let store, case .success(let saved) = store.load(), !saved.answers.isEmpty {
            let organisation = saved.answers["organisation"].flatMap { value -> String? in
                if case .text(let text) = value { return text }
                return nil
            }
            say(style.dim("(A saved session\(organisation.map { " for \($0)" } ?? "") exists; "
                + "type /resume to continue it. It will be replaced once you answer here.)"))
        }
        if !configuration.prefill.isEmpty {
            do {
                let answers = try AnswerResolver.resolve(configuration.prefill, for: interview.blueprint)
                interview.answers = interview.answers.merging(answers)
                say("Prefilled \(answers.values.count) answer\(answers.values.count == 1 ? "" : "s") from the answers file.")
                autosave()
            } catch {
                sayError("The answers file has problems, so nothing was prefilled:\n" + error.description)
            }
        }
        askNext()
    }

    /// The prompt for the next line: the id of the question being asked, or `briefing`.
    public var prompt: String {
        style.prompt("\(readinessPrompt?.name ?? currentQuestion?.id ?? "briefing")> ")
    }

    /// The question the next plain line answers, if any.
    var currentQuestion: Question? {
        if readinessPrompt != nil || verifying { return nil }
        if assessing, let id = rescoring.first, let question = assessment?.blueprint.question(id) { return question }
        return changing ?? activeInterview.nextQuestion
    }

    /// The readiness assessment while it is being scored or verified, else the main interview.
    var activeInterview: Interview {
        get { (assessing || verifying) ? assessment ?? interview : interview }
        set {
            if (assessing || verifying) && assessment != nil { assessment = newValue } else { interview = newValue }
        }
    }

    // MARK: Input

    /// Handles one read result; returns false when the session should end.
    public func handle(_ result: LineReadResult) -> Bool {
        switch result {
        case .endOfInput:
            leave()
            return false
        case .interrupted:
            say(style.dim("(cancelled; the session is kept. /quit or Ctrl-D to leave)"))
            return true
        case .invalidUTF8:
            sayError("That line was not valid UTF-8 text, so I ignored it. Please type it again.")
            return true
        case .tooLong(let bytes):
            sayError("That line was \(bytes.formatted()) bytes long, over the \(LineLimits.maximumBytes.formatted())-byte limit, so I ignored it.")
            return true
        case .line(let typed):
            // Control characters and invisible formatting never reach an answer, a file or the
            // terminal: they are left out, and the user is told.
            let raw = Sanitized.answerText(typed)
            if Sanitized.hasHiddenCharacters(typed) {
                let shown = Sanitized.forTerminal(typed)
                say(style.dim("(I left out the control or invisible characters in \"\(shown.count > 60 ? String(shown.prefix(60)) + "…" : shown)\".)"))
            }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("/") {
                return runCommand(line)
            }
            if line == "?" {
                if let readinessPrompt { say(readinessPrompt.help) }
                else if let question = currentQuestion { say(presenter.help(for: question)) } else { say(helpText) }
                return true
            }
            if readinessPrompt != nil {
                answerReadinessPrompt(line)
                return true
            }
            if let question = currentQuestion {
                answer(question, with: line)
            } else {
                freeText(line)
            }
            return true
        }
    }

    // MARK: Answering

    private func answer(_ question: Question, with line: String) {
        if line.isEmpty {
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
            return
        }
        if question.id == "maturity", !assessing, ["assess", "assess it", "/assess"].contains(line.lowercased()) {
            startAssessment()
            return
        }
        if assessing, question.kind == .scale, let (score, evidence) = ScoredLine.split(line) {
            recordScore(question, score: score, evidence: evidence)
            return
        }
        let sentence = PhraseMatcher(questions: activeInterview.blueprint.sentenceQuestions(asking: question)).matches(in: line)
        switch AnswerInterpreter(question: question).interpret(line, sentence: sentence) {
        case .answer(let value, let note):
            var changes = [(question, value)]
            changes += alsoUnderstood(sentence, besides: question)
            record(changes, note: note)
        case .ambiguous(let options):
            let names = options.map { "\($0.label) (\($0.value))" }
            say("Did you mean \(ListPhrase.join(names, conjunction: "or"))? Type the one you mean, or its number.")
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

    /// Unanswered questions that a sentence also answers, one option each.
    private func alsoUnderstood(_ sentence: [PhraseMatcher.Match], besides question: Question) -> [(Question, AnswerValue)] {
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
    func record(_ changes: [(Question, AnswerValue)], note: String?, keepAsking: Bool = false) {
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

    /// Asks the next question, or shows the outline once the interview is complete.
    func askNext() {
        if let readinessPrompt {
            return sayIndented(readinessPrompt.question, indent: readinessPrompt.indent)
        }
        if verifying {
            return askNextVerification()
        }
        if let question = currentQuestion {
            let defaultText = question.defaultValue.map { $0.display(for: question) }
            let inferred = question.inferredFrom == nil ? nil
                : EvaluationScope(blueprint: activeInterview.blueprint, answers: activeInterview.answers).inference(of: question.id)
            say(presenter.present(question, position: activeInterview.position(of: question), defaultText: defaultText,
                                  inferred: inferred),
                newline: false)
            return
        }
        guard !assessing else { return }
        let briefing = interview.assemble(date: configuration.date)
        if announcedReady {
            say(style.dim("The briefing now stands at \(MinutesFormat.short(briefing.totalMinutes)) of "
                          + "\(MinutesFormat.short(briefing.budgetMinutes)) minutes; /outline shows it."))
            return
        }
        announcedReady = true
        say("")
        say(style.bold("Your briefing is ready.") + " Here is its outline:")
        say(OutlineReport.text(briefing), newline: false)
        say("\nNext: /preview to read it, /export md to save it, /whatif stage=formal-consultation to explore, "
            + "/help for everything else.")
    }

    /// Once every required question is answered, says the briefing exists and what the rest adds.
    func announceRequiredDone() {
        guard !assessing, !announcedRequiredDone, interview.missingRequired.isEmpty,
              let next = interview.nextQuestion else { return }
        announcedRequiredDone = true
        let briefing = interview.assemble(date: configuration.date)
        let remaining = interview.blueprint.questions.drop { $0.id != next.id }.filter { interview.answers[$0.id] == nil }
        say("\nThat's all the briefing needs: it stands at \(MinutesFormat.short(briefing.totalMinutes)) minutes "
            + "(/outline shows it, /export md saves it). \(remaining.count) optional question\(remaining.count == 1 ? "" : "s") "
            + "refine\(remaining.count == 1 ? "s" : "") it; press Enter to skip any.")
    }

    private func freeText(_ line: String) {
        guard !line.isEmpty else { return }
        let lowered = line.lowercased()
        let matches = PhraseMatcher(questions: interview.blueprint.sentenceQuestions(asking: nil)).matches(in: line)
        if lowered.hasPrefix("what if") || lowered.hasPrefix("whatif") {
            if matches.isEmpty {
                say("I couldn't tell which answers you want to try. Use /whatif id=value, e.g. /whatif stage=formal-consultation.")
            } else {
                whatIf(hypothetical(from: matches))
            }
            return
        }
        if !matches.isEmpty {
            let assignments = hypothetical(from: matches).map { "\($0.0.id)=\($0.1.raw)" }.joined(separator: " ")
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

    // MARK: Undo, saving, leaving

    func pushUndo(_ note: String) {
        undoStack.append(UndoState(answers: interview.answers, skipped: interview.skipped, assessment: assessment, note: note,
                                   rescoring: rescoring))
        if undoStack.count > 200 { undoStack.removeFirst() }
    }

    /// Saves the session atomically; a failure is reported once, and the conversation goes on.
    func autosave() {
        guard let store else { return }
        let snapshot = SessionSnapshot(
            blueprint: interview.blueprint.id,
            answers: SessionSnapshot.store(interview.answers),
            skipped: interview.skipped.sorted(),
            scenarios: scenarios.mapValues(SessionSnapshot.store),
            readiness: SessionSnapshot.store(assessment?.answers ?? Answers()),
            readinessPass: verifying ? "verifying" : assessing ? "assessing" : nil)
        do {
            try store.save(snapshot)
            saveFailureReported = false
        } catch {
            if !saveFailureReported {
                sayError("Could not save the session (\(error.description)). Your answers are kept while the chat runs; use /save PATH to keep a copy.")
                saveFailureReported = true
            }
        }
    }

    func resumeSession() {
        guard let store else { return }
        switch store.load() {
        case .success(let snapshot):
            guard let blueprint = configuration.library.blueprint(snapshot.blueprint) else {
                sayError("The saved session is for blueprint '\(snapshot.blueprint)', which the library no longer has; starting afresh.")
                return
            }
            interview = Interview(blueprint: blueprint, library: configuration.library)
            let (answers, problems) = SessionSnapshot.restore(snapshot.answers, for: blueprint)
            interview.answers = answers
            interview.skipped = Set(snapshot.skipped)
            for (name, stored) in snapshot.scenarios {
                scenarios[name] = SessionSnapshot.restore(stored, for: blueprint).0
            }
            var readinessProblems: [String] = []
            assessment = nil
            assessing = false
            verifying = false
            readinessPrompt = nil
            if !snapshot.readiness.isEmpty, let readiness = configuration.library.blueprint("readiness") {
                var resumed = Interview(blueprint: readiness, library: configuration.library)
                (resumed.answers, readinessProblems) = SessionSnapshot.restore(snapshot.readiness, for: readiness)
                assessment = resumed
                verifying = snapshot.readinessPass == "verifying"
                assessing = !verifying && resumed.nextQuestion != nil
                    && (snapshot.readinessPass == "assessing" || interview.answers["maturity"] == nil)
            }
            let organisation = answers["organisation"].map { " for \($0.raw)" } ?? ""
            var parts = ["\(answers.values.count) answer\(answers.values.count == 1 ? "" : "s")"]
            if let summary = readinessSummary { parts.append(summary) }
            if !scenarios.isEmpty { parts.append("\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")") }
            say("Welcome back. I've restored your session\(organisation): \(ListPhrase.join(parts)).")
            if verifying { say("You were part-way through the verification; carrying on (/back undoes a score).") }
            else if assessing { say("You were part-way through the readiness self-assessment; carrying on.") }
            for problem in problems + readinessProblems { sayError("Dropped a saved answer: \(problem)") }
        case .failure(.missing):
            say("There is no saved session to resume, so we'll start a new one.")
        case .failure(.otherVersion(let version)):
            let kept = store.setAside()
            sayError("The saved session was written in format \(version), which this version of briefing cannot read; "
                     + "starting a new one." + (kept.map { " The old file is kept at \($0)." } ?? ""))
        case .failure(.unreadable(let reason)):
            let kept = store.setAside()
            sayError("The saved session could not be read (\(reason)); starting a new one."
                     + (kept.map { " The old file is kept at \($0)." } ?? ""))
        }
    }

    func leave() {
        autosave()
        say("")
        if store != nil, saveFailureReported {
            sayError("The session could not be saved, so it cannot be resumed; /save PATH would have kept the answers.")
        } else if store != nil {
            say("Session saved. Continue later with: briefing chat --resume")
        } else {
            say("Goodbye.")
        }
    }

    // MARK: Output

    /// Writes `text`, with prose wrapped to the page.
    func say(_ text: String, newline: Bool = true) {
        output.write(Self.pageLines(text).joined(separator: "\n") + (newline ? "\n" : ""))
    }

    /// Prose lines wrapped to the page; indented lines (tables, previews) left as they are.
    static func pageLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            guard let first = line.first, !first.isWhitespace, DisplayWidth.of(line) > pageWidth else { return [String(line)] }
            return TextWrapper.wrap(String(line), width: pageWidth)
        }
    }

    /// The width prose is wrapped to.
    static let pageWidth = 78

    /// Writes `text` wrapped to the page, every line indented by `indent` spaces.
    func sayIndented(_ text: String, indent: Int = 3) {
        let pad = String(repeating: " ", count: indent)
        say(TextWrapper.wrap(text, width: Self.pageWidth - indent).map { pad + $0 }.joined(separator: "\n"))
    }

    func sayError(_ text: String) {
        output.write(Self.pageLines(text).map(style.error).joined(separator: "\n") + "\n")
    }
}

extension Int {
    /// 16384 as "16,384".
    func formatted() -> String {
        let digits = Array(String(self))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
