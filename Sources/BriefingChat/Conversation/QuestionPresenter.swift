import BriefingCore

/// How questions, options and answers read in the conversation.
struct QuestionPresenter {
    let style: TerminalStyle

    /// The question with its numbered options and a hint on how to answer.
    /// `inferred` is what the engine reads for this question from another answer, e.g. the topics of
    /// the challenge; Enter keeps it.
    func present(_ question: Question, position: (index: Int, count: Int), defaultText: String?,
                 inferred: AnswerInference? = nil) -> String {
        var out = "\n" + style.bold("(\(position.index)/\(position.count)) \(question.ask)") + "\n"
        switch question.kind {
        case .choice, .multi:
            for (index, option) in question.options.enumerated() {
                out += "   \(String(index + 1).leftPadded(to: 2)). \(option.label)\n"
            }
            if question.kind == .multi {
                out += style.dim("   Several are fine, separated by commas; 'none' if none apply.") + "\n"
            }
        case .scale:
            out += "   " + question.options.map { "\($0.value) \($0.label.lowercased())" }.joined(separator: " · ") + "\n"
        case .number:
            if let minimum = question.minimum, let maximum = question.maximum {
                out += style.dim("   A number from \(ConditionValue.format(minimum)) to \(ConditionValue.format(maximum))"
                                 + (defaultText.map { "; Enter keeps \($0)" } ?? "") + ".") + "\n"
            }
        case .text:
            break
        }
        if let inferred, !inferred.values.isEmpty {
            let labels = inferred.values.map { question.option($0)?.label ?? $0 }
            let phrases = inferred.matches.map { "\"\($0.phrase)\"" }
            out += "   From the \(inferred.source) I read: \(ListPhrase.join(labels)) (\(ListPhrase.join(phrases))).\n"
            out += style.dim("   Press Enter to keep that, or give your own; 'none' if none apply.") + "\n"
        } else if !question.required, question.kind != .number {
            out += style.dim("   Optional: press Enter to skip.") + "\n"
        }
        return out
    }

    /// The help shown on `?`.
    func help(for question: Question) -> String {
        var out = (question.help ?? "No extra help for this question.") + "\n"
        if question.hasOptions, question.kind != .scale {
            out += "You can answer with a number, a name, or in your own words"
            let examples = question.options.compactMap { option in option.synonyms.first.map { "\"\($0)\" means \(option.label)" } }
            if !examples.isEmpty { out += ", e.g. " + ListPhrase.join(Array(examples.prefix(2))) }
            out += ".\n"
        }
        out += "Type /help for commands, /back to undo the last answer.\n"
        return out
    }

    /// "Nation: Wales"
    func summary(_ question: Question, _ value: AnswerValue) -> String {
        let shown = value.isEmpty ? "none" : value.display(for: question)
        return "\(question.label): \(shown)"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
