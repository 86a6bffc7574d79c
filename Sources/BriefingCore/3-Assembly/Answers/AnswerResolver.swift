import Foundation

/// Checks raw answers against a blueprint's questions and turns them into typed answers, with a
/// clear message and a did-you-mean for every problem.
public enum AnswerResolver {
    /// The most characters a text answer may have.
    public static let maximumTextLength = 2_000

    /// Resolves every raw answer, collecting all problems before failing.
    public static func resolve(_ raw: [RawAnswer], for blueprint: Blueprint) throws(BriefingError) -> Answers {
        var answers = Answers()
        var diagnostics: [Diagnostic] = []
        for item in raw {
            if blueprint.question(item.id) == nil, AssessmentField.isAssessmentKey(item.id) || OverrideField.isOverrideKey(item.id) {
                do {
                    try resolveDotted(item, into: &answers, for: blueprint)
                } catch {
                    diagnostics.append(.error(at: item.location, error.message))
                }
                continue
            }
            guard let question = blueprint.question(item.id) else {
                // Past the printed limit, skip the did-you-mean search: the problem is only counted.
                diagnostics.append(.error(at: item.location, diagnostics.count < InputLimits.printedDiagnostics
                    ? unknownQuestionMessage(item.id, in: blueprint) : "unknown question '\(item.id)'"))
                continue
            }
            do {
                if let value = try resolve(item.value, for: question) {
                    answers[item.id] = value
                } else {
                    answers.remove(item.id)
                }
            } catch {
                diagnostics.append(.error(at: item.location, error.message))
            }
        }
        if !diagnostics.isEmpty { throw .badData(diagnostics) }
        return answers
    }

    /// `overrides.*` for any blueprint; `evidence.ID` and `verification.*` for an assessment blueprint.
    static func resolveDotted(_ item: RawAnswer, into answers: inout Answers, for blueprint: Blueprint) throws(AnswerProblem) {
        if OverrideField.isOverrideKey(item.id) {
            let field: OverrideField
            switch OverrideField.parse(item.id) {
            case .success(let parsed): field = parsed
            case .failure(let problem): throw problem
            }
            try field.apply(item.value, at: item.location, to: &answers.overrides, in: blueprint)
        } else {
            try resolveAssessment(item, into: &answers, for: blueprint)
        }
    }

    /// `evidence.ID` and `verification.*`: only blueprints with scored statements take them.
    static func resolveAssessment(_ item: RawAnswer, into answers: inout Answers,
                                          for blueprint: Blueprint) throws(AnswerProblem) {
        guard !blueprint.dimensions.isEmpty else {
            throw AnswerProblem("'\(item.id)': evidence and verification belong to an assessment blueprint with scored "
                                + "statements, such as readiness, not to \(blueprint.id)")
        }
        let field: AssessmentField
        switch AssessmentField.parse(item.id) {
        case .success(let parsed): field = parsed
        case .failure(let problem): throw problem
        }
        try field.apply(item.value, to: &answers.assessment, in: blueprint)
    }

    /// "unknown question 'natoin' in blueprint senior-leader; did you mean 'nation'?"
    public static func unknownQuestionMessage(_ id: String, in blueprint: Blueprint) -> String {
        let ids = blueprint.questions.map(\.id)
        if let match = Suggestion.closest(to: id, in: ids) {
            return "unknown question '\(id)' in blueprint \(blueprint.id); did you mean '\(match)'?"
        }
        return "unknown question '\(id)' in blueprint \(blueprint.id) (questions: \(ids.joined(separator: ", ")))"
    }

