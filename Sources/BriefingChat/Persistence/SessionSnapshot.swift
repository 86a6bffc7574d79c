import BriefingCore

/// Everything a chat session needs to continue later: the blueprint, the answers, the questions
/// skipped, the saved scenarios, and the readiness assessment so far with its evidence and
/// verification.
struct SessionSnapshot: Codable, Equatable {
    /// Bump when the format changes; older files get a clear message instead of a misreading.
    static let currentVersion = 1

    var version = SessionSnapshot.currentVersion
    var blueprint: String
    var answers: [String: RawAnswer.Value]
    var skipped: [String]
    var scenarios: [String: [String: RawAnswer.Value]]
    /// The readiness answers; evidence and verification as dotted keys (`verification.scores.ID`).
    var readiness: [String: RawAnswer.Value]
    /// `assessing` or `verifying` when the session stopped part-way through a readiness pass.
    var readinessPass: String?

    enum CodingKeys: String, CodingKey {
        case version, blueprint, answers, skipped, scenarios, readiness
        case readinessPass = "readiness_pass"
    }

    static func store(_ answers: Answers) -> [String: RawAnswer.Value] {
        var stored = answers.values.mapValues(\.rawValue)
        for (id, value) in answers.assessment.flattened + answers.overrides.flattened { stored[id] = value }
        return stored
    }

    /// Typed answers for `blueprint`; answers that no longer fit it are reported, not kept.
    static func restore(_ stored: [String: RawAnswer.Value], for blueprint: Blueprint) -> (Answers, [String]) {
        var answers = Answers()
        var problems: [String] = []
        for (id, value) in stored.sorted(by: { $0.key < $1.key }) {
            do {
                let resolved = try AnswerResolver.resolve([RawAnswer(id: id, value: value, location: SourceLocation(file: "session", line: 0, column: 0))],
                                                          for: blueprint)
                answers = answers.merging(resolved)
            } catch {
                if case .badData(let diagnostics) = error {
                    problems += diagnostics.map(\.message)
                } else {
                    problems.append(error.message)
                }
            }
        }
        return (answers, problems)
    }
}
