/// The identifiers a blueprint's conditions and templates may use, with their types.
public struct Vocabulary: Sendable {
    /// What an identifier names.
    public enum Entry: Sendable {
        case question(Question)
        /// `score.<dimension>` or `score.overall`: 0-100.
        case score
        /// `level.<dimension>` or `level.overall`: one of the readiness levels.
        case level
        /// `blueprint`: the current blueprint id.
        case blueprintID
    }

    public let blueprintID: String
    private let entries: [String: Entry]
    /// Every identifier, in a stable order.
    public let names: [String]

    public init(blueprint: Blueprint) {
        var entries: [String: Entry] = ["blueprint": .blueprintID]
        var names = blueprint.questions.map(\.id)
        for question in blueprint.questions { entries[question.id] = .question(question) }
        if !blueprint.dimensions.isEmpty {
            for id in blueprint.dimensions.map(\.id) + ["overall"] {
                entries["score.\(id)"] = .score
                entries["level.\(id)"] = .level
                names += ["score.\(id)", "level.\(id)"]
            }
        }
        names.append("blueprint")
        self.blueprintID = blueprint.id
        self.entries = entries
        self.names = names
    }

    public func entry(_ name: String) -> Entry? {
        entries[name]
    }

    /// The option values an identifier can take, when it is a choice of some kind.
    public func optionValues(of name: String) -> [String]? {
        switch entries[name] {
        case .question(let question) where question.kind == .choice || question.kind == .multi:
            question.options.map(\.value)
        case .level:
            ReadinessLevel.allCases.map(\.rawValue)
        default:
            nil
        }
    }

    /// True when the identifier holds a number.
    public func isNumeric(_ name: String) -> Bool {
        switch entries[name] {
        case .question(let question): question.kind == .number || question.kind == .scale
        case .score: true
        default: false
        }
    }

    /// A word for the identifier's type, for messages.
    public func kindName(of name: String) -> String {
        switch entries[name] {
        case .question(let question):
            switch question.kind {
            case .text: "a text question"
            case .choice: "a choice question"
            case .multi: "a multi-choice question"
            case .number: "a number question"
            case .scale: "a scale question (0-3)"
            }
        case .score: "a score (0-100)"
        case .level: "a readiness level"
        case .blueprintID: "the blueprint id"
        case nil: "unknown"
        }
    }
}
