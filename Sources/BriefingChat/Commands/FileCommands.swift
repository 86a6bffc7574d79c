import Foundation
import Yams
import BriefingCore

/// `/export`, `/save` and `/load`: files in and out, written atomically and never overwritten
/// without `--force`.
extension ChatEngine {
    /// `/export [readiness] [md|txt|json|html|docx] [PATH] [--force]`: the format comes from the
    /// word given, else PATH's extension, else Markdown; a word that is no format is an error, never
    /// part of the path.
    func export(_ argument: String) {
        guard var words = words(of: argument, usage: "/export md \"my briefing.md\"") else { return }
        let force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        var format: OutputFormat?
        var readiness = false
        while let first = words.first {
            if first.lowercased() == "readiness" {
                readiness = true
            } else if let chosen = OutputFormat(name: first) {
                format = chosen
            } else {
                break
            }
            words.removeFirst()
        }
        guard words.count <= 1 else {
            if !words[0].contains("."), !words[0].contains("/") {
                return say("\(words[0]) is not a format: the formats are \(OutputFormat.names), e.g. /export docx \(quoted(words[1])).")
            }
            return say("/export takes one path; put quotes around a path with spaces, e.g. /export md \"my briefing.md\".")
        }
        let given = words.first ?? ""
        if format == nil, !given.isEmpty {
            do {
                format = try OutputFormat.forPath(given)
            } catch {
                return say("\(given) does not say which format to write: the formats are \(OutputFormat.names), "
                           + "e.g. /export docx \(given.split(separator: ".").first.map(String.init) ?? "briefing").docx.")
            }
            if format == nil, !given.contains("/"), !given.hasPrefix("~"), given.count <= 5 {
                return say("\(given) is not a format: the formats are \(OutputFormat.names), e.g. /export docx.")
            }
        }
        let chosen = format ?? .markdown
        let briefing: Briefing
        if readiness {
            guard let assessment else {
                return say("There is no readiness self-assessment yet: /assess runs it.")
            }
            briefing = assessment.assemble(date: configuration.date)
        } else {
            let missing = interview.missingRequired.map(\.id)
            if !missing.isEmpty {
                return say("Not yet: \(ListPhrase.join(missing)) still \(missing.count == 1 ? "needs an answer" : "need answers"). "
                           + "/preview shows a draft.")
            }
            briefing = currentBriefing
        }
        if given == "-" {
            guard chosen != .docx else {
                return say("A Word file can't be shown here: give a path, e.g. /export docx \(defaultFileStem(suffix: "briefing")).docx.")
            }
            return output.page(chosen.fileContents(briefing))
        }
        let stem = defaultFileStem(suffix: readiness ? "readiness" : "briefing")
        guard let path = outputPath(given, defaultName: stem + "." + chosen.fileExtension) else { return }
        do {
            try AtomicFile.write(chosen.fileBytes(briefing), to: path, overwrite: force)
            say(style.success("✓ ") + "Wrote the \(readiness ? "readiness report" : "briefing") as \(chosen.rawValue) "
                + "(\(MinutesFormat.short(briefing.totalMinutes)) minutes) to \(path)")
        } catch {
            reportWriteFailure(error, path: path, retry: "/export \(readiness ? "readiness " : "")\(chosen.rawValue) \(quoted(path)) --force")
        }
    }

    /// The words of a command's argument, or nil after saying what is wrong with its quotes.
    func words(of argument: String, usage: String) -> [String]? {
        switch CommandWords.split(argument) {
        case .success(let words): return words
        case .failure(let problem):
            say("I couldn't read that: \(problem.message). For a path with spaces: \(usage)")
            return nil
        }
    }

    /// A path as it can be typed back: quoted when it holds a space.
    func quoted(_ path: String) -> String {
        path.contains(" ") ? "\"\(path)\"" : path
    }

