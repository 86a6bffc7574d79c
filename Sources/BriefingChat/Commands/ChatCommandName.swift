import BriefingCore

/// The chat's slash commands, with their usage lines for `/help` and completion.
enum ChatCommandName: String, CaseIterable {
    case help, back, change, set, answers, reset
    case preview, outline, why, whynot
    case whatif, scenario
    case export, save, load, quit, exit, resume, assess, verify
    case pin, drop, unpin, note

    var usage: String {
        switch self {
        case .help: "/help                      this list"
        case .back: "/back                      undo the last answer"
        case .change: "/change ID                 answer a question again"
        case .set: "/set ID=VALUE ...           set answers directly"
        case .answers: "/answers                   show every answer so far"
        case .reset: "/reset                     clear all answers (/back undoes it)"
        case .preview: "/preview [SECTION]         read the briefing, or one section"
        case .outline: "/outline                   sections, snippet titles and minutes"
        case .why: "/why SNIPPET               why a snippet is in the briefing"
        case .whynot: "/whynot SNIPPET            why a snippet is left out"
        case .whatif: "/whatif ID=VALUE ...       what would change, without changing anything"
        case .scenario: "/scenario save|list|use|compare|delete   keep and compare answer sets"
        case .export: "/export [FORMAT] [PATH]    write the briefing: md, txt, json, html or docx\n"
            + "                             (or from PATH's extension; - shows it here; --force replaces a file)\n"
            + "  /export readiness [FORMAT] [PATH]   write the readiness report"
        case .save: "/save [PATH]               save the answers as an answers file (- shows it here)\n"
            + "  /save readiness [PATH]     save the readiness answers, evidence and verification"
        case .load: "/load PATH                 load answers from an answers file, a JSON export or a readiness file"
        case .quit: "/quit                      save the session and leave"
        case .exit: "/exit                      the same as /quit"
        case .resume: "/resume                    continue the last saved session"
        case .assess: "/assess                    the readiness self-assessment, with evidence; it answers 'maturity'"
        case .verify: "/verify                    the verifier's pass: verified scores and notes"
        case .pin: "/pin SNIPPET               keep a snippet in, in full, whatever the answers and the time"
        case .drop: "/drop SNIPPET              leave a snippet out"
        case .unpin: "/unpin SNIPPET             give a pinned or dropped snippet back to the engine"
        case .note: "/note SECTION TEXT         add your own note at the end of a section (no TEXT removes it)"
        }
    }

    /// The command `name` means: its full name, or a prefix only it has (`/q`, `/exp`).
    static func named(_ name: String) -> ChatCommandName? {
        if let exact = ChatCommandName(rawValue: name) { return exact }
        guard !name.isEmpty else { return nil }
        let starting = allCases.filter { $0.rawValue.hasPrefix(name) }
        // /exit is /quit by another name, so "/e" alone is not made ambiguous by it only.
        let distinct = starting.filter { $0 != .exit || !starting.contains(.quit) }
        return distinct.count == 1 ? distinct[0] : nil
    }

    /// Grouped as the help shows them.
    static let groups: [(String, [ChatCommandName])] = [
        ("Answers", [.back, .change, .set, .answers, .reset]),
        ("Readiness", [.assess, .verify]),
        ("The briefing", [.preview, .outline, .why, .whynot]),
        ("Your own hand on it", [.pin, .drop, .unpin, .note]),
        ("Scenarios", [.whatif, .scenario]),
        ("Files and leaving", [.export, .save, .load, .resume, .quit]),
    ]
}

extension ChatEngine {
    var helpText: String {
        var out = "Answer the question shown with a number, a name or a sentence; ? explains the question.\n"
        for (title, commands) in ChatCommandName.groups {
            out += "\n" + style.bold(title) + "\n"
            out += commands.map { "  " + $0.usage }.joined(separator: "\n") + "\n"
        }
        out += "\nA command may be shortened while it stays unique (/q, /exp). Paths and names with spaces go in quotes.\n"
        out += "Ctrl-C cancels the line you are typing; Ctrl-D saves the session and leaves.\n"
        return out
    }

    /// Runs a `/command`; returns false when the session should end.
    func runCommand(_ line: String) -> Bool {
        let body = line.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let command = ChatCommandName.named(name) else {
            let names = ChatCommandName.allCases.map(\.rawValue)
            let starting = names.filter { $0.hasPrefix(name) }
            if !name.isEmpty, starting.count > 1 {
                say("/\(name) could be \(ListPhrase.join(starting.map { "/" + $0 }, conjunction: "or")): type a little more.")
            } else if let match = Suggestion.closest(to: name, in: names) {
                say("There is no /\(name). Did you mean /\(match)? (/help lists the commands.)")
            } else {
                say("There is no /\(name). /help lists the commands.")
            }
            return true
        }
        switch command {
        case .help: say(helpText, newline: false)
        case .back: back()
        case .change: change(argument)
        case .set: set(argument)
        case .answers: showAnswers()
        case .reset: reset()
        case .preview: preview(argument)
        case .outline: outline()
        case .why: why(argument, expectingIncluded: true)
        case .whynot: why(argument, expectingIncluded: false)
        case .whatif: whatIf(argument)
        case .scenario: scenario(argument)
        case .export: export(argument)
        case .save: saveAnswers(argument)
        case .load: loadAnswers(argument)
        case .resume: resumeCommand()
        case .assess: startAssessment()
        case .verify: startVerification()
        case .pin: pin(argument)
        case .drop: drop(argument)
        case .unpin: unpin(argument)
        case .note: note(argument)
        case .quit, .exit:
            leave()
            return false
        }
        return true
    }
}
