/// The answers one row gives, ready to be checked against a blueprint.
public struct RowAnswers: Sendable {
    /// The row's own `blueprint` column or key, when it has one.
    public var blueprintID: String?
    public var answers: [RawAnswer]
    /// Each answer as written, by question id: what `{id}` in a file name template stands for.
    public var writtenText: [String: String]

    public init(blueprintID: String? = nil, answers: [RawAnswer] = [], writtenText: [String: String] = [:]) {
        self.blueprintID = blueprintID
        self.answers = answers
        self.writtenText = writtenText
    }

    /// The answers of a YAML or JSON answers document.
    public init(document: AnswersFile) {
        self.init(blueprintID: document.blueprintID, answers: document.answers)
        for answer in document.answers {
            switch answer.value {
            case .text(let text): writtenText[answer.id] = text
            case .number(let number): writtenText[answer.id] = ConditionValue.format(number)
            case .list(let items): writtenText[answer.id] = items.joined(separator: ";")
            case .null: break
            }
        }
    }
}
