import BriefingCore

/// Everything a chat session needs to continue later: the blueprint, the answers, the questions
/// skipped, the saved scenarios and the readiness self-assessment so far.
struct SessionSnapshot: Codable, Equatable {
    /// Bump when the format changes; older files get a clear message instead of a misreading.
    static let currentVersion = 1

    var version = SessionSnapshot.currentVersion
    var blueprint: String
    var answers: [String: RawAnswer.Value]
    var skipped: [String]
    var scenarios: [String: [String: RawAnswer.Value]]
    var readiness: [String: RawAnswer.Value]

    static func store(_ answers: Answers) -> [String: RawAnswer.Value] {
        answers.values.mapValues(\.rawValue)
    }

    /// Typed answers for `blueprint`; answers that no longer fit it are reported, not kept.
    static func restore(_ stored: [String: RawAnswer.Value], for blueprint: Blueprint) -> (Answers, [String]) {
        var answers = Answers()
        var problems: [String] = []
        for (id, value) in stored.sorted(by: { $0.key < $1.key }) {
            guard let question = blueprint.question(id) else {
                problems.append("'\(id)' is no longer a question")
                continue
            }
            do {
                answers[id] = try AnswerResolver.resolve(value, for: question)
            } catch {
                problems.append(error.message)
            }
        }
        return (answers, problems)
    }
}
