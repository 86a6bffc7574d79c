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
        /// `verification.status`: none, partial or complete.
        case verificationStatus
        /// `verification.count`: how many statements the verifier scored.
        case count
        /// `focus`: the dimensions to work on first, a list of dimension ids.
        case focus
        /// `weakest`: one dimension id.
        case dimension
        /// `verification.verifier`, `verification.date`, `rescore.date`: text.
        case computedText
    }

    public let blueprintID: String
    /// The blueprint's dimension ids: the values of `focus` and `weakest`.
    private let dimensions: [String]
    private let entries: [String: Entry]
    /// Every identifier, in a stable order.
    public let names: [String]

    public init(blueprint: Blueprint) {
        var entries: [String: Entry] = ["blueprint": .blueprintID]
        var names = blueprint.questions.map(\.id)
        for question in blueprint.questions { entries[question.id] = .question(question) }
        if !blueprint.dimensions.isEmpty {
            func add(_ name: String, _ entry: Entry) {
                entries[name] = entry
                names.append(name)
            }
            let dimensionIDs = blueprint.dimensions.map(\.id)
            for prefix in ["", "verified."] {
                for id in dimensionIDs + ["overall"] {
                    add("\(prefix)score.\(id)", .score)
                    add("\(prefix)level.\(id)", .level)
                }
                add("\(prefix)level.average", .level)
            }
            for id in dimensionIDs {
                add("target.score.\(id)", .score)
                add("target.level.\(id)", .level)
            }
            add("verification.status", .verificationStatus)
            add("verification.count", .count)
            add("verification.verifier", .computedText)
            add("verification.date", .computedText)
            add("focus", .focus)
            add("weakest", .dimension)
            add("rescore.date", .computedText)
            dimensions = dimensionIDs
        } else {
            dimensions = []
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
        case .verificationStatus:
            VerificationStatus.allCases.map(\.rawValue)
        case .focus, .dimension:
            dimensions
        default:
            nil
        }
    }

    /// True when the identifier holds a number.
    public func isNumeric(_ name: String) -> Bool {
        switch entries[name] {
        case .question(let question): question.kind == .number || question.kind == .scale
        case .score, .count: true
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
        case .verificationStatus: "the verification status (none, partial, complete)"
        case .count: "a count of statements"
        case .focus: "the list of dimensions to work on first"
        case .dimension: "a dimension id"
        case .computedText: "computed text"
        case nil: "unknown"
        }
    }
}

extension Vocabulary.Entry {
    /// True for identifiers whose value is a list: multi-choice questions and `focus`.
    var isList: Bool {
        switch self {
        case .question(let question): question.kind == .multi
        case .focus: true
        default: false
        }
    }
}
