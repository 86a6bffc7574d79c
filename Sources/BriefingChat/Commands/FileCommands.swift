import Foundation
import Yams
import BriefingCore

/// `/export`, `/save` and `/load`: files in and out, written atomically and never overwritten
/// without `--force`.
extension ChatEngine {
    func export(_ argument: String) {
        var words = argument.split(separator: " ").map(String.init)
        let force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        var format = OutputFormat.markdown
        var readiness = false
        while let first = words.first {
            if let chosen = OutputFormat(rawValue: first.lowercased()) ?? (first.lowercased() == "text" ? .text : nil) {
                format = chosen
            } else if first.lowercased() == "readiness" {
                readiness = true
            } else {
                break
            }
            words.removeFirst()
        }
        let briefing: Briefing
        if readiness {
            guard let assessment else {
                return say("There is no readiness self-assessment yet: /assess runs it.")
            }
            briefing = assessment.assemble(date: configuration.date)
        } else {
            if !interview.missingRequired.isEmpty {
                return say("Not yet: \(ListPhrase.join(interview.missingRequired.map(\.id))) still need answers. /preview shows a draft.")
            }
            briefing = currentBriefing
        }
        let stem = defaultFileStem(suffix: readiness ? "readiness" : "briefing")
        guard let path = outputPath(words.joined(separator: " "), defaultName: stem + "." + format.fileExtension) else { return }
        do {
            try AtomicFile.write(format.fileContents(briefing), to: path, overwrite: force)
            say(style.success("✓ ") + "Wrote the \(readiness ? "readiness report" : "briefing") (\(MinutesFormat.short(briefing.totalMinutes)) minutes) to \(path)")
        } catch {
            reportWriteFailure(error, path: path, retry: "/export \(format.rawValue)\(readiness ? " readiness" : "") \(path) --force")
        }
    }

    func saveAnswers(_ argument: String) {
        var words = argument.split(separator: " ").map(String.init)
        let force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        guard let path = outputPath(words.joined(separator: " "), defaultName: defaultFileStem(suffix: "answers") + ".yaml")
        else { return }
        do {
            try AtomicFile.write(answersYAML(), to: path, overwrite: force)
            say(style.success("✓ ") + "Saved \(interview.answers.values.count) answers to \(path). "
                + "Rebuild with: briefing build --answers \(path)")
        } catch {
            reportWriteFailure(error, path: path, retry: "/save \(path) --force")
        }
    }

    func loadAnswers(_ argument: String) {
        guard !argument.isEmpty else { return say("Which file? /load PATH") }
        let path = resolve(argument)
        do {
            let file = try AnswersFile.read(path)
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

    /// The answers as a YAML answers file that `briefing build --answers` reads.
    func answersYAML() -> String {
        var pairs: [(Node, Node)] = [(Node("blueprint"), Node(interview.blueprint.id))]
        for question in interview.blueprint.questions {
            guard let value = interview.answers[question.id] else { continue }
            let node: Node
            switch value {
            case .text(let text): node = Node(text, .implicit, .doubleQuoted)
            case .choice(let choice): node = Node(choice)
            case .choices(let choices): node = Node(choices.map { Node($0) }, .implicit, .flow)
            case .number(let number): node = Node(ConditionValue.format(number))
            }
            pairs.append((Node(question.id), node))
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
        if expanded.hasPrefix("~/") { expanded = NSHomeDirectory() + expanded.dropFirst() }
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
