import Foundation

/// One interview question of a blueprint.
public struct Question: Sendable, Hashable, Identifiable {
    /// The kinds of answer a question takes.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// Free text.
        case text
        /// Exactly one of the options.
        case choice
        /// Any number of the options.
        case multi
        /// A number, optionally bounded.
        case number
        /// A readiness statement scored 0 (not yet) to 3 (fully).
        case scale
    }

    public var id: String
    public var kind: Kind
    /// The question as the chat asks it.
    public var ask: String
    /// One line on why the question matters; shown on `?`.
    public var help: String?
    /// A short name for the context box and listings, e.g. "Nation".
    public var label: String
    public var required: Bool
    /// Ask only when this holds.
    public var askIf: Condition?
    public var options: [ChoiceOption]
    public var minimum: Double?
    public var maximum: Double?
    public var defaultValue: AnswerValue?
    /// For readiness statements: the dimension the score counts towards.
    public var dimension: String?
    /// For a choice or multi-choice question: the text question whose answer it is inferred from,
    /// by matching the options' synonyms, when it is not answered itself (`topics` from `challenge`).
    public var inferredFrom: String?
    /// True for questions that say what the organisation is (nation, sector, kind of body): their
    /// phrases read the same words independently, so "NHS Highland" names a nation and a kind of body.
    public var identity: Bool
    public var location: SourceLocation

    public init(id: String, kind: Kind, ask: String, help: String? = nil, label: String? = nil,
                required: Bool = false, askIf: Condition? = nil, options: [ChoiceOption] = [],
                minimum: Double? = nil, maximum: Double? = nil, defaultValue: AnswerValue? = nil,
                dimension: String? = nil, inferredFrom: String? = nil, identity: Bool = false,
                location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.ask = ask
        self.help = help
        self.label = label ?? Question.defaultLabel(for: id)
        self.required = required
        self.askIf = askIf
        self.options = kind == .scale && options.isEmpty ? ChoiceOption.scale : options
        self.minimum = kind == .scale ? 0 : minimum
        self.maximum = kind == .scale ? 3 : maximum
        self.defaultValue = defaultValue
        self.dimension = dimension
        self.inferredFrom = inferredFrom
        self.identity = identity
        self.location = location
    }

    /// True for questions answered from a list of options.
    public var hasOptions: Bool { kind == .choice || kind == .multi || kind == .scale }

    /// The option with this exact value.
    public func option(_ value: String) -> ChoiceOption? {
        options.first { $0.value == value }
    }

    /// `leader_role` reads as "Leader role".
    static func defaultLabel(for id: String) -> String {
        let words = id.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// One option of a choice, multi-choice or scale question.
public struct ChoiceOption: Sendable, Hashable {
    /// The stable value that conditions and answers files use, e.g. `northern-ireland`.
    public var value: String
    /// What people read, e.g. "Northern Ireland".
    public var label: String
    /// Other words that mean this option in free text, e.g. "belfast".
    public var synonyms: [String]

    public init(value: String, label: String? = nil, synonyms: [String] = []) {
        self.value = value
        self.label = label ?? value
        self.synonyms = synonyms
    }

    /// The fixed options of a scale question.
    public static let scale: [ChoiceOption] = [
        ChoiceOption(value: "0", label: "Not yet", synonyms: ["no", "none", "not at all", "never"]),
        ChoiceOption(value: "1", label: "Starting", synonyms: ["a little", "rarely", "beginning", "some"]),
        ChoiceOption(value: "2", label: "Mostly", synonyms: ["often", "usually", "largely", "mainly"]),
        ChoiceOption(value: "3", label: "Fully", synonyms: ["always", "completely", "yes", "fully in place"]),
    ]
}
