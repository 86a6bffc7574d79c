import Foundation

/// A kind of briefing: its interview, its sections and its reading-time budget.
public struct Blueprint: Sendable, Identifiable {
    public var id: String
    /// The briefing title, with variables such as `{{organisation}}`.
    public var title: Template
    public var description: String?
    public var budget: Budget
    public let questions: [Question]
    public let sections: [Section]
    /// Readiness dimensions that `scale` questions score.
    public var dimensions: [Dimension]
    /// The question ids shown in the briefing's context box, in order.
    public var contextQuestionIDs: [String]
    public var location: SourceLocation
    /// Question and section positions by id, for lookups on the assembly path.
    private let questionPositions: [String: Int]
    private let sectionPositions: [String: Int]
    /// The questions inferred from another answer's text (`topics` from the `challenge`).
    let inferredQuestions: [Question]
    /// The matchers of their options, each made the first time it is needed: most briefings leave the
    /// source text unanswered, and a matcher costs more to make than the rest of the blueprint.
    private let matchers = InferenceMatchers()

    public init(id: String, title: Template, description: String? = nil, budget: Budget, questions: [Question],
                sections: [Section], dimensions: [Dimension] = [], contextQuestionIDs: [String]? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.budget = budget
        self.questions = questions
        self.sections = sections
        questionPositions = Dictionary(questions.enumerated().map { ($1.id, $0) }) { first, _ in first }
        sectionPositions = Dictionary(sections.enumerated().map { ($1.id, $0) }) { first, _ in first }
        inferredQuestions = questions.filter { $0.inferredFrom != nil }
        self.dimensions = dimensions
        self.contextQuestionIDs = contextQuestionIDs ?? questions.filter { $0.kind != .scale }.map(\.id)
        self.location = location
    }

    /// The question with this id.
    public func question(_ id: String) -> Question? {
        questionPositions[id].map { questions[$0] }
    }

    /// The matcher of an inferred question's own options.
    func matcher(inferring question: Question) -> PhraseMatcher {
        matchers.matcher(for: question)
    }

    /// The section with this id.
    public func section(_ id: String) -> Section? {
        sectionPositions[id].map { sections[$0] }
    }

    /// The questions whose options a sentence typed in the chat may answer: all but those inferred
    /// from another answer (`topics`, read from the challenge), unless that one is being asked.
    public func sentenceQuestions(asking current: Question?) -> [Question] {
        questions.filter { $0.inferredFrom == nil || $0.id == current?.id }
    }

    /// The position of a section in the blueprint's order.
    public func sectionPosition(_ id: String) -> Int? {
        sectionPositions[id]
    }

    /// Where the reading-time budget comes from.
    public enum Budget: Sendable, Hashable {
        /// The answer to a number question, in minutes.
        case question(String)
        /// A fixed number of minutes.
        case minutes(Double)
    }
}

/// The phrase matchers of a blueprint's inferred questions, made on first use and shared by every
/// copy of the blueprint (they depend only on its questions, which never change). Being derived, they
/// are not part of what a blueprint shows of itself in `dump` or a debugger.
private final class InferenceMatchers: @unchecked Sendable, CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: []) }

    private let lock = NSLock()
    private var made: [String: PhraseMatcher] = [:]

    func matcher(for question: Question) -> PhraseMatcher {
        lock.lock()
        defer { lock.unlock() }
        if let matcher = made[question.id] { return matcher }
        let matcher = PhraseMatcher(questions: [question])
        made[question.id] = matcher
        return matcher
    }
}

/// A section of a briefing, in blueprint order.
public struct Section: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// A required section must never come out empty; `lint` checks this over every combination of answers.
    public var required: Bool
    /// Whether each snippet's title is shown as a sub-heading.
    public var showTitles: Bool
    /// A block the engine writes at the start of the section, from the answers.
    public var generated: GeneratedBlock?

    public init(id: String, title: String, required: Bool = false, showTitles: Bool = true, generated: GeneratedBlock? = nil) {
        self.id = id
        self.title = title
        self.required = required
        self.showTitles = showTitles
        self.generated = generated
    }
}

/// The blocks the engine writes itself for an assessment blueprint, because they are tables and
/// charts of the computed numbers rather than prose.
public enum GeneratedBlock: String, Sendable, Hashable, CaseIterable, Codable {
    /// The verification status, the table of self and verified scores, the bars, and the overall
    /// level with the reason when it is capped.
    case readinessScores = "readiness-scores"
    /// Who verified, when and how much; the statements where self and verified scores differ.
    case readinessVerification = "readiness-verification"
    /// The dimensions to work on first, each with its baseline, target, owner and re-score date.
    case readinessFocus = "readiness-focus"

    /// True for a block written whenever anything is scored, so its section is never empty.
    public var isAlwaysWritten: Bool { self == .readinessScores }
}

/// A readiness dimension, scored from its statements.
public struct Dimension: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// The role that owns the work on this dimension, e.g. "Director of finance".
    public var owner: String?

    public init(id: String, title: String, owner: String? = nil) {
        self.id = id
        self.title = title
        self.owner = owner
    }
}
