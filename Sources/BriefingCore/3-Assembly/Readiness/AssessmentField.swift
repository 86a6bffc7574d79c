import Foundation

/// One dotted key of an assessment record, as answers files, CSV columns and `--set` name it:
/// `evidence.ID`, `verification.verifier`, `verification.date`, `verification.scores.ID` or
/// `verification.notes.ID`.
enum AssessmentField: Equatable {
    case evidence(statement: String)
    case verifier
    case date
    case score(statement: String)
    case note(statement: String)

    /// The two top-level keys that hold an assessment record.
    static let roots = ["evidence", "verification"]
    static let verificationFields = ["verifier", "date", "scores", "notes"]

    /// True for ids under `evidence.` or `verification.`, and for the bare roots.
    static func isAssessmentKey(_ id: String) -> Bool {
        roots.contains(id) || roots.contains { id.hasPrefix($0 + ".") }
    }

    /// Parses a dotted id; the message says what is wrong with a malformed one.
    static func parse(_ id: String) -> Result<AssessmentField, AnswerProblem> {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "evidence":
            guard parts.count == 2, !parts[1].isEmpty else {
                return .failure(AnswerProblem("'\(id)' must name one statement, e.g. 'evidence.leadership_board'"))
            }
            return .success(.evidence(statement: parts[1]))
        case "verification":
            guard parts.count >= 2 else {
                return .failure(AnswerProblem("'verification' must be a mapping of verifier, date, scores and notes"))
            }
            switch parts[1] {
            case "verifier" where parts.count == 2: return .success(.verifier)
            case "date" where parts.count == 2: return .success(.date)
            case "scores" where parts.count == 3 && !parts[2].isEmpty: return .success(.score(statement: parts[2]))
            case "notes" where parts.count == 3 && !parts[2].isEmpty: return .success(.note(statement: parts[2]))
            case "scores", "notes":
                return .failure(AnswerProblem("'\(id)' must name one statement, e.g. 'verification.\(parts[1]).leadership_board'"))
            case "verifier", "date":
                return .failure(AnswerProblem("'verification.\(parts[1])' takes one value, not '\(id)'"))
            default:
                return .failure(AnswerProblem("unknown verification field '\(parts[1])' in '\(id)'"
                                              + Suggestion.didYouMean(parts[1], in: verificationFields).replacingOccurrences(of: "\"", with: "'")
                                              + " (fields: verifier, date, scores, notes)"))
            }
        default:
            return .failure(AnswerProblem("'\(id)' is not an evidence or verification key"))
        }
    }

    /// What is wrong with `id` as a column or key of `blueprint`, or nil when it is a good one.
    static func problem(with id: String, in blueprint: Blueprint) -> String? {
        guard !blueprint.dimensions.isEmpty else {
            return "'\(id)': evidence and verification belong to an assessment blueprint with scored statements, such as readiness, not to \(blueprint.id)"
        }
        switch parse(id) {
        case .failure(let problem):
            return problem.message
        case .success(let field):
            guard let statement = field.statement else { return nil }
            let statements = blueprint.questions.filter { $0.kind == .scale }.map(\.id)
            guard !statements.contains(statement) else { return nil }
            return "unknown statement '\(statement)' in blueprint \(blueprint.id)"
                + (Suggestion.closest(to: statement, in: statements).map { "; did you mean '\($0)'?" } ?? "")
        }
    }

    /// The statement this field is about, if any.
    var statement: String? {
        switch self {
        case .evidence(let id), .score(let id), .note(let id): id
        case .verifier, .date: nil
        }
    }

    /// Checks `value` and writes it into `record`; a null value removes the field.
    func apply(_ value: RawAnswer.Value, to record: inout AssessmentRecord, in blueprint: Blueprint) throws(AnswerProblem) {
        var statementQuestion: Question?
        if let statement {
            let statements = blueprint.questions.filter { $0.kind == .scale }
            guard let question = statements.first(where: { $0.id == statement }) else {
                var message = "unknown statement '\(statement)' in blueprint \(blueprint.id)"
                if let match = Suggestion.closest(to: statement, in: statements.map(\.id)) {
                    message += "; did you mean '\(match)'?"
                }
                throw AnswerProblem(message)
            }
            statementQuestion = question
        }
        switch self {
        case .evidence(let statement):
            record.evidence[statement] = try Self.text(value, what: "the evidence for '\(statement)'")
        case .note(let statement):
            record.verification.notes[statement] = try Self.text(value, what: "the verifier's note on '\(statement)'")
        case .verifier:
            record.verification.verifier = try Self.text(value, what: "the verifier")
        case .date:
            record.verification.date = try Self.date(value)
        case .score(let statement):
            guard let question = statementQuestion else { return }
            if case .null = value {
                record.verification.scores[statement] = nil
                return
            }
            do {
                if case .number(let score)? = try AnswerResolver.resolve(value, for: question) {
                    record.verification.scores[statement] = Int(score)
                }
            } catch {
                throw AnswerProblem("the verified score for '\(statement)' must be 0, 1, 2 or 3 (not yet, starting, mostly, fully), not \(Self.shown(value))")
            }
        }
    }

    private static func text(_ value: RawAnswer.Value, what: String) throws(AnswerProblem) -> String? {
        let raw: String
        switch value {
        case .null: return nil
        case .text(let text): raw = text
        case .number(let number): raw = ConditionValue.format(number)
        case .list: throw AnswerProblem("\(what) must be one piece of text, not a list")
        }
        let cleaned = AnswerResolver.withoutControlCharacters(raw)
        if cleaned.isEmpty { return nil }
        guard cleaned.count <= AnswerResolver.maximumTextLength else {
            throw AnswerProblem("\(what) is \(cleaned.count) characters long; the limit is \(AnswerResolver.maximumTextLength)")
        }
        return cleaned
    }

    private static func date(_ value: RawAnswer.Value) throws(AnswerProblem) -> CalendarDate? {
        switch value {
        case .null:
            return nil
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let date = CalendarDate(trimmed) else {
                throw AnswerProblem("verification.date must be a real date written YYYY-MM-DD, e.g. 2026-11-20, not \"\(text)\"")
            }
            return date
        case .number, .list:
            throw AnswerProblem("verification.date must be a real date written YYYY-MM-DD, e.g. 2026-11-20, not \(shown(value))")
        }
    }

    private static func shown(_ value: RawAnswer.Value) -> String {
        switch value {
        case .null: "nothing"
        case .text(let text): "\"\(text)\""
        case .number(let number): ConditionValue.format(number)
        case .list(let items): "a list (\(items.joined(separator: ", ")))"
        }
    }
}
