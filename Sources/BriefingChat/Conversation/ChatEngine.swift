import Foundation
import BriefingCore

/// The conversation: asks the blueprint's questions, understands answers and commands, keeps the
/// briefing assembled as answers arrive, and saves the session after every change.
///
/// It never touches the terminal: lines come in through `handle(_:)` and text goes out through a
/// `ChatOutput`, so whole sessions can be driven by a script in tests. The rest of it lives beside
/// this file by concern: answering (`AnswerHandling`), what to ask next (`QuestionFlow`), the saved
/// session (`SessionKeeping`), laying text out (`ChatSpeech`), and the commands (`Commands/`).
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
    /// The numbered "did you mean" list shown last: a number answers it.
    var pendingChoice: PendingChoice?
    /// A yes-or-no question waiting for its answer, such as replacing a saved scenario.
    var pendingConfirmation: PendingConfirmation?
    /// The saved session is this chat's own (resumed, or written by it), so saving may replace it.
    var ownsSavedSession = false
    var saveFailureReported = false

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
        } else {
            mentionSavedSession()
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
            return handleLine(raw.trimmingCharacters(in: .whitespaces))
        }
    }

    private func handleLine(_ line: String) -> Bool {
        if let confirmation = pendingConfirmation {
            pendingConfirmation = nil
            if confirmation.settle(line, in: self) { return true }
        }
        if line.hasPrefix("/") {
            pendingChoice = nil
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
        if let choice = pendingChoice {
            pendingChoice = nil
            if let question = currentQuestion, question.id == choice.question.id, choice.settle(line, in: self) { return true }
        }
        if let meta = MetaInput.classify(line) {
            respond(to: meta, typed: line)
            return true
        }
        if let question = currentQuestion {
            answer(question, with: line)
        } else {
            freeText(line)
        }
        return true
    }

    /// "help", "quit" or "what does this mean?" typed as an answer: help, or the command to type.
    private func respond(to meta: MetaInput, typed: String) {
        switch meta {
        case .help:
            if let question = currentQuestion {
                say(presenter.help(for: question))
            } else {
                say(helpText, newline: false)
            }
        case .command(let name):
            let what = currentQuestion.map { " I haven't taken \"\(typed)\" as the answer to '\($0.label)'." } ?? ""
            say("Commands start with a slash: type /\(name).\(what)")
        }
    }
}
