import Foundation

/// Checks the answers of batch rows exactly as `AnswerResolver.resolve` does, with its messages,
/// but remembers what each value of a closed question (choice, multi-choice, number, scale) comes
/// to: rows repeat the same few values, and matching them against options is the costly part.
/// Free-text answers, different in every row, are checked each time and never kept, and at most
/// `capacity` values are kept, so that memory stays bounded. Safe to share between threads.
final class BatchAnswerResolver: @unchecked Sendable {
    static let capacity = 100_000

    /// A value given to a question of a blueprint.
    private struct Key: Hashable {
        var blueprint: String
        var question: String
        var value: RawAnswer.Value
    }

    private let lock = NSLock()
    private var known: [Key: Result<AnswerValue?, AnswerProblem>] = [:]

    /// The typed answers; bad data (65-style messages, with did-you-means) for every problem.
    func resolve(_ raw: [RawAnswer], for blueprint: Blueprint) throws(BriefingError) -> Answers {
        var answers = Answers()
        var diagnostics: [Diagnostic] = []
        for item in raw {
            if blueprint.question(item.id) == nil, AssessmentField.isAssessmentKey(item.id) || OverrideField.isOverrideKey(item.id) {
                do throws(AnswerProblem) {
                    try AnswerResolver.resolveDotted(item, into: &answers, for: blueprint)
                } catch {
                    diagnostics.append(.error(at: item.location, error.message))
                }
                continue
            }
            guard let question = blueprint.question(item.id) else {
                diagnostics.append(.error(at: item.location, AnswerResolver.unknownQuestionMessage(item.id, in: blueprint)))
                continue
            }
            switch value(item.value, for: question, in: blueprint.id) {
            case .success(let value?): answers[item.id] = value
            case .success(nil): answers.remove(item.id)
            case .failure(let problem): diagnostics.append(.error(at: item.location, problem.message))
            }
        }
        if !diagnostics.isEmpty { throw .badData(diagnostics) }
        return answers
    }

    private func value(_ raw: RawAnswer.Value, for question: Question, in blueprint: String) -> Result<AnswerValue?, AnswerProblem> {
        guard question.kind != .text else { return Self.check(raw, for: question) }
        let key = Key(blueprint: blueprint, question: question.id, value: raw)
        lock.lock()
        let remembered = known[key]
        lock.unlock()
        if let remembered { return remembered }
        let result = Self.check(raw, for: question)
        lock.lock()
        if known.count < Self.capacity { known[key] = result }
        lock.unlock()
        return result
    }

    private static func check(_ raw: RawAnswer.Value, for question: Question) -> Result<AnswerValue?, AnswerProblem> {
        do throws(AnswerProblem) {
            return .success(try AnswerResolver.resolve(raw, for: question))
        } catch {
            return .failure(error)
        }
    }
}
