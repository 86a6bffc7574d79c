import Foundation
import BriefingCore

/// The saved session: written after every change, never replaced by an empty one, and the one a
/// new chat replaces kept as `session.previous.json`.
extension ChatEngine {
    func pushUndo(_ note: String) {
        undoStack.append(UndoState(answers: interview.answers, skipped: interview.skipped, assessment: assessment, note: note,
                                   rescoring: rescoring))
        if undoStack.count > 200 { undoStack.removeFirst() }
    }

    /// The session as it would be saved.
    var snapshot: SessionSnapshot {
        SessionSnapshot(
            blueprint: interview.blueprint.id,
            answers: SessionSnapshot.store(interview.answers),
            skipped: interview.skipped.sorted(),
            scenarios: scenarios.mapValues(SessionSnapshot.store),
            readiness: SessionSnapshot.store(assessment?.answers ?? Answers()),
            readinessPass: verifying ? "verifying" : assessing ? "assessing" : nil)
    }

    /// True when there is something to keep: an answer, a scenario or a readiness score.
    var hasSomethingToSave: Bool {
        !SessionSnapshot.store(interview.answers).isEmpty || !scenarios.isEmpty
            || !SessionSnapshot.store(assessment?.answers ?? Answers()).isEmpty
    }

    /// Saves the session atomically; a failure is reported once, and the conversation goes on.
    /// A chat that has nothing yet leaves the saved session alone; its first answer keeps that one
    /// as `session.previous.json`; and clearing every answer keeps the last full one there too.
    func autosave() {
        guard let store else { return }
        do {
            if hasSomethingToSave {
                let replacing = !ownsSavedSession ? (try? store.load().get()) : nil
                try store.save(snapshot, keepingPrevious: !ownsSavedSession)
                ownsSavedSession = true
                if let replacing {
                    say(style.dim("(The session saved earlier\(Self.organisation(in: replacing).map { " for \($0)" } ?? "") is kept as "
                                  + "\(store.directory.previousSessionFile); this one is now saved as you go.)"))
                }
            } else if ownsSavedSession {
                try store.keepAsPrevious()
                ownsSavedSession = false
            }
            saveFailureReported = false
        } catch {
            if !saveFailureReported {
                sayError("Could not save the session (\(error.description)). Your answers are kept while the chat runs; use /save PATH to keep a copy.")
                saveFailureReported = true
            }
        }
    }

    /// At the start of a new chat: says that a saved session exists and how to continue it.
    func mentionSavedSession() {
        guard let store, case .success(let saved) = store.load(), !saved.answers.isEmpty else { return }
        say(style.dim("(A saved session\(Self.organisation(in: saved).map { " for \($0)" } ?? "") exists, with "
            + "\(saved.answers.count) answer\(saved.answers.count == 1 ? "" : "s"); type /resume to continue it. "
            + "It stays as it is until you answer here; then it is kept as session.previous.json.)"))
    }

    static func organisation(in snapshot: SessionSnapshot) -> String? {
        if case .text(let text)? = snapshot.answers["organisation"] { return text }
        return nil
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
            ownsSavedSession = true
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
        guard let store else { return say("Goodbye.") }
        if saveFailureReported {
            sayError("The session could not be saved, so it cannot be resumed; /save PATH would have kept the answers.")
        } else if ownsSavedSession {
            var parts = ["\(interview.answers.values.count) answer\(interview.answers.values.count == 1 ? "" : "s")"]
            if let summary = readinessSummary { parts.append(summary) }
            if !scenarios.isEmpty { parts.append("\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")") }
            say("Session saved (\(ListPhrase.join(parts))) to \(store.directory.sessionFile).")
            say("Continue later with: briefing chat --resume")
        } else if case .success(let saved) = store.load() {
            say("Nothing was answered, so nothing was saved. The saved session\(Self.organisation(in: saved).map { " for \($0)" } ?? "") "
                + "is kept: briefing chat --resume continues it.")
        } else if FileManager.default.fileExists(atPath: store.directory.previousSessionFile) {
            say("No answers are left, so there is no session to save; the last one is kept in "
                + "\(store.directory.previousSessionFile).")
        } else {
            say("Nothing was answered, so there was nothing to save. Goodbye.")
        }
    }
}
