/// Every combination of a blueprint's answers that the coverage check tries, addressable by index:
/// each choice question's options (and, for an optional one, unanswered), budgets, multi-choice
/// questions with none or all options, optional text unanswered or answered, and a sample of
/// readiness score patterns. The budget varies fastest, so a run of `budgets.count` consecutive
/// indices shares every other answer.
struct AnswerSpace: Sendable {
    private let blueprint: Blueprint
    private let choices: [Question]
    private let budgetQuestion: Question?
    let budgets: [Double]
    private let scorePatterns: [[String: Double]]
    /// Variant 0: optional text unanswered and multi-choice none; variant 1: everything answered.
    private let variants = 2
    let count: Int

    init(blueprint: Blueprint, budgets: [Double]) {
        self.blueprint = blueprint
        choices = blueprint.questions.filter { $0.kind == .choice && !$0.options.isEmpty }
        if case .question(let id) = blueprint.budget, let question = blueprint.question(id) {
            budgetQuestion = question
            self.budgets = budgets.filter { ($0 >= (question.minimum ?? 0)) && ($0 <= (question.maximum ?? .infinity)) }
        } else {
            budgetQuestion = nil
            self.budgets = [0]
        }
        scorePatterns = AnswerSpace.scorePatterns(for: blueprint)
        let choiceCount = choices.reduce(1) { $0 * AnswerSpace.slots(of: $1) }
        count = choiceCount * self.budgets.count * variants * max(1, scorePatterns.count)
    }

    /// The mixed-radix digits of an index, in the order `answers(at:)` reads them: the budget, the
    /// variant, the score pattern (when there are patterns), then each choice question.
    var radices: [Int] {
        [budgets.count, variants] + (scorePatterns.isEmpty ? [] : [scorePatterns.count]) + choices.map(AnswerSpace.slots)
    }

    /// The index with these digits.
    func encode(_ digits: [Int]) -> Int {
        var index = 0
        for (digit, radix) in zip(digits, radices).reversed() { index = index * radix + digit }
        return index
    }

    /// The digit positions whose values decide the value of `identifier`, or nil when that cannot be
    /// told (a question asked only under a condition depends on what that condition reads).
    func digits(reading identifier: String) -> [Int]? {
        guard !blueprint.questions.contains(where: { $0.askIf != nil }) else { return nil }
        let choiceStart = scorePatterns.isEmpty ? 2 : 3
        if identifier == "blueprint" { return [] }
        if identifier == budgetQuestion?.id { return [0] }
        if let position = choices.firstIndex(where: { $0.id == identifier }) { return [choiceStart + position] }
        if let question = blueprint.question(identifier) {
            if question.kind == .scale { return scorePatterns.isEmpty ? [] : [2] }
            // Multi-choice and text answers, and answers inferred from text, follow the variant.
            return [1]
        }
        // Computed readiness values follow the score pattern.
        return scorePatterns.isEmpty ? nil : [2]
    }

    /// The values tried for a choice question: its options, and unanswered when it is optional.
    private static func slots(of question: Question) -> Int {
        question.options.count + (question.required ? 0 : 1)
    }

    var description: String {
        var parts = choices.map { $0.required ? $0.id : "\($0.id) (or unanswered)" }
        if let budgetQuestion { parts.append("\(budgetQuestion.id) (\(budgets.map(MinutesFormat.short).joined(separator: ", ")))") }
        if !scorePatterns.isEmpty { parts.append("\(scorePatterns.count) score patterns") }
        let multis = blueprint.questions.filter { $0.kind == .multi }.map(\.id)
        parts.append(multis.isEmpty ? "optional answers (unanswered, answered)"
                                    : "\(multis.joined(separator: ", ")) and optional answers (none, all)")
        return parts.joined(separator: " × ")
    }

    /// The answers of combination `index`.
    func answers(at index: Int) -> Answers {
        var rest = index
        var answers = Answers()
        let budget = budgets[rest % budgets.count]
        rest /= budgets.count
        if let budgetQuestion { answers[budgetQuestion.id] = .number(budget) }
        let variant = rest % variants
        rest /= variants
        if !scorePatterns.isEmpty {
            let pattern = scorePatterns[rest % scorePatterns.count]
            rest /= scorePatterns.count
            for (id, score) in pattern { answers[id] = .number(score) }
        }
        for question in choices {
            let slot = rest % AnswerSpace.slots(of: question)
            rest /= AnswerSpace.slots(of: question)
            if slot < question.options.count { answers[question.id] = .choice(question.options[slot].value) }
        }
        for question in blueprint.questions {
            switch question.kind {
            case .multi:
                answers[question.id] = .choices(variant == 1 ? question.options.map(\.value) : [])
            case .text where question.required || variant == 1:
                answers[question.id] = .text("Example \(question.label.lowercased())")
            default:
                break
            }
        }
        let scope = EvaluationScope(blueprint: blueprint, answers: answers)
        for question in blueprint.questions where question.askIf.map({ !$0.holds(in: scope) }) ?? false {
            answers.remove(question.id)
        }
        return answers
    }

    /// "nation=wales sector=housing … minutes=5 drivers=all"
    func describe(_ answers: Answers) -> String {
        var parts = choices.map { question in "\(question.id)=" + (answers[question.id]?.raw ?? "unanswered") }
        if let budgetQuestion, let value = answers[budgetQuestion.id] { parts.append("\(budgetQuestion.id)=\(value.raw)") }
        for question in blueprint.questions where question.kind == .multi {
            parts.append("\(question.id)=" + (answers[question.id]?.isEmpty ?? true ? "none" : "all"))
        }
        if !scorePatterns.isEmpty {
            let scores = ComputedValues(blueprint: blueprint, answers: answers).scores
            parts += blueprint.dimensions.map { "score.\($0.id)=\(scores[$0.id].map(String.init) ?? "-")" }
        }
        return parts.joined(separator: " ")
    }

    /// Uniform scores, each dimension alone low or high against the rest, and seeded random patterns.
    static func scorePatterns(for blueprint: Blueprint) -> [[String: Double]] {
        let statements = blueprint.questions.filter { $0.kind == .scale }
        guard !statements.isEmpty else { return [] }
        func pattern(_ score: (Question) -> Double) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: statements.map { ($0.id, score($0)) })
        }
        var patterns = (0...3).map { level in pattern { _ in Double(level) } }
        for dimension in blueprint.dimensions {
            for (inside, outside) in [(0.0, 3.0), (3.0, 0.0), (1.0, 2.0), (2.0, 1.0)] {
                patterns.append(pattern { $0.dimension == dimension.id ? inside : outside })
            }
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<40 {
            patterns.append(pattern { _ in
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double((seed >> 33) % 4)
            })
        }
        return patterns
    }
}
