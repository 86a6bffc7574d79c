/// What conditions and variables see while a briefing is assembled: the answers (with defaults),
/// the computed values and the blueprint id.
public struct EvaluationScope: ConditionScope, Sendable {
    public let blueprint: Blueprint
    public let answers: Answers
    public let computed: ComputedValues
    /// Answers read from other answers' text (`topics` from the `challenge`); already in `answers`.
    public let inferences: [AnswerInference]

    public init(blueprint: Blueprint, answers: Answers) {
        self.blueprint = blueprint
        var filled = answers.withDefaults(from: blueprint)
        var inferences: [AnswerInference] = []
        for (question, matcher) in blueprint.inferred {
            guard let inference = AnswerInference.infer(question, from: filled, matcher: matcher) else { continue }
            filled[question.id] = inference.answer(for: question)
            inferences.append(inference)
        }
        self.answers = filled
        self.inferences = inferences
        self.computed = blueprint.dimensions.isEmpty ? ComputedValues() : ComputedValues(blueprint: blueprint, answers: filled)
    }

    public func value(of identifier: String) -> ConditionValue {
        if let answer = answers[identifier] { return answer.isEmpty ? .null : answer.conditionValue }
        if identifier == "blueprint" { return .string(blueprint.id) }
        return computed.value(of: identifier) ?? .null
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
        if identifier.hasPrefix("level."), let level = computed.levels[String(identifier.dropFirst(6))] {
            return level.label
        }
        if identifier.hasPrefix("score."), let score = computed.scores[String(identifier.dropFirst(6))] {
            return String(score)
        }
        return nil
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
