import Foundation
import BriefingCore

/// Understands what someone typed in answer to a question: a number, a value, a label, a synonym,
/// an unambiguous prefix, a near miss, or a whole sentence.
struct AnswerInterpreter {
    /// What an answer line means.
    enum Outcome: Equatable {
        /// The answer, with a note when it was a guess ("taking 'scotlnd' as Scotland").
        case answer(AnswerValue, note: String?)
        /// The line may mean any of these options (one, for a short prefix or a guess): the user
        /// picks. For a multi-choice question, `alongside` holds the options already understood.
        case ambiguous([ChoiceOption], alongside: [String] = [])
        /// The line does not answer the question; the message says what would.
        case invalid(String)
    }

    let question: Question

    func interpret(_ line: String, sentence: [PhraseMatcher.Match]) -> Outcome {
        let text = line.trimmingCharacters(in: .whitespaces)
        switch question.kind {
        case .text:
            // Control and invisible formatting characters are never stored, nor echoed back.
            let cleaned = Sanitized.answerText(text)
            let note = cleaned == text ? nil : "control or invisible characters removed"
            guard !cleaned.isEmpty else { return .invalid("That was only control characters; please type the answer again.") }
            guard cleaned.count <= AnswerResolver.maximumTextLength else {
                return .invalid("That is \(cleaned.count) characters long; the limit is \(AnswerResolver.maximumTextLength).")
            }
            return .answer(.text(cleaned), note: note)
        case .number:
            return number(text)
        case .scale:
            return scale(text)
        case .choice:
            return choice(text, sentence: sentence)
        case .multi:
            return multi(text, sentence: sentence)
        }
    }

    private func number(_ text: String) -> Outcome {
        let digits = text.split(whereSeparator: { !($0.isNumber || $0 == ".") }).first.map(String.init)
        guard let digits, let value = Double(digits) else {
            return .invalid("Please give a number\(rangeText).")
        }
        if let minimum = question.minimum, value < minimum { return .invalid("\(ConditionValue.format(value)) is too small: please give a number\(rangeText).") }
        if let maximum = question.maximum, value > maximum { return .invalid("\(ConditionValue.format(value)) is too large: please give a number\(rangeText).") }
        return .answer(.number(value), note: nil)
    }

    private var rangeText: String {
        guard let minimum = question.minimum, let maximum = question.maximum else { return "" }
        return " from \(ConditionValue.format(minimum)) to \(ConditionValue.format(maximum))"
    }

    private func scale(_ text: String) -> Outcome {
        if let value = Int(text), (0...3).contains(value) {
            return .answer(.number(Double(value)), note: nil)
        }
        switch match(text) {
        case .found(let option, let note): return .answer(.number(Double(option.value) ?? 0), note: note)
        case .ambiguous(let options): return .ambiguous(options)
        case .none: return .invalid("Score it 0 (not yet), 1 (starting), 2 (mostly) or 3 (fully).")
        }
    }

    private func choice(_ text: String, sentence: [PhraseMatcher.Match]) -> Outcome {
        if let index = Int(text) {
            guard (1...question.options.count).contains(index) else {
                return .invalid("There is no option \(index): pick a number from 1 to \(question.options.count).")
            }
            return .answer(.choice(question.options[index - 1].value), note: nil)
        }
        switch match(text) {
        case .found(let option, let note):
            return .answer(.choice(option.value), note: note)
        case .ambiguous(let options):
            return .ambiguous(options)
        case .none:
            let mine = Array(Set(sentence.filter { $0.questionID == question.id }.map(\.option.value)))
            if mine.count == 1, let option = question.option(mine[0]) { return .answer(.choice(option.value), note: nil) }
            if mine.count > 1 { return .ambiguous(question.options.filter { mine.contains($0.value) }) }
            return .invalid("I didn't catch that. Pick a number from 1 to \(question.options.count), or type ? for help.")
        }
    }

