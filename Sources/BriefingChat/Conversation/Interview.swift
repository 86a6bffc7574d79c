import BriefingCore

/// One interview in progress: a blueprint, its answers, and the questions skipped on purpose.
struct Interview {
    let blueprint: Blueprint
    let assembler: Assembler
    var answers = Answers()
    var skipped = Set<String>()

    init(blueprint: Blueprint, library: ContentLibrary) {
        self.blueprint = blueprint
        self.assembler = Assembler(library: library, blueprint: blueprint)
    }

    /// The next question to ask: unanswered, not skipped, and its `ask_if` holds.
    var nextQuestion: Question? {
        let scope = EvaluationScope(blueprint: blueprint, answers: answers)
        return blueprint.questions.first { question in
            answers[question.id] == nil && !skipped.contains(question.id)
                && (question.askIf?.holds(in: scope) ?? true)
        }
    }

    /// Required questions still unanswered.
    var missingRequired: [Question] {
        AnswerResolver.missingRequired(answers, in: blueprint)
    }

    /// Position of `question` among the questions that apply, for "(3 of 11)".
    func position(of question: Question) -> (index: Int, count: Int) {
        let scope = EvaluationScope(blueprint: blueprint, answers: answers)
        let asked = blueprint.questions.filter { $0.askIf?.holds(in: scope) ?? true }
        return ((asked.firstIndex { $0.id == question.id } ?? 0) + 1, asked.count)
    }

    func assemble(date: CalendarDate) -> Briefing {
        assembler.assemble(answers, date: date)
    }
}
