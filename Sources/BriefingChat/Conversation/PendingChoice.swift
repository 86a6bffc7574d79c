import BriefingCore

/// A numbered "did you mean" list shown for one question. The next line may pick from it by its
/// number (or, for a list of one, by "yes"); anything else is read as a new answer.
struct PendingChoice {
    let question: Question
    let options: [ChoiceOption]
    /// For a multi-choice question: the options already understood from the same line.
    let alongside: [String]

    /// The list as shown: each option numbered on its own line, then how to answer.
    func text(intro: String) -> String {
        var out = intro + "\n"
        for (index, option) in options.enumerated() {
            out += "    \(index + 1). \(option.label)\n"
        }
        out += options.count == 1
            ? "Type 1 or yes to take it, or type the answer another way."
            : "Type its number from this list (1 to \(options.count)), or type the answer another way."
        return out
    }

    /// Settles the choice from `line`; false when the line is not a pick from the list.
    func settle(_ line: String, in engine: ChatEngine) -> Bool {
        let lowered = line.lowercased()
        let picked: ChoiceOption?
        if let number = Int(lowered) {
            guard (1...options.count).contains(number) else {
                engine.pendingChoice = self
                engine.say("That list has \(options.count == 1 ? "one entry" : "\(options.count) entries"): "
                           + "type \(options.count == 1 ? "1" : "1 to \(options.count)"), or type the answer another way.")
                return true
            }
            picked = options[number - 1]
        } else if options.count == 1, ["yes", "y", "yes please", "yep", "yeah", "ok", "that one"].contains(lowered) {
            picked = options[0]
        } else if options.count == 1, ["no", "n", "nope"].contains(lowered) {
            engine.say("Then type the answer another way, or ? for the options.")
            return true
        } else {
            picked = nil
        }
        guard let picked else { return false }
        let value: AnswerValue = question.kind == .multi
            ? .choices(question.options.map(\.value).filter { Set(alongside + [picked.value]).contains($0) })
            : question.kind == .scale ? .number(Double(picked.value) ?? 0) : .choice(picked.value)
        engine.record([(question, value)], note: nil)
        return true
    }
}

/// A yes-or-no question the chat asked, such as whether to replace a saved scenario.
struct PendingConfirmation {
    /// What "yes" does.
    let onYes: (ChatEngine) -> Void
    /// What is said on "no".
    let declined: String

    /// Acts on yes or no; false when the line is neither, so that it is read as usual.
    func settle(_ line: String, in engine: ChatEngine) -> Bool {
        switch line.lowercased() {
        case "y", "yes", "yes please", "replace", "ok", "overwrite":
            onYes(engine)
            return true
        case "n", "no", "keep", "cancel":
            engine.say(declined)
            return true
        default:
            engine.say(engine.style.dim("(Not replaced.)"))
            return false
        }
    }
}
