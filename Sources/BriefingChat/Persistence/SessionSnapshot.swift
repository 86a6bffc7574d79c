import BriefingCore

/// Everything a chat session needs to continue later: the blueprint, the answers, the questions
/// skipped, the saved scenarios and the readiness self-assessment so far.
struct SessionSnapshot: Codable, Equatable {
    /// Bump when the format changes; older files get a clear message instead of a misreading.
    static let currentVersion = 1

    var version = SessionSnapshot.currentVersion
    var blueprint: String
    var answers: [String: StoredAnswer]
    var skipped: [String]
    var scenarios: [String: [String: StoredAnswer]]
    var readiness: [String: StoredAnswer]

    static func store(_ answers: Answers) -> [String: StoredAnswer] {
        answers.values.mapValues(StoredAnswer.init)
    }

    /// Typed answers for `blueprint`; answers that no longer fit it are reported, not kept.
    static func restore(_ stored: [String: StoredAnswer], for blueprint: Blueprint) -> (Answers, [String]) {
        var answers = Answers()
        var problems: [String] = []
        for (id, value) in stored.sorted(by: { $0.key < $1.key }) {
            guard let question = blueprint.question(id) else {
                problems.append("'\(id)' is no longer a question")
                continue
            }
            do {
                answers[id] = try AnswerResolver.resolve(value.raw, for: question)
            } catch {
                problems.append(error.message)
            }
        }
        return (answers, problems)
    }
}

/// An answer as stored in a session file: text, a number, or a list of option values.
enum StoredAnswer: Codable, Equatable {
    case text(String)
    case number(Double)
    case list([String])

    init(_ value: AnswerValue) {
        switch value {
        case .text(let text): self = .text(text)
        case .choice(let choice): self = .text(choice)
        case .choices(let choices): self = .list(choices)
        case .number(let number): self = .number(number)
        }
    }

    var raw: RawAnswer.Value {
        switch self {
        case .text(let text): .text(text)
        case .number(let number): .number(number)
        case .list(let items): .list(items)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let items = try? container.decode([String].self) {
            self = .list(items)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .list(let items): try container.encode(items)
        }
    }
}