    /// `/save [readiness] [PATH]`: the answers, or the readiness assessment with its evidence and
    /// verification, as an answers file that `briefing build` reads.
    func saveAnswers(_ argument: String) {
        guard var words = words(of: argument, usage: "/save \"my answers.yaml\"") else { return }
        let force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        let readiness = words.first?.lowercased() == "readiness"
        if readiness { words.removeFirst() }
        let saved: Interview
        if readiness {
            guard let assessment else { return say("There is no readiness self-assessment yet: /assess runs it.") }
            saved = assessment
        } else {
            saved = interview
        }
        if words == ["-"] { return output.page(answersYAML(saved)) }
        let suffix = readiness ? "readiness-answers" : "answers"
        guard let path = outputPath(words.joined(separator: " "), defaultName: defaultFileStem(suffix: suffix) + ".yaml")
        else { return }
        do {
            try AtomicFile.write(answersYAML(saved), to: path, overwrite: force)
            say(style.success("✓ ") + "Saved \(saved.answers.values.count) answers\(readiness ? " with the evidence and verification" : "") to \(path). "
                + "Rebuild with: briefing build --answers \(path)")
        } catch {
            reportWriteFailure(error, path: path, retry: "/save \(readiness ? "readiness " : "")\(path) --force")
        }
    }

    func loadAnswers(_ argument: String) {
        guard !argument.isEmpty else { return say("Which file? /load PATH") }
        guard let parts = words(of: argument, usage: "/load \"my answers.yaml\""), parts.count == 1 else {
            return say("/load takes one path; put quotes around a path with spaces.")
        }
        guard parts[0] != "-" else {
            return say("The chat reads its own typing from standard input, so /load needs a file: /load PATH.")
        }
        let path = resolve(parts[0])
        do {
            let file = try AnswersFile.read(path)
            if let id = file.blueprintID, id != interview.blueprint.id, let readiness = configuration.library.blueprint(id),
               !readiness.dimensions.isEmpty, id == "readiness" {
                return loadAssessment(file, from: argument, blueprint: readiness)
            }
            if let id = file.blueprintID, id != interview.blueprint.id {
                return say("\(argument) is for blueprint '\(id)', but this chat is on '\(interview.blueprint.id)'. "
                           + "Start it with: briefing chat --blueprint \(id) --answers \(argument)")
            }
            let answers = try AnswerResolver.resolve(file.answers, for: interview.blueprint)
            assessing = false
            pushUndo("loaded \(argument)")
            interview.answers = answers
            interview.skipped = []
            changing = nil
            announcedReady = false
            say(style.success("✓ ") + "Loaded \(answers.values.count) answers from \(argument) (/back undoes it).")
            autosave()
            askNext()
        } catch {
            switch error {
            case .inputNotFound:
                sayError("There is no file \(argument). Check the path (Tab completes it).")
            default:
                sayError("Could not load \(argument):\n" + error.description)
            }
        }
    }

    /// A readiness answers file loaded into the session's assessment, when it is for the session's
    /// organisation (or the session has none yet).
    private func loadAssessment(_ file: AnswersFile, from argument: String, blueprint: Blueprint) {
        let answers: Answers
        do {
            answers = try AnswerResolver.resolve(file.answers, for: blueprint)
        } catch {
            return sayError("Could not load \(argument):\n" + error.description)
        }
        if let theirs = answers["organisation"], let ours = interview.answers["organisation"], theirs != ours {
            return say("\(argument) is the readiness assessment of \(theirs.raw), but this session is for \(ours.raw). "
                       + "The assessment belongs to the session's organisation: /change organisation first, or /reset.")
        }
        pushUndo("loaded the readiness assessment from \(argument)")
        var loaded = Interview(blueprint: blueprint, library: configuration.library)
        loaded.answers = answers
        assessment = loaded
        assessing = false
        verifying = false
        readinessPrompt = nil
        shareReadinessContext([])
        if interview.answers["organisation"] == nil, let organisation = answers["organisation"] {
            interview.answers["organisation"] = organisation
        }
        let statements = blueprint.questions.filter { $0.kind == .scale }
        let scored = statements.filter { answers[$0.id] != nil }.count
        say(style.success("✓ ") + "Loaded the readiness assessment from \(argument): \(scored) of \(statements.count) statements scored, "
            + "\(answers.assessment.verification.scores.count) verified (/back undoes it).")
        autosave()
        if scored == statements.count { setMaturity(from: loaded.assemble(date: configuration.date), verified: !answers.assessment.verification.scores.isEmpty) }
        askNext()
    }

