/// What conditions and variables see while a briefing is assembled: the answers (with defaults),
/// the computed values and the blueprint id.
public struct EvaluationScope: ConditionScope, Sendable {
    public let blueprint: Blueprint
    public let answers: Answers
    public let computed: ComputedValues
    /// Answers read from other answers' text (`topics` from the `challenge`); already in `answers`.
    public let inferences: [AnswerInference]

    /// The date the briefing is prepared, from which the re-score date is counted.
    public let date: CalendarDate?

    public init(blueprint: Blueprint, answers: Answers, date: CalendarDate? = nil) {
        self.date = date
        self.blueprint = blueprint
        var filled = answers.withDefaults(from: blueprint)
        var inferences: [AnswerInference] = []
        for question in blueprint.inferredQuestions {
            guard let inference = AnswerInference.infer(question, from: filled, matcher: blueprint.matcher(inferring: question))
            else { continue }
            filled[question.id] = inference.answer(for: question)
            inferences.append(inference)
        }
        self.answers = filled
        self.inferences = inferences
        self.computed = blueprint.dimensions.isEmpty ? ComputedValues() : ComputedValues(blueprint: blueprint, answers: filled, date: date)
    }

    public func value(of identifier: String) -> ConditionValue {
        if let answer = answers[identifier] { return answer.isEmpty ? .null : answer.conditionValue }
        if identifier == "blueprint" { return .string(blueprint.id) }
        guard !blueprint.dimensions.isEmpty else { return .null }
        switch ComputedName(identifier) {
        case .verifier?:
            return answers.assessment.verification.verifier.map { .string($0) } ?? .null
        case .verificationDate?:
            return answers.assessment.verification.date.map { .string($0.description) } ?? .null
        default:
            return computed.value(of: identifier) ?? .null
        }
    }

    /// The inference that filled `identifier`, if it was not answered but read from another answer.
    public func inference(of identifier: String) -> AnswerInference? {
        inferences.first { $0.question == identifier }
    }

    /// The text a `{{name}}` variable inserts, before escaping; nil when unanswered.
    public func displayText(of identifier: String) -> String? {
        if let answer = answers[identifier], !answer.isEmpty {
            return answer.display(for: blueprint.question(identifier))
        }
        if identifier == "blueprint" { return blueprint.id }
        guard !blueprint.dimensions.isEmpty, let name = ComputedName(identifier) else { return nil }
        switch name {
        case .score, .targetScore, .verifiedCount:
            if case .number(let number)? = computed.value(of: identifier) { return ConditionValue.format(number) }
            return nil
        case .level, .targetLevel, .status:
            if case .string(let value)? = computed.value(of: identifier) {
                return ReadinessLevel(rawValue: value)?.label ?? value
            }
            return nil
        case .verifier:
            return answers.assessment.verification.verifier
        case .verificationDate:
            return answers.assessment.verification.date?.longForm
        case .focus:
            let titles = computed.focus.compactMap { id in blueprint.dimensions.first { $0.id == id }?.title }
            return titles.isEmpty ? nil : titles.joined(separator: ", then ")
        case .weakest:
            return computed.weakest.flatMap { id in blueprint.dimensions.first { $0.id == id }?.title }
        case .rescoreDate:
            return computed.rescoreDate?.longForm
        }
    }

    /// The reading-time budget in minutes.
    public var budgetMinutes: Double {
        switch blueprint.budget {
        case .minutes(let minutes):
            return minutes
        case .question(let id):
            if case .number(let minutes) = answers[id] { return minutes }
            return 10
        }
    }
}