    /// Resolves one value for `question`; nil means unanswered.
    public static func resolve(_ value: RawAnswer.Value, for question: Question) throws(AnswerProblem) -> AnswerValue? {
        switch (question.kind, value) {
        case (_, .null):
            return nil
        case (.text, .text(let text)):
            return try cleanText(text, for: question)
        case (.text, .number(let number)):
            return .text(ConditionValue.format(number))
        case (.text, .list(let items)):
            return try cleanText(items.joined(separator: ", "), for: question)
        case (.choice, .text(let text)):
            return .choice(try option(text, for: question).value)
        case (.choice, .number(let number)):
            return .choice(try option(ConditionValue.format(number), for: question).value)
        case (.choice, .list(let items)):
            guard items.count == 1 else {
                throw AnswerProblem("'\(question.id)' takes one option, but \(items.count) were given")
            }
            return .choice(try option(items[0], for: question).value)
        case (.multi, .text(let text)):
            let items = text.split(separator: ";").map { String($0) }
            return .choices(try options(items, for: question))
        case (.multi, .list(let items)):
            return .choices(try options(items, for: question))
        case (.multi, .number(let number)):
            return .choices(try options([ConditionValue.format(number)], for: question))
        case (.number, .number(let number)):
            return .number(try inRange(number, for: question))
        case (.number, .text(let text)):
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw AnswerProblem("'\(question.id)' needs a number\(rangeText(question)), not \"\(text)\"")
            }
            return .number(try inRange(number, for: question))
        case (.scale, .number(let number)):
            guard number == number.rounded() else {
                throw AnswerProblem("'\(question.id)' is scored 0, 1, 2 or 3, not \(ConditionValue.format(number))")
            }
            return .number(try inRange(number, for: question))
        case (.scale, .text(let text)):
            let value = try option(text, for: question).value
            guard let score = Double(value) else {
                throw AnswerProblem("'\(question.id)' is scored 0, 1, 2 or 3, but its option \"\(value)\" is not a number")
            }
            return .number(score)
        case (.number, .list), (.scale, .list):
            throw AnswerProblem("'\(question.id)' needs a single number\(rangeText(question)), not a list")
        }
    }

    private static func cleanText(_ text: String, for question: Question) throws(AnswerProblem) -> AnswerValue? {
        let cleaned = withoutControlCharacters(text)
        if cleaned.isEmpty { return nil }
        guard cleaned.count <= maximumTextLength else {
            throw AnswerProblem("the answer to '\(question.id)' is \(cleaned.count) characters long; the limit is \(maximumTextLength)")
        }
        return .text(cleaned)
    }

    /// The text with control characters (other than newlines and tabs) removed, and the invisible
    /// ones that can reorder or hide text (bidi overrides and isolates, zero-width spaces and
    /// joiners, the word joiner, a stray byte order mark) removed too; then trimmed.
    public static func withoutControlCharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            if scalar == "\n" || scalar == "\t" { return true }
            if scalar.properties.generalCategory == .control { return false }
            return !invisibleFormatting.contains(scalar.value)
        })).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Bidi controls (U+061C, U+200E-F, U+202A-E, U+2066-9) and zero-width characters (U+200B-D,
    /// U+2060-4, U+FEFF).
    static let invisibleFormatting: Set<UInt32> = Set([0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
        + Array(0x202A...0x202E) + Array(0x2060...0x2064) + Array(0x2066...0x2069))

    private static func option(_ text: String, for question: Question) throws(AnswerProblem) -> ChoiceOption {
        if let option = OptionMatcher.exactMatch(text, in: question) { return option }
        let values = question.options.map(\.value)
        var message = "\"\(text)\" is not an option of '\(question.id)'"
        if let suggestion = OptionMatcher.suggestion(for: text, in: question) {
            message += "; did you mean \"\(suggestion.value)\"?"
        } else {
            message += " (options: \(values.joined(separator: ", ")))"
        }
        throw AnswerProblem(message)
    }

    private static func options(_ items: [String], for question: Question) throws(AnswerProblem) -> [String] {
        var chosen = Set<String>()
        for item in items where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            chosen.insert(try option(item, for: question).value)
        }
        return question.options.map(\.value).filter(chosen.contains)
    }

    private static func inRange(_ number: Double, for question: Question) throws(AnswerProblem) -> Double {
        if let minimum = question.minimum, number < minimum { throw outOfRange(number, question) }
        if let maximum = question.maximum, number > maximum { throw outOfRange(number, question) }
        return number
    }

    private static func outOfRange(_ number: Double, _ question: Question) -> AnswerProblem {
        AnswerProblem("'\(question.id)' must be\(rangeText(question)), not \(ConditionValue.format(number))")
    }

    private static func rangeText(_ question: Question) -> String {
        switch (question.minimum, question.maximum) {
        case (let minimum?, let maximum?):
            " from \(ConditionValue.format(minimum)) to \(ConditionValue.format(maximum))"
        case (let minimum?, nil):
            " of at least \(ConditionValue.format(minimum))"
        case (nil, let maximum?):
            " of at most \(ConditionValue.format(maximum))"
        case (nil, nil):
            ""
        }
    }

    /// The required questions that are still unanswered (skipping those whose `ask_if` is false).
    public static func missingRequired(_ answers: Answers, in blueprint: Blueprint) -> [Question] {
        let scope = EvaluationScope(blueprint: blueprint, answers: answers)
        return blueprint.questions.filter { question in
            question.required && !scope.answers.isAnswered(question.id)
                && (question.askIf?.holds(in: scope) ?? true)
        }
    }
}

/// Why one answer is not acceptable.
public struct AnswerProblem: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