    /// The answers as a YAML answers file that `briefing build --answers` reads; an assessment's
    /// evidence and verification come as the nested `evidence:` and `verification:` mappings.
    func answersYAML(_ saved: Interview? = nil) -> String {
        let saved = saved ?? interview
        var pairs: [(Node, Node)] = [(Node("blueprint"), Node(saved.blueprint.id))]
        for question in saved.blueprint.questions {
            guard let value = saved.answers[question.id] else { continue }
            let node: Node
            switch value {
            case .text(let text): node = Node(text, .implicit, .doubleQuoted)
            case .choice(let choice): node = Node(choice)
            case .choices(let choices): node = Node(choices.map { Node($0) }, .implicit, .flow)
            case .number(let number): node = Node(ConditionValue.format(number))
            }
            pairs.append((Node(question.id), node))
        }
        let record = saved.answers.assessment
        func text(_ value: String) -> Node { Node(value, .implicit, .doubleQuoted) }
        let overrides = saved.answers.overrides
        if !overrides.isEmpty {
            var mapping: [(Node, Node)] = []
            if !overrides.include.isEmpty { mapping.append((Node("include"), Node(overrides.include.map { Node($0) }, .implicit, .flow))) }
            if !overrides.exclude.isEmpty { mapping.append((Node("exclude"), Node(overrides.exclude.map { Node($0) }, .implicit, .flow))) }
            if !overrides.notes.isEmpty {
                mapping.append((Node("notes"), Node(overrides.notes.sorted { $0.key < $1.key }.map { (Node($0.key), text($0.value)) })))
            }
            pairs.append((Node("overrides"), Node(mapping)))
        }
        if !record.evidence.isEmpty {
            pairs.append((Node("evidence"), Node(record.evidence.sorted { $0.key < $1.key }.map { (Node($0.key), text($0.value)) })))
        }
        if !record.verification.isEmpty {
            var verification: [(Node, Node)] = []
            if let verifier = record.verification.verifier { verification.append((Node("verifier"), text(verifier))) }
            if let date = record.verification.date { verification.append((Node("date"), Node(date.description))) }
            if !record.verification.scores.isEmpty {
                verification.append((Node("scores"), Node(record.verification.scores.sorted { $0.key < $1.key }
                    .map { (Node($0.key), Node(String($0.value))) })))
            }
            if !record.verification.notes.isEmpty {
                verification.append((Node("notes"), Node(record.verification.notes.sorted { $0.key < $1.key }
                    .map { (Node($0.key), text($0.value)) })))
            }
            pairs.append((Node("verification"), Node(verification)))
        }
        return (try? Yams.serialize(node: Node(pairs), allowUnicode: true)) ?? ""
    }

    private func outputPath(_ given: String, defaultName: String) -> String? {
        let path = given.isEmpty ? resolve(defaultName) : resolve(given)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return path + "/" + defaultName
        }
        return path
    }

    private func resolve(_ path: String) -> String {
        var expanded = path
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        if expanded == "~" { expanded = home } else if expanded.hasPrefix("~/") { expanded = home + expanded.dropFirst() }
        return expanded.hasPrefix("/") ? expanded : configuration.workingDirectory + "/" + expanded
    }

    /// "cardiff-and-vale-university-health-board-briefing", from the organisation's name.
    private func defaultFileStem(suffix: String) -> String {
        let organisation = interview.answers["organisation"]?.raw ?? ""
        var stem = ""
        for character in organisation.lowercased() {
            if character.isLetter || character.isNumber {
                stem.append(character)
            } else if !stem.isEmpty, stem.last != "-" {
                stem.append("-")
            }
            if stem.utf8.count >= 60 { break }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        return stem.isEmpty ? suffix : stem + "-" + suffix
    }

    private func reportWriteFailure(_ error: BriefingError, path: String, retry: String) {
        if case .cannotCreateOutput(_, let reason) = error, reason.contains("already exists") {
            sayError("\(path) already exists, so I left it alone. To replace it: \(retry)")
        } else {
            let reason = if case .cannotCreateOutput(_, let reason) = error { reason } else { error.message }
            sayError("Could not write \(path): \(reason). The session is unchanged; try another path.")
        }
    }
}