    private func multi(_ text: String, sentence: [PhraseMatcher.Match]) -> Outcome {
        let lowered = text.lowercased()
        if ["none", "no", "nothing", "n/a", "-", "none of them", "none of these"].contains(lowered) { return .answer(.choices([]), note: nil) }
        var chosen = Set<String>(), denied = Set<String>(), notes: [String] = [], unknown: [String] = []
        let items = lowered.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " but ", with: ",")
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for rawItem in items {
            // "not budget pressure" takes an option out; "just trust" and "mainly trust" mean trust.
            var words = rawItem.split(separator: " ").map(String.init)
            var denies = false
            while let first = words.first, Self.fillers.contains(first) || Self.denials.contains(first) {
                if Self.denials.contains(first) { denies = true }
                words.removeFirst()
            }
            let item = words.joined(separator: " ")
            guard !item.isEmpty else { continue }
            if let index = Int(item), (1...question.options.count).contains(index) {
                if denies { denied.insert(question.options[index - 1].value) } else { chosen.insert(question.options[index - 1].value) }
                continue
            }
            switch match(item) {
            case .found(let option, let note):
                if denies { denied.insert(option.value) } else { chosen.insert(option.value) }
                if let note { notes.append(note) }
            case .ambiguous(let options):
                if denies { continue }
                return .ambiguous(options, alongside: question.options.map(\.value).filter(chosen.subtracting(denied).contains))
            case .none:
                unknown.append(rawItem)
            }
        }
        chosen.subtract(denied)
        if !denied.isEmpty {
            let labels = question.options.filter { denied.contains($0.value) }.map(\.label)
            notes.append("leaving out \(ListPhrase.join(labels))")
        }
        if !unknown.isEmpty {
            let fromSentence = Set(sentence.filter { $0.questionID == question.id }.map(\.option.value)).subtracting(denied)
            if !fromSentence.isEmpty, chosen.isEmpty {
                return .answer(.choices(question.options.map(\.value).filter(fromSentence.contains)),
                               note: notes.isEmpty ? nil : notes.joined(separator: "; "))
            }
            let list = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            return .invalid("I didn't recognise \(list). Give numbers or names from the list, separated by commas, or 'none'.")
        }
        if chosen.isEmpty, !denied.isEmpty {
            return .invalid("I understood what it is not (\(notes.joined(separator: "; "))). Which of them is it? "
                            + "Give numbers or names from the list, or 'none'.")
        }
        return .answer(.choices(question.options.map(\.value).filter(chosen.contains)),
                       note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    private static let fillers: Set<String> = ["just", "only", "mainly", "mostly", "really", "probably", "also", "plus", "maybe", "definitely", "mostly"]
    private static let denials = PhraseMatcher.denialWords

    private enum OptionMatch {
        case found(ChoiceOption, note: String?)
        case ambiguous([ChoiceOption])
        case none
    }

    /// Exact value, label or synonym; then a prefix; then the nearest near miss. Only a prefix of
    /// three letters or more of one option's value or label is taken as it is: a shorter prefix, a
    /// prefix of a synonym ("con" for Conwy) and a short near miss are offered as a choice.
    private func match(_ text: String) -> OptionMatch {
        let wanted = OptionMatcher.normalise(text)
        guard !wanted.isEmpty else { return .none }
        if let option = OptionMatcher.exactMatch(wanted, in: question) { return .found(option, note: nil) }
        let hyphenated = wanted.replacingOccurrences(of: " ", with: "-")
        if let option = question.options.first(where: { $0.value == hyphenated }) { return .found(option, note: nil) }

        let byName = question.options.filter { option in
            [option.value, option.label.lowercased()].contains { $0.hasPrefix(wanted) || $0.hasPrefix(hyphenated) }
                || option.label.lowercased().split(separator: " ").contains { $0.hasPrefix(wanted) && wanted.count >= 3 }
        }
        if byName.count == 1, wanted.count >= 3 { return .found(byName[0], note: nil) }
        if !byName.isEmpty { return .ambiguous(byName) }
        if wanted.count >= 3 {
            let bySynonym = question.options.filter { option in option.synonyms.contains { $0.hasPrefix(wanted) } }
            if !bySynonym.isEmpty { return .ambiguous(bySynonym) }
        }

        guard wanted.count >= 3 else { return .none }
        var best: [(option: ChoiceOption, distance: Int)] = []
        for option in question.options {
            let distance = ([option.value, option.label.lowercased()] + option.synonyms)
                .map { Suggestion.editDistance(wanted, $0) }.min() ?? Int.max
            best.append((option, distance))
        }
        let smallest = best.map(\.distance).min() ?? Int.max
        let allowed = max(1, min(3, wanted.count / 4))
        guard smallest <= allowed else { return .none }
        let closest = best.filter { $0.distance == smallest }.map(\.option)
        if closest.count > 1 || wanted.count < 4 { return .ambiguous(closest) }
        return .found(closest[0], note: "taking \"\(text)\" as \(closest[0].label)")
    }
}
